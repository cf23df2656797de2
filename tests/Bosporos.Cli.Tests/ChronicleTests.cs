using Bosporos.Analysis.Tests.Runs;
using Bosporos.Cli.Rendering;
using Bosporos.Kernel;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.Time;
using Bosporos.Scenarios.Narrative;
using NodaTime;

namespace Bosporos.Cli.Tests;

public class ChronicleTests
{
    private static readonly SiegeDefinition Siege = TestSieges.Small();

    private static SiegeEvent E(int day, int hour, EventKind kind, short zone = -1, short actor = -1, short other = -1, int v1 = 0, int v2 = 0, int v3 = 0, int odds = -1, int roll = -1) =>
        new(SimTime.FromDay(day, hour), kind, zone, actor, other, v1, v2, v3, odds, roll);

    [Fact]
    public void The_29th_of_July_626_was_a_Tuesday_and_the_2nd_of_August_a_Saturday()
    {
        var dates = new JulianDates(Siege.Calendar); // the test siege starts on 29 July 626
        Assert.Equal(IsoDayOfWeek.Tuesday, dates.Date(0).DayOfWeek);
        Assert.Equal("Tuesday 29 July 626", dates.Heading(0));
        Assert.Equal("Saturday 2 August 626", dates.Heading(4));
        Assert.Equal("0626-08-08", dates.Iso(10));
    }

    [Fact]
    public void Julian_dates_follow_the_scenario_calendar_start()
    {
        var dates = new JulianDates(new CalendarDefinition { StartYear = 626, StartMonth = 6, StartDay = 29, HorizonDays = 120 });
        Assert.Equal("Tuesday 29 July 626", dates.Heading(30));
        Assert.Equal("0626-06-29", dates.Iso(0));
    }

    [Fact]
    public void Events_are_grouped_under_day_headings_with_hours()
    {
        using var w = new StringWriter();
        Chronicle.Write(w, Siege, [E(0, 6, EventKind.ProcessionHeld), E(0, 9, EventKind.AqueductCut), E(4, 12, EventKind.SiegeLifted)]);
        var lines = w.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("Tuesday 29 July 626", lines[0]);
        Assert.Equal("  06:00  The patriarch carried the icons in procession along the walls.", lines[1]);
        Assert.StartsWith("  09:00  The besiegers cut the aqueduct", lines[2], StringComparison.Ordinal);
        Assert.Equal(string.Empty, lines[3]);
        Assert.Equal("Saturday 2 August 626", lines[4]);
    }

