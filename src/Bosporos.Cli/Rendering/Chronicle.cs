using System.Globalization;
using Bosporos.Kernel;
using Bosporos.Kernel.Events;
using static Bosporos.Cli.Rendering.Names;

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
                sentence = $"The assault on {Names.Zone(d, e.Zone)} was thrown back{Odds(e)}.";
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

        var span = hours == 1 ? "one hour" : $"{hours} hours (until {lastHour:00}:00)";
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
            ? $"{actor} was caught off {zone} in {groups.Length} groups: {Count(v1)} boats lost, {Count(v2)} of {Name(d, f.Other, e0.Other)} killed and {Count(v3)} taken{odds}."
            : $"{Count(v1)} boats of {actor}, in {groups.Length} groups, slipped past the guard ships off {zone}{odds}.";
    }

    public static string Sentence(SiegeDefinition d, in SiegeEvent e)
    {
        var f = EventFields.For(e.Kind);
        var actor = Name(d, f.Actor, e.Actor);
        var other = Name(d, f.Other, e.Other);
        var zone = Zone(d, e.Zone);
        var odds = Odds(e);
        return e.Kind switch
        {
            EventKind.ContingentArrived when e.Time.Hours == 0 => $"{actor}: {Count(e.Value1)} men in position.",
            EventKind.ContingentArrived => $"{actor} arrived, {Count(e.Value1)} men strong.",
            EventKind.FlotillaArrived when e.Time.Hours == 0 => $"{actor}: {Count(e.Value1)} hulls on station.",
            EventKind.FlotillaArrived => $"{actor} arrived with {Count(e.Value1)} hulls.",
            EventKind.AqueductCut => $"The aqueduct was cut{odds}.",
            EventKind.ShowOfForce => $"The khagan paraded {Count(e.Value1)} men before {zone}.",
            EventKind.EnginesBuilt => $"The {actor} were ready: {Count(e.Value1)} engines stood before {zone}.",
            EventKind.AssaultBegan => $"An assault began on {zone}: {Count(e.Value1)} attackers against {Count(e.Value2)} defenders, with {Count(e.Value3)} towers.",
            EventKind.AssaultRepulsed => $"The assault on {zone} was thrown back; the attackers lost {Count(e.Value1)} men, the defenders {Count(e.Value2)}{odds}.",
            EventKind.WallBattered => $"Stones battered {zone}: the outer wall stood at {Percent(e.Value1)}, the inner at {Percent(e.Value2)}.",
            EventKind.WallRepaired => $"Overnight the defenders patched {zone} (outer wall {Percent(e.Value1)}, inner {Percent(e.Value2)}).",
            EventKind.EngineWrecked => $"The city's engines wrecked one of the {actor} before {zone}, {Count(e.Value1)} left{odds}.",
            EventKind.TowerBurned => $"A siege tower of the {actor} was burned before {zone}, {Count(e.Value1)} left{odds}.",
            EventKind.WallSeized => $"The attackers won a footing on {zone}: {Count(e.Value1)} men on the wall against {Count(e.Value2)}{odds}.",
            EventKind.LodgementRetaken => $"The defenders cleared the wall at {zone}; the attackers lost {Count(e.Value1)} men, the defenders {Count(e.Value2)}{odds}.",
            EventKind.CityFell => $"The city fell: the enemy had held {zone} for {Count(e.Value1)} hours.",
            EventKind.CanoesLaunched => $"{actor} put out with {Count(e.Value1)} boats carrying {Count(e.Value2)} men.",
            EventKind.EmbassyReceived => "The khagan received an embassy from the city.",
            EventKind.EnvoysSent => $"The khagan sent envoys across to the Persians in {Count(e.Value1)} boats.",
            EventKind.EnvoysIntercepted => $"The guard ships caught the envoys' boats off {zone}{odds}.",
            EventKind.EnvoysArrived => $"The envoys reached the Persians at {zone}{odds}.",
            EventKind.SignalLearned => $"The defenders learned the signal for the Slav boats' attack{(e.Value1 != 0 ? " from the captured envoys" : string.Empty)}{odds}.",
            EventKind.SignalLit => e.Value1 != 0 ? $"The defenders lit a false signal fire at {zone}." : $"The signal fire was lit at {zone}.",
            EventKind.BoatsSunk => $"{actor} was caught off {zone}: {Count(e.Value1)} boats lost, {Count(e.Value2)} of {other} killed and {Count(e.Value3)} taken{odds}.",
            EventKind.BoatsSlipped => $"{Count(e.Value1)} boats of {actor} slipped past the guard ships off {zone}{odds}.",
            EventKind.PersiansFerried => $"{Count(e.Value1)} of {actor} were ferried across to {zone}, {Count(e.Value2)} landed in all{odds}.",
            EventKind.ContingentRefused => $"{actor} refused to attack (morale {Percent(e.Value1)}){odds}.",
            EventKind.ContingentDeserted => $"{Count(e.Value1)} of {actor} deserted (morale {Percent(e.Value2)}){odds}.",
            EventKind.SurvivorsExecuted => $"The khagan had {Count(e.Value1)} survivors of {actor} put to death.",
            EventKind.ProcessionHeld => "The patriarch carried the icons in procession along the walls.",
            EventKind.HostHungry => $"The khagan's host went hungry: food for {Days(e.Value1)}, {Count(e.Value2)} man-days short.",
            EventKind.KhaganWithdrew => $"The khagan burned his engines and withdrew: {Cause((EndCause)e.Value1)} (cohesion {Percent(e.Value2)}, food for {Days(e.Value3)}).",
            EventKind.CityNegotiated => $"The city came to terms with the khagan (morale {Percent(e.Value1)}){odds}.",
            EventKind.SiegeUndecided => "The siege was still undecided when the account ends.",
            EventKind.SiegeLifted => "The siege was lifted.",
            EventKind.CityHungry => $"Bread ran short in the city: food for {Days(e.Value1)}.",
            _ => $"{Kebab(e.Kind.ToString())} at {zone}{odds}.",
        };
    }
}
