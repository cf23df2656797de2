using System.Globalization;
using System.Text;
using Bosporos.Kernel;
using Bosporos.Kernel.Events;

namespace Bosporos.Analysis.Experiments;

/// <summary>Renders kernel events as plain clauses with names ("Boats sunk: Roman fleet, Slav canoes; boats lost 12").</summary>
public static class EventSentence
{
    public static string Describe(SiegeDefinition definition, SiegeEvent e)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var fields = EventFields.For(e.Kind);
        var sb = new StringBuilder(Humanize(e.Kind.ToString()));
        var names = new List<string>();
        AddName(names, definition, fields.Actor, e.Actor);
        AddName(names, definition, fields.Other, e.Other);
        if (e.Zone >= 0 && e.Zone < definition.Zones.Length)
        {
            names.Add("at " + definition.Zones[e.Zone].Name);
        }

        if (names.Count > 0)
        {
            sb.Append(" (").Append(string.Join(", ", names)).Append(')');
        }

        var values = new List<string>();
        AddValue(values, fields.Value1, e.Value1);
        AddValue(values, fields.Value2, e.Value2);
        AddValue(values, fields.Value3, e.Value3);
        if (values.Count > 0)
        {
            sb.Append(": ").Append(string.Join(", ", values));
        }

        if (e.Odds >= 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $" [odds {e.Odds / 100.0:0.##}%, roll {e.Roll / 100.0:0.##}]");
        }

        return sb.ToString();
    }

    /// <summary>"day 12, 06:00" for a simulated hour.</summary>
    public static string When(int hours) =>
        string.Create(CultureInfo.InvariantCulture, $"day {hours / 24}, {hours % 24:00}:00");

    /// <summary>"BoatsSunk" → "boats sunk"; "menKilled" → "men killed".</summary>
    public static string Humanize(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                sb.Append(' ');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    private static void AddName(List<string> names, SiegeDefinition d, EventRef kind, short index)
    {
        if (index < 0)
        {
            return;
        }

        string? name = kind switch
        {
            EventRef.Contingent when index < d.Contingents.Length => d.Contingents[index].Name,
            EventRef.Flotilla when index < d.Flotillas.Length => d.Flotillas[index].Name,
            EventRef.EnginePark when index < d.Engines.Length => d.Engines[index].Id,
            _ => null,
        };
        if (name is not null)
        {
            names.Add(name);
        }
    }

    private static void AddValue(List<string> values, string? name, int value)
    {
        if (name is not null)
        {
            values.Add(Value(name, value));
        }
    }

    /// <summary>
    /// One event field for people: per-mille fields as percentages ("morale 31.8%"), counts with grouped thousands
    /// ("men 12,000"), and a few fields by their meaning ("food for 12 days", "held 6 hours").
    /// </summary>
    public static string Value(string field, int value)
    {
        ArgumentNullException.ThrowIfNull(field);
        var n = value.ToString("#,##0", CultureInfo.InvariantCulture);
        return field switch
        {
            "innerIntegrityPermille" => $"inner wall {Permille(value)} intact",
            "outerIntegrityPermille" => $"outer wall {Permille(value)} intact",
            "foodDaysLeft" => $"food for {n} days",
            "hoursHeld" => $"held {n} hours",
            "shortfallManDays" => $"short by {n} man-days",
            "effectiveRatioPercent" => $"effective ratio {n}%",
            _ when field.EndsWith("Permille", StringComparison.Ordinal) => $"{Humanize(field[..^"Permille".Length])} {Permille(value)}",
            _ when field.EndsWith("Percent", StringComparison.Ordinal) => $"{Humanize(field[..^"Percent".Length])} {n}%",
            _ => $"{Humanize(field)} {n}",
        };
    }

    private static string Permille(int value) => (value / 10.0).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
