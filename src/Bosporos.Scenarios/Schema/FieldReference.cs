using System.Globalization;
using System.Text;
using Bosporos.Kernel;
using Bosporos.Scenarios.Binding;

namespace Bosporos.Scenarios;

/// <summary>
/// The field tables of docs/scenario-format.md, generated from the kernel records, their [Description]s and the
/// loader's range rules, so the reference cannot drift from what the loader accepts.
/// </summary>
public static class FieldReference
{
    /// <summary>Markdown: one table per section, in the order of the file.</summary>
    public static string Markdown()
    {
        var text = new StringBuilder();
        var done = new HashSet<Type>();
        Section(text, RecordModel.For(typeof(SiegeDefinition)), "Top level", done);
        var enums = done.SelectMany(t => RecordModel.For(t).Properties)
            .Where(p => p.Kind == ValueKind.Enum)
            .Select(p => p.ElementType!)
            .Distinct()
            .Where(t => EnumNames.For(t).Values.Any(v => EnumNames.Description(t, v.ToString()!) is not null))
            .ToList();
        foreach (var type in enums)
        {
            text.Append(CultureInfo.InvariantCulture, $"### Values of {PropertyModel.Kebab(type.Name)}\n\n| value | meaning |\n|---|---|\n");
            foreach (var (name, value) in EnumNames.For(type))
            {
                text.Append(CultureInfo.InvariantCulture, $"| `{name}` | {Escape(EnumNames.Description(type, value.ToString()!) ?? string.Empty)} |\n");
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static void Section(StringBuilder text, RecordModel model, string title, HashSet<Type> done)
    {
        if (!done.Add(model.Type))
        {
            return;
        }

        text.Append("### ").Append(title).Append("\n\n");
        if (model.Type == typeof(SiegeDefinition))
        {
            text.Append("Besides `format`, `sources` and `$schema` (above).\n\n");
        }
        else if (model.IdProperty is not null)
        {
            text.Append("Items are addressed in `--set` paths by their `id`.\n\n");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"Written as a `{model.Display}` mapping.\n\n");
        }

        text.Append("| key | type | required | allowed | meaning |\n|---|---|---|---|---|\n");
        foreach (var p in model.Properties)
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{p.Key}` | {TypeName(p)} | {(p.Required ? "yes" : "no")} | {Allowed(p)} | {Escape(p.Description ?? string.Empty)} |\n");
        }

        text.Append('\n');
        foreach (var p in model.Properties.Where(p => p.Kind is ValueKind.Record or ValueKind.RecordArray))
        {
            var child = p.Record;
            var name = model.Type == typeof(SiegeDefinition) ? p.Key : $"{p.Key} ({child.Display})";
            Section(text, child, name, done);
        }
    }

    private static string TypeName(PropertyModel p) => p.Kind switch
    {
        ValueKind.String => p.Nullable ? "text (optional)" : "text",
        ValueKind.Int or ValueKind.Long => "whole number",
        ValueKind.NullableInt => "whole number or empty",
        ValueKind.Bool => "true / false",
        ValueKind.Enum => "one of " + string.Join(", ", EnumNames.For(p.ElementType!).Keys.Select(k => $"`{k}`")),
        ValueKind.Ratio => "ratio (decimal, 4 places)",
        ValueKind.Degrees => "degrees (decimal, 6 places)",
        ValueKind.StringArray => "list of ids",
        ValueKind.RecordArray => $"list of {p.Record.Display}",
        _ => $"{p.Record.Display} mapping",
    };

    private static string Allowed(PropertyModel p)
    {
        if (!p.IsNumber)
        {
            return string.Empty;
        }

        var rule = NumericRules.For(p);
        return FormattableString.Invariant($"{rule.Min:0.####} to {rule.Max:#,0.####}");
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
