using Bosporos.Kernel.Events;
using Bosporos.Kernel.Randomness;
using static Bosporos.Kernel.Tests.Causal.Shipped;

namespace Bosporos.Kernel.Tests.Causal;

/// <summary>
/// When the khagan commits the boats: once his engines no longer gain on the repairs fast enough to breach the land
/// walls within the days his food lets him stay, or, judging the siege lost, as his last card. Never on a count of days.
/// </summary>
public class BoatTimingTests
{
    private const int Seeds = 60;

    /// <summary>The day of the attack by land and water in each seed's run (-1 when none), and whether it was the last card.</summary>
    private static (int Day, bool LastCard, EndCause Cause)[] BoatDays(params (string Path, string Value)[] sets)
    {
        var result = new (int, bool, EndCause)[Seeds];
        var sim = Kernel.Simulation.Create(Load(sets), 0);
        for (var k = 0; k < Seeds; k++)
        {
            sim.Reset(SplitMix64.Derive(626, (ulong)k));
            sim.RunToEnd();
            var events = sim.Events.All.ToArray();
            var combined = events.Where(e => e.Kind == EventKind.KhaganDecided && e.Value1 == (int)KhaganDecision.CombinedAttack).Select(e => e.Time.Day).DefaultIfEmpty(-1).First();
            var lastCard = events.Any(e => e.Kind == EventKind.KhaganDecided && e.Value1 == (int)KhaganDecision.LastCard && e.Time.Day == combined);
            result[k] = (combined, lastCard, sim.Summary.Cause);
        }

        return result;
    }

    private static double MeanDay((int Day, bool LastCard, EndCause Cause)[] days) => days.Where(d => d.Day >= 0).Average(d => d.Day);

    [Fact]
    public void Repairs_that_keep_pace_with_the_engines_bring_the_boats_forward()
    {
        // Repairs twice as fast: the engines stop gaining on the walls sooner, so the land alone is seen to fail
        // sooner and the boats go earlier (about 6 days on the shipped scenario).
        var baseline = BoatDays();
        var repaired = BoatDays(("command.defenders.night-repair-per-hour", "0.03"));
        Assert.True(MeanDay(baseline) - MeanDay(repaired) >= 3, $"boats on day {MeanDay(baseline):F1}, {MeanDay(repaired):F1} with repairs twice as fast");
    }

    [Fact]
    public void Food_lets_him_wait_longer_on_the_engines()
    {
        // Twice the food: a slow gain on the walls still breaches within the days he can stay, so the boats wait.
        var baseline = BoatDays();
        var fed = BoatDays(Supplies(2));
        Assert.True(MeanDay(fed) - MeanDay(baseline) >= 2, $"boats on day {MeanDay(baseline):F1}, {MeanDay(fed):F1} with twice the food");
    }

    [Fact]
    public void Without_the_stall_rule_he_waits_for_worn_walls()
    {
        // The other way a scenario can time the boats: a wear to wait for. The more wear he waits for, the later.
        var early = BoatDays(("command.khagan.8.after-walls-stall", "false"), ("command.khagan.8.walls-worn", "0.2"));
        var late = BoatDays(("command.khagan.8.after-walls-stall", "false"), ("command.khagan.8.walls-worn", "0.6"));
        Assert.True(MeanDay(late) - MeanDay(early) >= 3, $"boats on day {MeanDay(early):F1} at 0.2 worn, {MeanDay(late):F1} at 0.6");
    }

    [Fact]
    public void Before_giving_up_he_throws_in_the_boats()
    {
        // Walls that must be worn all the way: the boats wait for a breach, and where none comes they go in as the
        // last card on the dawn the khagan judges the siege lost: he never gives up with the boats unused (only a
        // starving host breaks up with the card in his hand).
        var days = BoatDays(("command.khagan.8.after-walls-stall", "false"), ("command.khagan.8.walls-worn", "1"));
        var lastCards = days.Count(d => d.LastCard);
        Assert.True(lastCards >= Seeds / 3, $"{lastCards} of {Seeds} runs played the last card");
        Assert.DoesNotContain(days, d => d.Day < 0 && d.Cause == EndCause.AimLost);

        // In the shipped scenario most runs send them because the engines stalled, few as the last card.
        var shipped = BoatDays();
        Assert.True(shipped.Count(d => d.Day >= 0 && !d.LastCard) >= Seeds * 3 / 4, $"{shipped.Count(d => d.Day >= 0 && !d.LastCard)} runs sent them on stalled walls");
    }
}