    [Fact]
    public void Hourly_engagements_fold_into_one_line_per_day_and_sector()
    {
        using var w = new StringWriter();
        Chronicle.Write(w, Siege,
        [
            E(4, 5, EventKind.Engagement, zone: 0, v1: 100, v2: 10),
            E(4, 6, EventKind.Engagement, zone: 0, v1: 200, v2: 20),
            E(4, 6, EventKind.Engagement, zone: 1, v1: 5, v2: 1),
            E(4, 7, EventKind.Engagement, zone: 0, v1: 1000, v2: 30),
            E(4, 16, EventKind.AssaultRepulsed, zone: 0, v1: 1300, v2: 60),
            E(5, 5, EventKind.Engagement, zone: 0, v1: 7, v2: 3),
        ]);
        var text = w.ToString();
        Assert.Contains("Fighting at Lycus valley wall went on for 3 hours (from 05:00 to 08:00): the attackers lost 1,300 men, the defenders 60.", text, StringComparison.Ordinal);
        Assert.Contains("Fighting at Blachernae sea wall went on for one hour: the attackers lost 5 men, the defenders 1.", text, StringComparison.Ordinal);
        Assert.Contains("Fighting at Lycus valley wall went on for one hour: the attackers lost 7 men, the defenders 3.", text, StringComparison.Ordinal);
        Assert.Equal(3, text.Split("Fighting at").Length - 1);
        Assert.Contains("  16:00  The assault on Lycus valley wall was thrown back.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Dice_decided_events_say_the_odds_and_roll()
    {
        var s = Chronicle.Sentence(Siege, E(7, 2, EventKind.EnvoysIntercepted, zone: 5, v1: 3, odds: 6200, roll: 1800));
        Assert.Equal("The guard ships caught an envoys' boat in the Bosporus (odds 62%, roll 18%).", s);
    }

    [Fact]
    public void Sentences_use_scenario_names_for_contingents_flotillas_and_engines()
    {
        Assert.Equal("Shahrbaraz's army arrived, 10,000 men strong.", Chronicle.Sentence(Siege, E(0, 7, EventKind.ContingentArrived, actor: 5, v1: 10000)));
        Assert.Equal("Shahrbaraz's army: 10,000 men in position.", Chronicle.Sentence(Siege, E(0, 0, EventKind.ContingentArrived, actor: 5, v1: 10000)));
        Assert.Contains("Slav monoxyla", Chronicle.Sentence(Siege, E(9, 1, EventKind.BoatsSunk, zone: 4, actor: 1, other: 4, v1: 50, v2: 400, v3: 20, odds: 7000, roll: 100)), StringComparison.Ordinal);
        Assert.Contains("Slav boatmen", Chronicle.Sentence(Siege, E(9, 1, EventKind.BoatsSunk, zone: 4, actor: 1, other: 4, v1: 50, v2: 400, v3: 20)), StringComparison.Ordinal);
        Assert.Contains("towers", Chronicle.Sentence(Siege, E(6, 3, EventKind.TowerBurned, zone: 0, actor: 1, v1: 3)), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_event_kind_has_a_sentence_without_raw_indices()
    {
        foreach (var kind in Enum.GetValues<EventKind>())
        {
            var s = Chronicle.Sentence(Siege, E(1, 1, kind, zone: 0, actor: 0, other: 0, v1: 1, v2: 2, v3: 3));
            Assert.False(string.IsNullOrWhiteSpace(s));
            Assert.EndsWith(".", s, StringComparison.Ordinal);
            Assert.DoesNotContain("someone", s, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Zone_glosses_in_parentheses_are_left_out_of_sentences()
    {
        var siege = Siege with { Zones = [.. Siege.Zones.Select((z, i) => i == 0 ? z with { Name = "Mesoteichion (Lycus valley)" } : z)] };
        Assert.Equal("An assault began on Mesoteichion: 5 attackers against 2 defenders, with no towers.", Chronicle.Sentence(siege, E(3, 5, EventKind.AssaultBegan, zone: 0, v1: 5, v2: 2)));
    }

    [Fact]
    public void Small_odds_keep_two_decimals() =>
        Assert.EndsWith("(odds 0.42%, roll 0.07%).", Chronicle.Sentence(Siege, E(3, 5, EventKind.TowerBurned, zone: 0, actor: 1, v1: 2, odds: 42, roll: 7)), StringComparison.Ordinal);

    [Fact]
    public void An_empty_log_says_so()
    {
        using var w = new StringWriter();
        Chronicle.Write(w, Siege, []);
        Assert.Equal("Tuesday 29 July 626: nothing of note was recorded.", w.ToString().TrimEnd());
    }

    [Fact]
    public void Boat_groups_caught_in_the_same_hour_and_place_fold_into_one_line()
    {
        using var w = new StringWriter();
        Chronicle.Write(w, Siege,
        [
            E(9, 6, EventKind.BoatsSunk, zone: 4, actor: 1, other: 4, v1: 50, v2: 400, v3: 20, odds: 9700, roll: 3000),
            E(9, 6, EventKind.BoatsSunk, zone: 4, actor: 1, other: 4, v1: 40, v2: 300, v3: 10, odds: 9700, roll: 9000),
            E(9, 6, EventKind.BoatsSlipped, zone: 4, actor: 1, v1: 10, odds: 9700, roll: 9800),
        ]);
        var text = w.ToString();
        Assert.Contains("Slav monoxyla was caught in the Golden Horn in 2 groups: 90 boats lost, 700 of Slav boatmen killed and 30 taken (odds 97%, rolls 30% to 90%).", text, StringComparison.Ordinal);
        Assert.Contains("10 boats of Slav monoxyla slipped past the guard ships in the Golden Horn (odds 97%, roll 98%).", text, StringComparison.Ordinal);
    }
}
