using System.Globalization;
using System.Text.Json.Nodes;
using Bosporos.Scenarios.Validation;
using Bosporos.Scenarios.Yaml;

namespace Bosporos.Scenarios.Tests;

/// <summary>Turns a YAML scenario into JSON (plain scalars typed as YAML's core schema reads them), for schema tests.</summary>
internal static class JsonFromYaml
{
    public static string Convert(string yaml) => ToNode(Read(yaml))!.ToJsonString(new() { WriteIndented = true });

    public static JsonNode? ToNodeFromYaml(string yaml) => ToNode(Read(yaml));

    private static YNode Read(string yaml)
    {
        var bag = new DiagnosticBag("x.yaml", 10);
        return YamlTreeReader.ReadDocument(yaml, LoaderLimits.Default, bag) ?? throw new InvalidOperationException(string.Join("\n", bag.Items));
    }

    private static JsonNode? ToNode(YNode node) => node switch
    {
        YMapping m => new JsonObject(m.Entries.Select(e => KeyValuePair.Create(e.Key.Value, ToNode(e.Value)))),
        YSequence s => new JsonArray(s.Items.Select(ToNode).ToArray()),
        YScalar { IsNull: true } => null,
        YScalar { Plain: true, Value: "true" or "false" } b => JsonValue.Create(b.Value == "true"),
        YScalar { Plain: true } n when decimal.TryParse(n.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        YScalar s => JsonValue.Create(s.Value),
        _ => throw new InvalidOperationException(),
    };
}
