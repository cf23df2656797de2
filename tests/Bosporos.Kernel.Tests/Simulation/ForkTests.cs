using Bosporos.Kernel.Command;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Time;
using Bosporos.Testing;

namespace Bosporos.Kernel.Tests.Simulation;

/// <summary>A fork of a run at any hour continues exactly as the run itself, and the two are independent afterwards.</summary>
public class ForkTests
{
    private static (Kernel.Events.SiegeEvent[] Events, ulong[] Daily, ulong[] Subsystems, SiegeSummary Summary) Whole(SiegeDefinition d, ulong seed, Order[] orders)
    {
        var sim = Kernel.Simulation.Create(d, seed);
        while (!sim.IsOver)
        {
            sim.Step(orders);
        }

        return (sim.Events.All.ToArray(), sim.DailyHashes.ToArray(), sim.DailySubsystemHashes.ToArray(), sim.Summary);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(247)]
    [InlineData(725)]
    [InlineData(773)]
    [InlineData(900)]
    [InlineData(942)]
    public void Forking_at_any_hour_and_continuing_gives_the_uninterrupted_run(int hour)
    {
        // The shipped scenario: the fork hours fall before the host comes up, on the first assault, in the night of a
        // crossing and on the morning of the boat attack. An order (a procession) is given after most of them.
        var d = Causal.Shipped.Definition;
        Order[] orders = [new(SimTime.FromDay(36, 9), Side.Roman, OrderKind.Procession, -1, 0)];
        var whole = Whole(d, 11, orders);

        var sim = Kernel.Simulation.Create(d, 11);
        while (!sim.IsOver && sim.Now.Hours < hour)
        {
            sim.Step(orders);
        }

        Assert.Equal(hour, sim.Now.Hours);
        var fork = sim.Fork();
        while (!fork.IsOver)
        {
            fork.Step(orders);
        }

        Assert.Equal(whole.Events, fork.Events.All.ToArray());
        Assert.Equal(whole.Daily, fork.DailyHashes.ToArray());
        Assert.Equal(whole.Subsystems, fork.DailySubsystemHashes.ToArray());
        Assert.Equal(whole.Summary, fork.Summary);

        // The original was not disturbed by its fork's future: it continues the same way.
        while (!sim.IsOver)
        {
            sim.Step(orders);
        }

        Assert.Equal(whole.Summary, sim.Summary);
        Assert.Equal(whole.Events, sim.Events.All.ToArray());
    }

    [Fact]
    public void A_fork_given_other_orders_parts_from_the_original()
    {
        var d = new SiegeBuilder().Build();
        var sim = Kernel.Simulation.Create(d, 4);
        while (sim.Now.Day < 11)
        {
            Assert.False(sim.IsOver);
            sim.Step();
        }

        var fork = sim.Fork();
        Order[] withdraw = [new(fork.Now, Side.Avar, OrderKind.Withdraw, -1, 0)];
        fork.Step(withdraw);
        Assert.Equal(EndCause.Ordered, fork.Summary.Cause);
        sim.RunToEnd();
        Assert.NotEqual(EndCause.Ordered, sim.Summary.Cause);
    }
}
