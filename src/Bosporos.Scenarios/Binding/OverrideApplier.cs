using System.Globalization;
using Bosporos.Kernel;
using Bosporos.Scenarios.Validation;
using Bosporos.Scenarios.Yaml;

namespace Bosporos.Scenarios.Binding;

/// <summary>
/// Applies <c>--set path=value</c> overrides to the node tree before binding, so an overridden value goes through
/// exactly the same checks as one written in the file. Paths use kebab-case keys, list items by id (or 0-based
/// index for lists without ids); a cited number keeps its citation and only its value changes.
/// </summary>
internal static class OverrideApplier
{
    public static void Apply(YMapping root, IReadOnlyList<ScenarioOverride> overrides, LoaderLimits limits, DiagnosticBag bag) =>
        Apply(root, overrides, limits, bag, typeof(SiegeDefinition));

    /// <summary>Applies the overrides to a scenario whose root binds to <paramref name="rootType"/> (a siege or a war).</summary>
    public static void Apply(YMapping root, IReadOnlyList<ScenarioOverride> overrides, LoaderLimits limits, DiagnosticBag bag, Type rootType)
    {
        foreach (var o in overrides)
        {
            var path = (o.Path ?? string.Empty).Trim();
            var segments = path.Split('.');
            if (path.Length == 0 || segments.Any(s => s.Length == 0))
            {
                bag.OverrideError(DiagnosticCodes.BadOverride, path, $"'{path}' is not a valid --set path.",
                    "Write --set section.key=value, e.g. --set contingents.field-troops.strength=12000 or --set combat.law=square.");
                continue;
            }

            var value = YamlTreeReader.ReadOverrideValue(o.Value ?? string.Empty, limits, bag, path);
            if (value is null)
            {
                continue;
            }

            Apply(root, segments, path, value, bag, rootType);
        }
    }

    private static void Apply(YMapping root, string[] segments, string path, YNode value, DiagnosticBag bag, Type rootType)
    {
        YNode node = root;
        var model = RecordModel.For(rootType);
        PropertyModel? property = null;
        var walked = string.Empty;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;

            if (property is not null && property.IsNumber && node is YMapping cited)
            {
                // Inside a cited number only its value may be set.
                if (segment != "value" || !last)
                {
                    Unknown(bag, path, walked, segment, ["value"]);
                    return;
                }

                Replace(cited, "value", value);
                return;
            }

            if (property is { Kind: ValueKind.RecordArray or ValueKind.StringArray } && node is YSequence sequence)
            {
                var index = FindItem(sequence, property, segment);
                if (index < 0)
                {
                    Unknown(bag, path, walked, segment, ItemNames(sequence, property));
                    return;
                }

                walked = Locator.Join(walked, segment);
                if (last)
                {
                    value.Start = sequence.Items[index].Start;
                    value.ReplacedText = (sequence.Items[index] as YScalar)?.Value;
                    sequence.Items[index] = value;
                    return;
                }

                node = sequence.Items[index];
                if (property.Kind == ValueKind.StringArray)
                {
                    Unknown(bag, path, walked, segments[i + 1], []);
                    return;
                }

                model = property.Record;
                property = null;
                continue;
            }

            if (property is not null)
            {
                // A scalar, or a part of the file that is not what its type expects: nothing lies inside.
                Unknown(bag, path, walked, segment, []);
                return;
            }

            if (!model.ByKey.TryGetValue(segment, out var next) || node is not YMapping mapping)
            {
                Unknown(bag, path, walked, segment, node is YMapping ? model.ByKey.Keys.ToList() : []);
                return;
            }

            walked = Locator.Join(walked, segment);
            var entry = mapping.Find(segment);
            if (last)
            {
                if (entry is not null && next.IsNumber && entry.Value is YMapping citedNumber)
                {
                    Replace(citedNumber, "value", value);
                }
                else if (entry is not null)
                {
                    value.Start = entry.Value.Start;
                    value.ReplacedText = (entry.Value as YScalar)?.Value;
                    entry.Value = value;
                }
                else
                {
                    var key = new YScalar(mapping.Start, segment, plain: true) { FromOverride = true };
                    mapping.Entries.Add(new YEntry(key, value));
                }

                return;
            }

            if (entry is null)
            {
                bag.OverrideError(DiagnosticCodes.UnknownOverridePath, path,
                    $"'{walked}' is not written in the scenario, so nothing inside it can be set.",
                    $"Add '{segment}' to the file first, or set '{walked}' as a whole.");
                return;
            }

            node = entry.Value;
            property = next;
            if (next.Kind == ValueKind.Record)
            {
                model = next.Record;
                property = null;
            }
        }
    }

    private static void Replace(YMapping cited, string key, YNode value)
    {
        var entry = cited.Find(key);
        if (entry is null)
        {
            value.Start = cited.Start;
            cited.Entries.Add(new YEntry(new YScalar(cited.Start, key, plain: true) { FromOverride = true }, value));
            return;
        }

        value.Start = entry.Value.Start;
        value.ReplacedText = (entry.Value as YScalar)?.Value;
        entry.Value = value;
    }

    private static int FindItem(YSequence sequence, PropertyModel property, string segment)
    {
        if (property.Kind == ValueKind.RecordArray && property.Record.IdProperty is not null)
        {
            var byId = sequence.Items.FindIndex(item => item is YMapping m && m.Find("id")?.Value is YScalar id && id.Value == segment);
            if (byId >= 0)
            {
                return byId;
            }
        }

        return int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sequence.Items.Count
            && segment == index.ToString(CultureInfo.InvariantCulture)
            ? index
            : -1;
    }

    private static List<string> ItemNames(YSequence sequence, PropertyModel property)
    {
        if (property.Kind == ValueKind.RecordArray && property.Record.IdProperty is not null)
        {
            return sequence.Items.OfType<YMapping>().Select(m => m.Find("id")?.Value).OfType<YScalar>().Select(s => s.Value).ToList();
        }

        return Enumerable.Range(0, sequence.Items.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
    }

    private static void Unknown(DiagnosticBag bag, string path, string walked, string segment, List<string> valid)
    {
        var where = walked.Length == 0 ? "at the top level" : $"under '{walked}'";
        var hint = valid.Count == 0 ? $"'{walked}' is a single value; set it as a whole." : Suggestions.Hint(segment, valid, "one of");
        bag.OverrideError(DiagnosticCodes.UnknownOverridePath, path, $"--set path '{path}': there is no '{segment}' {where}.", hint);
    }
}
