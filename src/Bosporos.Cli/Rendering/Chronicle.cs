using System.Globalization;
using Bosporos.Kernel;
using Bosporos.Kernel.Events;
using Bosporos.Scenarios.Narrative;
using static Bosporos.Scenarios.Narrative.Names;

namespace Bosporos.Cli.Rendering;

/// <summary>
/// Tells a run's events as a dated chronicle: one sentence per notable event, grouped under Julian day headings,
/// with the hourly engagements of an assault folded into one line per day and sector.
/// </summary>
internal static class Chronicle
{
    public static void Write(TextWriter output, SiegeDefinition d, ReadOnlySpan<SiegeEvent> events)
    {
        var dates = new JulianDates(d.Calendar);
        var day = -1;
        var foldedToday = new HashSet<int>();
        if (events.IsEmpty)
        {
            output.WriteLine($"{dates.Heading(0)}: nothing of note was recorded.");
            return;
        }

        for (var i = 0; i < events.Length; i++)
        {
            var e = events[i];
            if (e.Time.Day != day)
            {
                if (day >= 0)
                {
                    output.WriteLine();
                }

                day = e.Time.Day;
                foldedToday.Clear();
                output.WriteLine(dates.Heading(day));
            }

            string sentence;
            if (e.Kind == EventKind.Engagement)
            {
                if (!foldedToday.Add(e.Zone))
                {
                    continue;
                }

                sentence = FoldEngagements(d, events, i);
            }
            else if (e.Kind == EventKind.AssaultRepulsed && foldedToday.Contains(e.Zone))
            {
                // The day's losses were just told with the folded fighting.
                sentence = $"The assault on {Zone(d, e.Zone)} was thrown back{Odds(e)}.";
            }
            else if (e.Kind is EventKind.BoatsSunk or EventKind.BoatsSlipped && Groups(events, i) is var n && n > 1)
            {
                sentence = FoldGroups(d, events.Slice(i, n));
                i += n - 1;
            }
            else
            {
                sentence = Sentence(d, e);
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {e.Time.HourOfDay:00}:00  {sentence}"));
        }
    }

    private static string FoldEngagements(SiegeDefinition d, ReadOnlySpan<SiegeEvent> events, int first)
    {
        var e0 = events[first];
        int hours = 0, attackers = 0, defenders = 0, lastHour = e0.Time.HourOfDay;
        for (var j = first; j < events.Length && events[j].Time.Day == e0.Time.Day; j++)
        {
            var e = events[j];
            if (e.Kind == EventKind.Engagement && e.Zone == e0.Zone)
            {
                hours++;
                attackers += e.Value1;
                defenders += e.Value2;
                lastHour = e.Time.HourOfDay;
            }
        }

        var span = hours == 1 ? "one hour" : $"{hours} hours (from {e0.Time.HourOfDay:00}:00 to {lastHour + 1:00}:00)";
        return $"Fighting at {Zone(d, e0.Zone)} went on for {span}: the attackers lost {Count(attackers)} men, the defenders {Count(defenders)}.";
    }

    /// <summary>How many events from <paramref name="first"/> on are boat groups of one flotilla in one place and hour.</summary>
    private static int Groups(ReadOnlySpan<SiegeEvent> events, int first)
    {
        var e0 = events[first];
        var n = 1;
        while (first + n < events.Length && events[first + n] is var e &&
               e.Time == e0.Time && e.Kind == e0.Kind && e.Actor == e0.Actor && e.Zone == e0.Zone)
        {
            n++;
        }

        return n;
    }

    /// <summary>Boats row in groups that are caught or slip through one by one: tell one line for all of them.</summary>
    private static string FoldGroups(SiegeDefinition d, ReadOnlySpan<SiegeEvent> groups)
    {
        var e0 = groups[0];
        int v1 = 0, v2 = 0, v3 = 0, minRoll = int.MaxValue, maxRoll = int.MinValue;
        foreach (var g in groups)
        {
            v1 += g.Value1;
            v2 += g.Value2;
            v3 += g.Value3;
            minRoll = Math.Min(minRoll, g.Roll);
            maxRoll = Math.Max(maxRoll, g.Roll);
        }

        var f = EventFields.For(e0.Kind);
        var actor = Name(d, f.Actor, e0.Actor);
        var zone = Zone(d, e0.Zone);
        var odds = e0.Odds < 0
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $" (odds {e0.Odds / 100.0:0.##}%, rolls {Math.Max(0, minRoll) / 100.0:0.##}% to {Math.Max(0, maxRoll) / 100.0:0.##}%)");
        return e0.Kind == EventKind.BoatsSunk
            ? $"{actor} was caught {Where(d, e0.Zone)} in {groups.Length} groups: {Count(v1)} boats lost, {Count(v2)} of {Name(d, f.Other, e0.Other)} killed and {Count(v3)} taken{odds}."
            : $"{Count(v1)} boats of {actor}, in {groups.Length} groups, slipped past the guard ships {Where(d, e0.Zone)}{odds}.";
    }

    public static string Sentence(SiegeDefinition d, in SiegeEvent e) => EventSentences.Sentence(d, e);
}
