using System.Globalization;
using Bosporos.Kernel;
using Bosporos.Scenarios;
using Bosporos.Scenarios.Documents;
using Bosporos.Scenarios.Validation;
using Bosporos.Testing;
using Bosporos.Web.Scenarios;

namespace Bosporos.Web.Tests;

/// <summary>
/// A small siege built in code (so the web tests do not depend on the shipped scenario file), served under the id
/// "test-siege". Overrides of the cited numbers are applied with their ranges checked, as the loader does; any other
/// path gives an error diagnostic.
/// </summary>
internal sealed class TestScenarios : IScenarioSource
{
    public const string Id = "test-siege";

    public static readonly (string Path, decimal Value, decimal Low, decimal High, string Source)[] Cited =
    [
        ("contingents.garrison.strength", 12000, 10000, 15000, "Hurbanič 2019 p. 163"),
        ("contingents.persians.strength", 10000, 5000, 20000, "Chronicon Paschale"),
        ("flotillas.galleys.hulls", 30, 0, 100, "guess for tests"),
        ("combat.defender-lethality", Definition().Combat.DefenderLethality.Raw / 10_000m, 0.001m, 1m, "model calibration"),
    ];

    public IReadOnlyList<ScenarioSummaryDto> List() => [new(Id, "A test siege")];

    public LoadResult? Load(string id, IReadOnlyList<ScenarioOverride> overrides)
    {
        if (id != Id)
        {
            return null;
        }

        var values = Cited.ToDictionary(c => c.Path, c => c.Value, StringComparer.Ordinal);
        var diagnostics = new List<Diagnostic>();
        foreach (var o in overrides)
        {
            var cited = Cited.FirstOrDefault(c => c.Path == o.Path);
            if (cited.Path is null)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, "BOS2001", "--set", 0, 0, o.Path, $"No number at path '{o.Path}'.", "Paths look like contingents.garrison.strength."));
            }
            else if (!decimal.TryParse(o.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                diagnostics.Add(new Diagnostic(Severity.Error, "BOS2002", "--set", 0, 0, o.Path, $"'{o.Value}' is not a number."));
            }
            else if (v < 0)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, "BOS2003", "--set", 0, 0, o.Path, $"{v} is negative."));
            }
            else
            {
                values[o.Path] = v;
            }
        }

        var document = new ScenarioDocument(Id, "A test siege", "test-siege.yaml", 1,
            Cited.Select((c, i) => new CitedNumber(c.Path, values[c.Path], c.Source, Reliability.Standard, c.Low, c.High, null, i + 5, 7)).ToArray());
        return diagnostics.Count > 0
            ? new LoadResult(null, null, diagnostics, "0")
            : new LoadResult(Definition(values), document, [], "0123456789abcdef");
    }

    public static SiegeDefinition Definition(IReadOnlyDictionary<string, decimal>? values = null)
    {
        decimal V(string path, decimal fallback) => values is not null && values.TryGetValue(path, out var v) ? v : fallback;
        var siege = new SiegeBuilder
        {
            Garrison = (int)V("contingents.garrison.strength", 12000),
            Persians = (int)V("contingents.persians.strength", 10000),
            Galleys = (int)V("flotillas.galleys.hulls", 30),
        }.Build();
        return siege with { Combat = siege.Combat with { DefenderLethality = SiegeBuilder.R(V("combat.defender-lethality", siege.Combat.DefenderLethality.Raw / 10_000m)) } };
    }
}
