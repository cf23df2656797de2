using Bosporos.Kernel.Events;
using Bosporos.Kernel.Randomness;
using static Bosporos.Kernel.Tests.Causal.Shipped;

namespace Bosporos.Kernel.Tests.Causal;

/// <summary>
/// When the khagan commits the boats: once his engines have worn the land walls far enough for a land attack to
/// exploit a landing, or, judging the siege lost, as his last card. Never on a count of days.
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
    public void The_boats_wait_until_the_walls_are_worn()
    {
        var early = BoatDays(("command.khagan.8.walls-worn", "0.2"));
        var late = BoatDays(("command.khagan.8.walls-worn", "0.6"));
        Assert.True(MeanDay(late) - MeanDay(early) >= 3, $"boats on day {MeanDay(early):F1} at 0.2 worn, {MeanDay(late):F1} at 0.6");
    }

    [Fact]
    public void Engines_that_wear_the_walls_faster_bring_the_boats_forward()
    {
        var baseline = BoatDays();
        var stronger = BoatDays(("siegecraft.stone-damage-per-engine-hour", "0.0002"));
        Assert.True(MeanDay(baseline) - MeanDay(stronger) >= 1.5, $"boats on day {MeanDay(baseline):F1}, {MeanDay(stronger):F1} with engines twice as strong");
    }

    [Fact]
    public void Before_giving_up_he_throws_in_the_boats()
    {
        // Walls that must be worn all the way: the boats wait for a breach, and where none comes they go in as the
        // last card on the dawn the khagan judges the siege lost: he never gives up with the boats unused (only a
        // starving host breaks up with the card in his hand).
        var days = BoatDays(("command.khagan.8.walls-worn", "1"));
        var lastCards = days.Count(d => d.LastCard);
        Assert.True(lastCards >= Seeds / 3, $"{lastCards} of {Seeds} runs played the last card");
        Assert.DoesNotContain(days, d => d.Day < 0 && d.Cause == EndCause.AimLost);

        // In the shipped scenario most runs send them once the walls are worn, some as the last card.
        var shipped = BoatDays();
        Assert.True(shipped.Count(d => d.Day >= 0 && !d.LastCard) >= Seeds / 2, $"{shipped.Count(d => d.Day >= 0 && !d.LastCard)} runs sent them on worn walls");
    }
}
