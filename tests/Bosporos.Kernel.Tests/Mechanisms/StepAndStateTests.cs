using Bosporos.Kernel.Command;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Time;
using Bosporos.Testing;

namespace Bosporos.Kernel.Tests.Mechanisms;

/// <summary>The hour's order of work: orders, the horizon, the state hashes by subsystem and the run's summary.</summary>
public class StepAndStateTests
{
    private static SiegeEvent FirstAssault(Kernel.Simulation sim, int day) =>
        sim.Events.All.ToArray().First(e => e.Kind == EventKind.AssaultBegan && e.Time.Day == day);

    [Fact]
    public void An_assault_order_names_the_sector_and_orders_for_no_sector_are_ignored()
    {
        var d = new SiegeBuilder().Build();
        var south = (short)Sieges.Zone(d, "south");
        var at = SimTime.FromDay(11, 2);
        var ordered = Sieges.RunWith(d, 3, new Order(at, Side.Avar, OrderKind.Assault, south, 0));
        Assert.Equal(south, FirstAssault(ordered, 11).Zone);
        var decided = ordered.Events.All.ToArray().First(e => e.Kind == EventKind.KhaganDecided && e.Time.Day == 11);
        Assert.Equal(south, decided.Zone);

        var middle = Sieges.Zone(d, "middle");
        foreach (var target in new short[] { (short)Sieges.Zone(d, "camp"), -1, 999 })
        {
            var sim = Sieges.RunWith(d, 3, new Order(at, Side.Avar, OrderKind.Assault, target, 0));
            Assert.Equal(middle, FirstAssault(sim, 11).Zone);
        }

        // The order holds for its day only; and the Romans cannot give it.
        Assert.Equal(middle, FirstAssault(ordered, 12).Zone);
        Assert.Equal(middle, FirstAssault(Sieges.RunWith(d, 3, new Order(at, Side.Roman, OrderKind.Assault, south, 0)), 11).Zone);
    }

    [Fact]
    public void Patrol_orders_outside_the_map_or_with_a_negative_count_are_refused()
    {
        var d = new SiegeBuilder().Build();
        var horn = Sieges.Zone(d, "horn");
        var at = SimTime.FromDay(1, 3);
        foreach (var (target, value, expected) in new[] { ((short)horn, -5, 15), ((short)horn, 7, 7), ((short)d.Zones.Length, 7, 15), ((short)-1, 7, 15) })
        {
            var sim = Kernel.Simulation.Create(d, 1);
            Order[] orders = [new(at, Side.Roman, OrderKind.Patrol, target, value)];
            Sieges.StepTo(sim, at.AddHours(1), orders);

            Assert.Equal(expected, sim.PatrolHulls(horn));
        }

        // The khagan cannot move the Roman ships.
        var avar = Kernel.Simulation.Create(d, 1);
        Sieges.StepTo(avar, at.AddHours(1), [new Order(at, Side.Avar, OrderKind.Patrol, (short)horn, 0)]);

        Assert.Equal(15, avar.PatrolHulls(horn));
    }

    [Fact]
    public void At_the_horizon_the_siege_stays_undecided_and_stepping_on_changes_nothing()
    {
        var d = Sieges.Unbesieged(new SiegeBuilder { HorizonDays = 4 }.Build());
        var sim = Kernel.Simulation.Create(d, 2);
        var s = sim.RunToEnd();
        Assert.Equal(Outcome.Undecided, s.Outcome);
        Assert.Equal(EndCause.Horizon, s.Cause);
        Assert.Equal(SimTime.FromDay(4), s.End);
        Assert.Equal(4, sim.DailyHashes.Length);
        Assert.Equal(4 * Kernel.Simulation.SubsystemCount, sim.DailySubsystemHashes.Length);
        var last = Assert.Single(sim.Events.All.ToArray(), e => e.Kind == EventKind.SiegeUndecided);
        Assert.Equal(SimTime.FromDay(4), last.Time);
        var (count, hash, now) = (sim.Events.Count, sim.StateHash, sim.Now);
        sim.Step();
        Assert.Equal((count, hash, now), (sim.Events.Count, sim.StateHash, sim.Now));
        Assert.Equal(s, sim.Summary);
        Assert.Equal(0, s.CloseSiegeDays);
    }

