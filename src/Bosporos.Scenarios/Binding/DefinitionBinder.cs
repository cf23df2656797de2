using System.Globalization;
using Bosporos.Kernel.Numerics;
using Bosporos.Scenarios.Documents;
using Bosporos.Scenarios.Validation;
using Bosporos.Scenarios.Yaml;

namespace Bosporos.Scenarios.Binding;

/// <summary>A numeric value as bound: where it is, its value and, when cited, its citation.</summary>
internal sealed record NumberSite(object Owner, PropertyModel Property, decimal Value, YNode Node, string Path, CitedNumber Cited, YNode? RangeNode);

/// <summary>
/// Binds the node tree onto the kernel's definition records by reflection: kebab-case keys to PascalCase
/// properties, required keys, unknown keys with suggestions, strict scalars, and cited numbers.
/// Binding goes on after an error so that one load reports every problem; a value that failed is marked in the
/// <see cref="Locator"/> and the meaning checks skip it.
/// </summary>
internal sealed class DefinitionBinder(DiagnosticBag bag, IReadOnlyDictionary<string, string> sources)
{
    private static readonly Dictionary<string, Reliability> ReliabilityNames = new(StringComparer.Ordinal)
    {
        ["V"] = Reliability.Read,
        ["K"] = Reliability.Standard,
        ["C"] = Reliability.Contested,
        ["read"] = Reliability.Read,
        ["standard"] = Reliability.Standard,
        ["contested"] = Reliability.Contested,
    };

    private static readonly string[] CitedKeys = ["value", "source", "reliability", "range", "note"];

    public Locator Locator { get; } = new();

    public List<NumberSite> Numbers { get; } = [];

    /// <summary>Binds a mapping to a new record; <paramref name="extraKeys"/> are keys handled elsewhere (top level).</summary>
    public object? BindRecord(YNode node, RecordModel model, string path, IReadOnlyCollection<string>? extraKeys = null)
    {
        if (node is not YMapping map)
        {
            bag.Error(DiagnosticCodes.WrongType, node, path,
                $"Expected the fields of a {model.Display} (a mapping of key: value), found {node.Describe()}.",
                $"Write the {model.Display} as indented 'key: value' lines.");
            return null;
        }

        var instance = Activator.CreateInstance(model.Type)!;
        Locator.Record(instance, map, path);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            var key = entry.Key.Value;
            if (extraKeys?.Contains(key) == true)
            {
                continue;
            }

            if (!model.ByKey.TryGetValue(key, out var property))
            {
                var valid = model.ByKey.Keys.Concat(extraKeys ?? []).ToList();
                bag.Error(DiagnosticCodes.UnknownKey, entry.Key, Locator.Join(path, key),
                    $"Unknown key '{key}' in {(path.Length == 0 ? "the scenario" : $"{model.Display} '{path}'")}.",
                    Suggestions.Hint(key, valid, "one of the keys"));
                continue;
            }

            seen.Add(key);
            var childPath = Locator.Join(path, key);
            Locator.Value(instance, property.Name, entry.Value, childPath);
            if (!BindProperty(instance, property, entry.Value, childPath))
            {
                Locator.Fail(instance, property.Name);
            }
        }

        foreach (var property in model.Properties.Where(p => p.Required && !seen.Contains(p.Key)))
        {
            Locator.Fail(instance, property.Name);
            bag.Error(DiagnosticCodes.MissingKey, map, Locator.Join(path, property.Key),
                $"Missing required key '{property.Key}' in {(path.Length == 0 ? "the scenario" : $"{model.Display} '{path}'")}.",
                property.Description is null ? $"Add '{property.Key}:'." : $"Add '{property.Key}:' ({property.Description})");
        }

