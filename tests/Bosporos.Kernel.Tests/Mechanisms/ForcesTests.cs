using Bosporos.Kernel.Command;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.Forces;
using Bosporos.Testing;

namespace Bosporos.Kernel.Tests.Mechanisms;

/// <summary>Arrivals of men and ships, the patrols' stations, and the lift reinforcements give the city.</summary>
public class ForcesTests
{
    [Fact]
    public void Contingents_and_flotillas_arrive_on_their_day_with_their_strength()
    {
        var d = new SiegeBuilder().Build();
        var sim = Kernel.Simulation.Create(d, 1);
        sim.Step();
        var first = sim.Events.All.ToArray();
        var arrived = first.Where(e => e.Kind == EventKind.ContingentArrived).ToArray();
        var expected = Enumerable.Range(0, d.Contingents.Length).Where(i => d.Contingents[i].ArrivalDay == 0 && d.Contingents[i].Strength > 0).ToArray();
        Assert.Equal(expected, arrived.Select(e => (int)e.Actor));
        Assert.All(arrived, e => Assert.Equal(d.Contingents[e.Actor].Strength, e.Value1));
        Assert.All(expected, i => Assert.Equal(d.Contingents[i].Strength, sim.Ledger(i).Arrived));
        Assert.Equal(0, sim.Ledger(Sieges.Contingent(d, "slavs")).Arrived);
        var fleet = Assert.Single(first, e => e.Kind == EventKind.FlotillaArrived);
        Assert.Equal((0, 30, Sieges.Zone(d, "horn")), (fleet.Actor, fleet.Value1, fleet.Zone));
        Assert.Equal(30, sim.Hulls(0));
        Assert.Equal(0, sim.Hulls(Sieges.Flotilla(d, "canoes")));
        Assert.Equal(15, sim.PatrolHulls(Sieges.Zone(d, "horn")));
        Assert.Equal(15, sim.PatrolHulls(Sieges.Zone(d, "strait")));
        Assert.Equal(12, sim.HostFoodDays); // the vanguard's own rations

        Sieges.StepTo(sim, Time.SimTime.FromDay(10, 1));

        Assert.Equal(20_000, sim.Ledger(Sieges.Contingent(d, "slavs")).Arrived);
        Assert.Equal(200, sim.Hulls(Sieges.Flotilla(d, "canoes")));
        Assert.Equal(100, sim.Hulls(Sieges.Flotilla(d, "ferries")));
    }

    [Fact]
    public void Patrols_are_stationed_from_the_hulls_there_are_in_the_order_written()
    {
        var d0 = new SiegeBuilder().Build();
        PatrolDefinition[] patrols = [new() { Flotilla = "galleys", Zone = "horn", Hulls = 20 }, new() { Flotilla = "galleys", Zone = "strait", Hulls = 20 }];
        var d = d0 with { Command = d0.Command with { Defenders = d0.Command.Defenders with { Patrols = patrols } } };
        var sim = Kernel.Simulation.Create(d, 1);
        sim.Step();
        Assert.Equal(20, sim.PatrolHulls(Sieges.Zone(d, "horn")));
        Assert.Equal(10, sim.PatrolHulls(Sieges.Zone(d, "strait")));
    }

    [Fact]
    public void Reinforcements_lift_the_citys_heart_but_not_the_first_days_garrison()
    {
        // 2,000 militia come on day 3: every Roman contingent takes heart by 0.1. The garrison there from day 0 does not.
        var d0 = Sieges.Unbesieged(new SiegeBuilder { Militia = 2_000, HorizonDays = 5 }.Build());
        var militia = Sieges.Contingent(d0, "militia");
        var d = d0 with { Contingents = [.. d0.Contingents.Select((c, i) => i == militia ? c with { ArrivalDay = 3 } : c)] };
        var sim = Kernel.Simulation.Create(d, 2);
        sim.Step();
        Assert.Equal(7_000, sim.Morale(0));
        Sieges.StepTo(sim, Time.SimTime.FromDay(3).AddHours(1));

        Assert.Equal(8_000, sim.Morale(0));
        Assert.Equal(8_000, sim.Morale(Sieges.Contingent(d, "guards")));
        Assert.Equal(8_000, sim.Morale(militia));
        Assert.Equal(7_000, sim.Morale(Sieges.Contingent(d, "vanguard")));
    }

    [Fact]
    public void Two_reinforcements_on_one_day_lift_the_citys_heart_once()
    {
        // The militia and the guards both come on day 3: the city takes heart once, by 0.1, not twice and not not at all.
        var d0 = Sieges.Unbesieged(new SiegeBuilder { Militia = 2_000, HorizonDays = 5 }.Build());
        var late = new[] { Sieges.Contingent(d0, "militia"), Sieges.Contingent(d0, "guards") };
        var d = d0 with { Contingents = [.. d0.Contingents.Select((c, i) => late.Contains(i) ? c with { ArrivalDay = 3 } : c)] };
        var sim = Kernel.Simulation.Create(d, 2);
        Sieges.StepTo(sim, Time.SimTime.FromDay(3).AddHours(1));

        Assert.Equal(2, sim.Events.All.ToArray().Count(e => e.Kind == Events.EventKind.ContingentArrived && e.Time.Day == 3));
        Assert.Equal(8_000, sim.Morale(0));
        Assert.All(late, i => Assert.Equal(8_000, sim.Morale(i)));
    }
}