    [Fact]
    public void A_days_hash_is_folded_when_the_siege_ends_mid_day()
    {
        var d = new SiegeBuilder().Build();
        var sim = Sieges.RunWith(d, 4, new Order(SimTime.FromDay(12, 9), Side.Avar, OrderKind.Withdraw, -1, 0));
        Assert.Equal(13, sim.DailyHashes.Length);
        Assert.Equal(sim.StateHash, sim.DailyHashes[12]);
    }

    [Fact]
    public void Each_subsystem_hash_moves_with_its_own_state_only()
    {
        var d = Sieges.Unbesieged(new SiegeBuilder().Build());
        var horn = (short)Sieges.Zone(d, "horn");
        var sim = Kernel.Simulation.Create(d, 5);
        Sieges.StepTo(sim, SimTime.FromDay(2, 10));

        var naval = sim.Fork();
        naval.Step([new Order(naval.Now, Side.Roman, OrderKind.Patrol, horn, 3)]);
        var procession = sim.Fork();
        procession.Step([new Order(procession.Now, Side.Roman, OrderKind.Procession, -1, 0)]);
        sim.Step();

        Subsystem[] all = [Subsystem.Forces, Subsystem.Walls, Subsystem.Naval, Subsystem.Supply, Subsystem.Command];
        bool[] Differs(Kernel.Simulation other) => [.. all.Select(s => other.SubsystemHash(s) != sim.SubsystemHash(s))];
        // The ships moved (naval) and the order is on record (command, whose hash counts the events).
        Assert.Equal([false, false, true, false, true], Differs(naval));
        Assert.Equal([true, false, false, false, true], Differs(procession));
        Assert.NotEqual(sim.StateHash, naval.StateHash);
        Assert.NotEqual(sim.StateHash, procession.StateHash);
    }

    [Fact]
    public void The_summary_adds_up_the_ledgers()
    {
        var d = new SiegeBuilder { Galleys = 10 }.Build();
        var sides = d.Contingents.Select(c => c.Side).ToArray();
        Sieges.Each(d, 30, sim =>
        {
            var s = sim.Summary;
            int Lost(Side side) => Enumerable.Range(0, sides.Length).Where(i => sides[i] == side).Sum(i =>
            {
                var l = sim.Ledger(i);
                return l.Killed + l.Wounded + l.Deserted + l.Captured;
            });
            Assert.Equal(Lost(Side.Roman), s.RomanLosses);
            Assert.Equal(Lost(Side.Avar), s.HostLosses);
            Assert.Equal(Lost(Side.Persian), s.PersianLosses);
            Assert.Equal(Enumerable.Range(0, sides.Length).Where(i => sides[i] == Side.Avar).Sum(i => sim.Ledger(i).Deserted), s.HostDeserted);
            Assert.Equal(Math.Max(0, s.End.Day - d.Command.Withdrawal.MainArmyDay), s.CloseSiegeDays);
            Assert.Equal(sim.Now, s.End);
            Assert.Equal(sim.StateHash, s.StateHash);
            Assert.Equal(sim.PersiansLanded, s.PersiansFerried);
            var events = sim.Events.All.ToArray();
            Assert.Equal(events.Where(e => e.Kind == EventKind.CanoesLaunched).Sum(e => e.Value1), s.CanoesLaunched);
            Assert.Equal(events.Where(e => e.Kind == EventKind.BoatsSunk).Sum(e => e.Value1), s.CanoesLost);
            Assert.Equal(events.Any(e => e.Kind == EventKind.EnvoysIntercepted), s.EnvoysCaught);
            Assert.Equal(events.Any(e => e.Kind == EventKind.SignalLearned), s.SignalLearned);
            if (s.Outcome != Outcome.Lifted)
            {
                Assert.Equal(WithdrawalFactors.None, s.Factors);
            }
            else
            {
                Assert.Equal((int)s.Factors, events.Single(e => e.Kind == EventKind.KhaganWithdrew).Value3);
            }
        });
    }
    [Fact]
    public void Only_the_khagan_can_hold_his_assault_and_a_run_needs_a_definition()
    {
        var d = new SiegeBuilder().Build();
        var held = Sieges.RunWith(d, 3, new Order(SimTime.FromDay(11, 0), Side.Roman, OrderKind.HoldAssault, -1, 0));
        Assert.Equal(Sieges.Zone(d, "middle"), FirstAssault(held, 11).Zone);
        Assert.Throws<ArgumentNullException>(() => Kernel.Simulation.Create(null!, 1));
    }
}