        return instance;
    }

    private bool BindProperty(object owner, PropertyModel property, YNode node, string path)
    {
        object? value;
        switch (property.Kind)
        {
            case ValueKind.String:
                if (!TryString(node, path, property.Nullable, out var text))
                {
                    return false;
                }

                value = text;
                break;

            case ValueKind.Bool:
                if (node is not YScalar { Plain: true, Value: "true" or "false" } flag)
                {
                    var hint = node is YScalar { Value: var v } ? v.ToLowerInvariant() switch
                    {
                        "yes" or "no" or "on" or "off" or "y" or "n" => "Write true or false; yes/no/on/off are not accepted.",
                        "true" or "false" => "Write true or false in lower case and without quotes.",
                        _ => "Write true or false.",
                    } : "Write true or false.";
                    bag.Error(DiagnosticCodes.NotABoolean, node, path, $"Expected true or false, found {node.Describe()}.", hint);
                    return false;
                }

                value = flag.Value == "true";
                break;

            case ValueKind.Enum:
                if (!TryEnum(node, path, property.ElementType!, out value))
                {
                    return false;
                }

                break;

            case ValueKind.StringArray:
                if (!TryStringArray(owner, property, node, path, out var strings))
                {
                    return false;
                }

                value = strings;
                break;

            case ValueKind.RecordArray:
                if (!TryRecordArray(property, node, path, out var array))
                {
                    return false;
                }

                value = array;
                break;

            case ValueKind.Record:
                value = BindRecord(node, property.Record, path);
                if (value is null)
                {
                    return false;
                }

                break;

            default:
                if (!TryNumber(owner, property, node, path, out value))
                {
                    return false;
                }

                break;
        }

        property.Info.SetValue(owner, value);
        return true;
    }

    private bool TryString(YNode node, string path, bool nullable, out string? text)
    {
        text = null;
        if (node is not YScalar scalar)
        {
            bag.Error(DiagnosticCodes.WrongType, node, path, $"Expected text, found {node.Describe()}.", "Write the text on the same line as its key.");
            return false;
        }

        if (scalar.IsNull)
        {
            if (nullable)
            {
                return true;
            }

            bag.Error(DiagnosticCodes.WrongType, node, path, "Expected text, found nothing.", "Give a value after the colon.");
            return false;
        }

        text = scalar.Value;
        return true;
    }

    private bool TryEnum(YNode node, string path, Type enumType, out object? value)
    {
        value = null;
        var names = EnumNames.For(enumType);
        var kind = PropertyModel.Kebab(enumType.Name);
        if (node is not YScalar { IsNull: false } scalar)
        {
            bag.Error(DiagnosticCodes.UnknownEnumValue, node, path, $"Expected a {kind}, found {node.Describe()}.",
                $"Allowed values: {string.Join(", ", names.Keys)}.");
            return false;
        }

        if (names.TryGetValue(scalar.Value, out value))
        {
            return true;
        }

        var close = Suggestions.Closest(scalar.Value, names.Keys);
        bag.Error(DiagnosticCodes.UnknownEnumValue, node, path, $"Unknown {kind} '{scalar.Value}'.",
            (close.Count > 0 ? $"Did you mean '{close[0]}'? " : string.Empty) + $"Allowed values: {string.Join(", ", names.Keys)}.");
        return false;
    }

    private bool TryStringArray(object owner, PropertyModel property, YNode node, string path, out string[]? strings)
    {
        strings = null;
        if (node is not YSequence sequence)
        {
            bag.Error(DiagnosticCodes.WrongType, node, path, $"Expected a list of ids, found {node.Describe()}.",
                "Write a list such as [a, b] (or [] for none).");
            return false;
        }

        var result = new List<string>();
        var ok = true;
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var itemPath = Locator.Join(path, i.ToString(CultureInfo.InvariantCulture));
            if (TryString(sequence.Items[i], itemPath, nullable: false, out var text))
            {
                Locator.Value(owner, $"{property.Name}[{result.Count}]", sequence.Items[i], itemPath);
                result.Add(text!);
            }
            else
            {
                ok = false;
            }
        }

        strings = [.. result];
        return ok;
    }

    private bool TryRecordArray(PropertyModel property, YNode node, string path, out Array? array)
    {
        array = null;
        var model = property.Record;
        if (node is not YSequence sequence)
        {
            bag.Error(DiagnosticCodes.WrongType, node, path, $"Expected a list of {model.Display} entries, found {node.Describe()}.",
                "Write each entry on its own line starting with '- ' (or [] for none).");
            return false;
        }

        var items = new List<object>();
        var ok = true;
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            var segment = model.IdProperty is not null && item is YMapping m && m.Find("id")?.Value is YScalar { IsNull: false } id
                ? id.Value
                : i.ToString(CultureInfo.InvariantCulture);
            var bound = BindRecord(item, model, Locator.Join(path, segment));
            if (bound is null)
            {
                ok = false;
            }
            else
            {
                items.Add(bound);
            }
        }

        array = Array.CreateInstance(model.Type, items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            array.SetValue(items[i], i);
        }

        return ok;
    }

    private bool TryNumber(object owner, PropertyModel property, YNode node, string path, out object? value)
    {
        value = null;
        YNode valueNode;
        string? source = null;
        string? note = null;
        var reliability = Reliability.Unstated;
        decimal? low = null;
        decimal? high = null;
        YNode? rangeNode = null;
        var cited = false;
        var citationOk = true;

        switch (node)
        {
            case YScalar { IsNull: true } when property.Kind == ValueKind.NullableInt:
                return true;

            case YScalar scalar:
                valueNode = scalar;
                break;

            case YMapping map:
                cited = true;
                var found = ReadCitation(map, path, ref source, ref note, ref reliability, ref low, ref high, ref rangeNode, ref citationOk);
                if (found is null)
                {
                    return false;
                }

                valueNode = found;
                break;

            default:
                bag.Error(DiagnosticCodes.WrongType, node, path, $"Expected a number, found {node.Describe()}.",
                    "Write a number, or a mapping with value, source, reliability, range and note.");
                return false;
        }

        if (valueNode is not YScalar valueScalar)
        {
            bag.Error(DiagnosticCodes.WrongType, valueNode, Locator.Join(path, "value"), $"Expected a number, found {valueNode.Describe()}.",
                "The 'value' of a cited number is a plain number.");
            return false;
        }

        var parsed = NumberText.Parse(valueScalar);
        if (!parsed.Ok)
        {
            bag.Error(parsed.Code!, valueScalar, path, parsed.Message!, parsed.Hint);
            return false;
        }

        var number = parsed.Value;
        if (!TryConvert(property, number, valueScalar, path, out value))
        {
            return false;
        }

        if (!citationOk)
        {
            return false;
        }

        var record = new CitedNumber(path, number, source, reliability, low, high, note, valueScalar.Start.Line, valueScalar.Start.Column)
        {
            Overridden = valueScalar.FromOverride,
            OriginalText = valueScalar.ReplacedText,
        };
        Numbers.Add(new NumberSite(owner, property, number, valueScalar, path, record, rangeNode));
        Locator.Value(owner, property.Name, valueScalar, path);

        var inFile = !node.FromOverride;
        if (inFile && source is null && !IsSchedule(property))
        {
            bag.Warning(DiagnosticCodes.UncitedNumber, valueScalar, path, $"The number {valueScalar.Value} has no source.",
                cited ? "Add 'source:' to the cited number." : "Write it as a cited number: { value: ..., source: ..., reliability: V|K|C }.");
        }

        return true;
    }

    /// <summary>
    /// The hours of the day at which the khagan's intentions are decided are times of day (dawn, night), not
    /// quantities: they may be written plain without a BOS2001 warning. Every other number of an intention is cited.
    /// </summary>
    private static bool IsSchedule(PropertyModel property) =>
        property.Info.DeclaringType == typeof(Kernel.Command.IntentionDefinition)
        && property.Name is "StartHour" or "EndHour";

    private YNode? ReadCitation(
        YMapping map, string path, ref string? source, ref string? note, ref Reliability reliability,
        ref decimal? low, ref decimal? high, ref YNode? rangeNode, ref bool ok)
    {
        YNode? valueNode = null;
        foreach (var entry in map.Entries)
        {
            var keyPath = Locator.Join(path, entry.Key.Value);
            switch (entry.Key.Value)
            {
                case "value":
                    valueNode = entry.Value;
                    break;

                case "source":
                    if (TryString(entry.Value, keyPath, nullable: true, out var text))
                    {
                        source = text is not null && sources.TryGetValue(text, out var full) ? full : text;
                    }
                    else
                    {
                        ok = false;
                    }

                    break;

                case "note":
                    if (TryString(entry.Value, keyPath, nullable: true, out var noteText))
                    {
                        note = noteText;
                    }
                    else
                    {
                        ok = false;
                    }

                    break;

                case "reliability":
                    if (entry.Value is YScalar { IsNull: false } tag && ReliabilityNames.TryGetValue(tag.Value, out var r))
                    {
                        reliability = r;
                    }
                    else
                    {
                        bag.Error(DiagnosticCodes.BadCitation, entry.Value, keyPath, $"Unknown reliability {entry.Value.Describe()}.",
                            "Use V (read in a source), K (standard scholarship, not re-checked) or C (contested); or read, standard, contested.");
                        ok = false;
                    }

                    break;

                case "range":
                    rangeNode = entry.Value;
                    if (!TryRange(entry.Value, keyPath, out low, out high))
                    {
                        ok = false;
                    }

                    break;

                default:
                    bag.Error(DiagnosticCodes.UnknownKey, entry.Key, keyPath, $"Unknown key '{entry.Key.Value}' in a cited number.",
                        Suggestions.Hint(entry.Key.Value, CitedKeys, "one of the keys"));
                    ok = false;
                    break;
            }
        }

        if (valueNode is null)
        {
            bag.Error(DiagnosticCodes.MissingKey, map, Locator.Join(path, "value"), "A cited number needs a 'value'.",
                "Add 'value:' with the number itself; source, reliability, range and note describe it.");
        }

        return valueNode;
    }

    private bool TryRange(YNode node, string path, out decimal? low, out decimal? high)
    {
        low = high = null;
        if (node is not YSequence { Items.Count: 2 } sequence)
        {
            bag.Error(DiagnosticCodes.BadCitation, node, path, $"A range is a list of two numbers [low, high], found {node.Describe()}.",
                "Write the range as [low, high], e.g. [10000, 15000].");
            return false;
        }

        var bounds = new decimal[2];
        for (var i = 0; i < 2; i++)
        {
            if (sequence.Items[i] is not YScalar scalar)
            {
                bag.Error(DiagnosticCodes.BadCitation, sequence.Items[i], path, "A range bound must be a number.", "Write the range as [low, high].");
                return false;
            }

            var parsed = NumberText.Parse(scalar);
            if (!parsed.Ok)
            {
                bag.Error(parsed.Code!, scalar, path, parsed.Message!, parsed.Hint);
                return false;
            }

            bounds[i] = parsed.Value;
        }

        low = bounds[0];
        high = bounds[1];
        return true;
    }

    private bool TryConvert(PropertyModel property, decimal number, YScalar node, string path, out object? value)
    {
        value = null;
        switch (property.Kind)
        {
            case ValueKind.Int or ValueKind.NullableInt or ValueKind.Long:
                if (number != decimal.Truncate(number))
                {
                    bag.Error(DiagnosticCodes.NotANumber, node, path, $"Expected a whole number, found {node.Value}.", "Round it to a whole number.");
                    return false;
                }

                if (property.Kind == ValueKind.Long)
                {
                    if (number is < long.MinValue or > long.MaxValue)
                    {
                        return OutOfRange(node, path, "a whole number", long.MaxValue);
                    }

                    value = (long)number;
                    return true;
                }

                if (number is < int.MinValue or > int.MaxValue)
                {
                    return OutOfRange(node, path, "a whole number", int.MaxValue);
                }

                value = (int)number;
                return true;

            case ValueKind.Ratio:
                // Range before arithmetic: a decimal overflows at about 7.9e28, well before a number this size.
                if (Math.Abs(number) > int.MaxValue / Ratio.Scale)
                {
                    return FarOutOfRange(property, number, node, path);
                }

                var raw = number * Ratio.Scale;
                if (raw != decimal.Truncate(raw))
                {
                    bag.Error(DiagnosticCodes.TooManyDecimals, node, path, $"{node.Value} has more than 4 decimal places.",
                        $"Ratios are kept to 4 decimal places: write {decimal.Round(number, 4, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture)}.");
                    return false;
                }

                if (raw is < int.MinValue or > int.MaxValue)
                {
                    return OutOfRange(node, path, "a ratio", int.MaxValue / Ratio.Scale);
                }

                value = new Ratio((int)raw);
                return true;

            default:
                if (Math.Abs(number) > int.MaxValue / Degrees.Scale)
                {
                    return FarOutOfRange(property, number, node, path);
                }

                var micro = number * Degrees.Scale;
                if (micro != decimal.Truncate(micro))
                {
                    bag.Error(DiagnosticCodes.TooManyDecimals, node, path, $"{node.Value} has more than 6 decimal places.",
                        $"Coordinates are kept to 6 decimal places (about 10 cm): write {decimal.Round(number, 6, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture)}.");
                    return false;
                }

                if (micro is < int.MinValue or > int.MaxValue)
                {
                    return OutOfRange(node, path, "an angle in degrees", int.MaxValue / Degrees.Scale);
                }

                value = new Degrees((int)micro);
                return true;
        }
    }

    /// <summary>A value too large to scale (BOS1106), told with its field's own limits and hint.</summary>
    private bool FarOutOfRange(PropertyModel property, decimal number, YScalar node, string path)
    {
        var rule = NumericRules.For(property);
        var limit = (number < 0 ? rule.Min : rule.Max).ToString(CultureInfo.InvariantCulture);
        bag.Error(DiagnosticCodes.NumberOutOfRange, node, path,
            number < 0 ? $"{node.Value} is below the least allowed value {limit}." : $"{node.Value} is above the largest allowed value {limit}.",
            rule.Hint);
        return false;
    }

    private bool OutOfRange(YScalar node, string path, string what, long max)
    {
        var size = node.Value.TrimStart().StartsWith('-') ? "too small" : "too large";
        bag.Error(DiagnosticCodes.NumberOutOfRange, node, path, $"{node.Value} is {size} for {what} (between {-max:N0} and {max:N0}).",
            "Give a number of a sensible size for this value.");
        return false;
    }
}
