using Bosporos.Kernel.Command;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Randomness;
using Bosporos.Kernel.Time;

namespace Bosporos.Kernel.Tests.Simulation;

/// <summary>
/// Orders from outside the doctrines (a player, an AI): each is checked against the hour's state, a refused one changes
/// nothing, and an accepted one does what its kind says on the shipped scenario.
/// </summary>
public class OrderTests
{
    private static SiegeDefinition D => Causal.Shipped.Definition;

    private static short Zone(string id) => (short)Array.FindIndex(D.Zones, z => z.Id == id);

    private static int Sector(string zone) => Array.FindIndex(D.WallSectors, s => s.Zone == zone);

    private static Kernel.Simulation At(ulong seed, SimTime time, params Order[] orders)
    {
        var sim = Kernel.Simulation.Create(D, seed);
        while (!sim.IsOver && sim.Now < time)
        {
            sim.Step(orders);
        }

        return sim;
    }

    private static Kernel.Simulation Whole(ulong seed, params Order[] orders)
    {
        var sim = Kernel.Simulation.Create(D, seed);
        while (!sim.IsOver)
        {
            sim.Step(orders);
        }

        return sim;
    }

    private static SiegeEvent[] Of(Kernel.Simulation sim, EventKind kind) => sim.Events.All.ToArray().Where(e => e.Kind == kind).ToArray();

    [Fact]
    public void Each_refusal_names_its_reason()
    {
        var now = SimTime.FromDay(33, 5);
        var sim = At(3, now);
        var mesoteichion = Zone("mesoteichion");
        Assert.Equal(OrderRefusal.None, sim.Check(new Order(now, Side.Roman, OrderKind.Reinforce, mesoteichion, 0)));
        Assert.Equal(OrderRefusal.WrongSide, sim.Check(new Order(now, Side.Avar, OrderKind.Reinforce, mesoteichion, 0)));
        Assert.Equal(OrderRefusal.WrongSide, sim.Check(new Order(now, Side.Roman, OrderKind.Assault, mesoteichion, 0)));
        Assert.Equal(OrderRefusal.NotThisHour, sim.Check(new Order(now.AddHours(1), Side.Roman, OrderKind.Procession, -1, 0)));
        Assert.Equal(OrderRefusal.UnknownTarget, sim.Check(new Order(now, Side.Roman, OrderKind.Reinforce, 999, 0)));
        Assert.Equal(OrderRefusal.UnknownTarget, sim.Check(new Order(now, Side.Avar, OrderKind.Assault, Zone("golden-horn-upper"), 0)));
        Assert.Equal(OrderRefusal.UnknownTarget, sim.Check(new Order(now, Side.Avar, OrderKind.Assault, Zone("marmara-wall"), 0)));
        Assert.Equal(OrderRefusal.BadValue, sim.Check(new Order(now, Side.Roman, OrderKind.Sortie, mesoteichion, -5)));
        Assert.Equal(OrderRefusal.BadValue, sim.Check(new Order(now, Side.Roman, OrderKind.Patrol, Zone("golden-horn-upper"), 100_000)));
        Assert.Equal(OrderRefusal.BadValue, sim.Check(new Order(now, Side.Roman, OrderKind.SetTrap, -1, 2)));
        Assert.Equal(OrderRefusal.NotPossibleNow, sim.Check(new Order(now, Side.Avar, OrderKind.BuildEngines, -1, 0)));
        Assert.Equal(OrderRefusal.NotPossibleNow, sim.Check(new Order(now, Side.Roman, OrderKind.Sortie, Zone("marmara-wall"), 100)));
        Assert.Equal(OrderRefusal.UnknownKind, sim.Check(new Order(now, Side.Roman, (OrderKind)200, -1, 0)));
        var over = Whole(3);
        Assert.Equal(OrderRefusal.SiegeOver, over.Check(new Order(over.Now, Side.Roman, OrderKind.Procession, -1, 0)));
    }

    [Fact]
    public void A_refused_order_changes_nothing_and_is_not_recorded()
    {
        var plain = Whole(5);
        Order[] bad =
        [
            new(SimTime.FromDay(33, 5), Side.Avar, OrderKind.Reinforce, Zone("blachernae"), 0),
            new(SimTime.FromDay(33, 6), Side.Roman, OrderKind.Sortie, Zone("mesoteichion"), -1),
            new(SimTime.FromDay(34, 5), Side.Avar, OrderKind.Assault, 999, 0),
            new(SimTime.FromDay(35, 5), Side.Avar, OrderKind.BuildEngines, -1, 0),
        ];
        var withBad = Whole(5, bad);
        Assert.Equal(plain.DailyHashes.ToArray(), withBad.DailyHashes.ToArray());
        Assert.Equal(plain.Events.All.ToArray(), withBad.Events.All.ToArray());
        Assert.Empty(Of(withBad, EventKind.OrderGiven));
    }

    [Fact]
    public void A_patrol_never_puts_more_warships_on_the_water_than_the_fleet_has()
    {
        var at = SimTime.FromDay(33, 5);
        var horn = Zone("golden-horn-upper");
        var before = At(3, at);
        var total = Enumerable.Range(0, D.Zones.Length).Sum(before.PatrolHulls);
        var sim = At(3, at.AddHours(1), new Order(at, Side.Roman, OrderKind.Patrol, horn, 60));
        Assert.Equal(total, Enumerable.Range(0, D.Zones.Length).Sum(sim.PatrolHulls));
        Assert.Equal(before.PatrolHulls(horn), sim.PatrolHulls(horn));

        // Taken from one station first, the ships can go to another in the same hour.
        var south = Zone("bosporus-south");
        var moved = At(3, at.AddHours(1), new Order(at, Side.Roman, OrderKind.Patrol, south, 5), new Order(at, Side.Roman, OrderKind.Patrol, horn, before.PatrolHulls(horn) + 10));
        Assert.Equal(before.PatrolHulls(horn) + 10, moved.PatrolHulls(horn));
        Assert.Equal(total, Enumerable.Range(0, D.Zones.Length).Sum(moved.PatrolHulls));
    }

    [Fact]
    public void An_accepted_order_is_told_with_who_gave_it()
    {
        var order = new Order(SimTime.FromDay(33, 9), Side.Roman, OrderKind.Procession, -1, 0) { Source = OrderSource.Ai };
        var sim = Whole(5, order);
        var told = Assert.Single(Of(sim, EventKind.OrderGiven));
        Assert.Equal(order.Time, told.Time);
        Assert.Equal((int)OrderKind.Procession, told.Value1);
        Assert.Equal((int)OrderSource.Ai, told.Value3);
        Assert.Contains(Of(sim, EventKind.ProcessionHeld), e => e.Time == order.Time);
    }

    [Fact]
    public void Reinforce_mans_the_ordered_sector_until_handed_back()
    {
        // On the morning of the third assault the doctrine fears the Mesoteichion; an order makes the Golden Gate the
        // threatened sector instead: more men stand there, fewer in the Mesoteichion, and it holds through the next dawn.
        var at = SimTime.FromDay(33, 3);
        var plain = At(7, at.AddHours(1));
        var gate = Sector("golden-gate");
        var meso = Sector("mesoteichion");
        var order = new Order(at, Side.Roman, OrderKind.Reinforce, Zone("golden-gate"), 0);
        var ordered = At(7, at.AddHours(1), order);
        Assert.True(ordered.DefendersAt(gate) >= plain.DefendersAt(gate) + 1_000, $"{ordered.DefendersAt(gate)} vs {plain.DefendersAt(gate)}");
        Assert.True(ordered.DefendersAt(meso) < plain.DefendersAt(meso));
        Assert.True(ordered.ThreatByOrder);

        var nextDawn = At(7, SimTime.FromDay(34, 6), order);
        Assert.Equal(gate, nextDawn.ThreatSector);
        var back = new Order(SimTime.FromDay(34, 7), Side.Roman, OrderKind.Reinforce, -1, 0);
        var handedBack = At(7, SimTime.FromDay(35, 6), order, back);
        Assert.False(handedBack.ThreatByOrder);
        Assert.NotEqual(gate, handedBack.ThreatSector);
    }

    [Fact]
    public void Sortie_goes_where_and_when_ordered_and_none_goes_when_forbidden()
    {
        // Engines stand before the Mesoteichion from the first days of August; an ordered sortie of 800 goes out at
        // 01:00 the next night against them.
        var at = SimTime.FromDay(34, 20);
        var probe = At(9, at);
        var target = Enumerable.Range(0, D.WallSectors.Length).First(s => probe.EnginesBefore(s) > 0);
        var zone = Zone(D.WallSectors[target].Zone);
        var sim = Whole(9, new Order(at, Side.Roman, OrderKind.Sortie, zone, 800));
        var sortie = Assert.Single(Of(sim, EventKind.SortieMade), e => e.Time == SimTime.FromDay(35, 1));
        Assert.Equal(zone, sortie.Zone);
        Assert.Equal(800, sortie.Value3);

        // Forbidding every night's sortie removes the doctrine's sorties on those nights.
        var plain = Whole(9);
        var nights = Of(plain, EventKind.SortieMade).Select(e => e.Time).ToArray();
        Assert.NotEmpty(nights);
        var forbid = nights.Select(t => new Order(t.AddHours(-2), Side.Roman, OrderKind.Sortie, -1, 0)).ToArray();
        var none = Whole(9, forbid);
        Assert.DoesNotContain(Of(none, EventKind.SortieMade), e => e.Time == nights[0]);
    }

    [Fact]
    public void Answering_terms_and_a_demand_gives_up_the_city()
    {
        var at = SimTime.FromDay(33, 10);
        var sim = Whole(4, new Order(at, Side.Roman, OrderKind.AnswerEnvoys, -1, 1), new Order(at, Side.Avar, OrderKind.DemandSurrender, -1, 0));
        Assert.Equal(Outcome.Negotiated, sim.Outcome);
        Assert.Equal(at, sim.Events.All.ToArray().Last(e => e.Kind == EventKind.CityNegotiated).Time);

        // Refusing: the same demand is turned down and the siege goes on.
        var refused = Whole(4, new Order(at, Side.Avar, OrderKind.DemandSurrender, -1, 0));
        Assert.Contains(Of(refused, EventKind.DefendersDecided), e => e.Time == at && e.Value1 == (int)DefenderDecision.RefuseTerms);
        Assert.NotEqual(Outcome.Negotiated, refused.Outcome);
    }

    [Fact]
    public void An_assault_ordered_mid_morning_begins_at_once_on_the_ordered_sector()
    {
        var at = SimTime.FromDay(33, 9);
        var gate = Zone("golden-gate");
        var sim = Whole(2, new Order(at, Side.Avar, OrderKind.Assault, gate, 0));
        Assert.Contains(Of(sim, EventKind.AssaultBegan), e => e.Time == at && e.Zone == gate);
        var plain = Whole(2);
        Assert.DoesNotContain(Of(plain, EventKind.AssaultBegan), e => e.Zone == gate);
    }

    [Fact]
    public void Holding_the_assault_means_none_that_day()
    {
        var plain = Whole(2);
        var first = Of(plain, EventKind.AssaultBegan).First().Time;
        var held = Whole(2, new Order(SimTime.FromDay(first.Day, 1), Side.Avar, OrderKind.HoldAssault, -1, 0));
        Assert.DoesNotContain(Of(held, EventKind.AssaultBegan), e => e.Time.Day == first.Day);
    }

    [Fact]
    public void The_boats_go_on_the_day_the_khagan_orders_them()
    {
        // The doctrine waits for several failed assaults; ordered on the morning of the second assault, the attack by
        // land and water goes in that day.
        var plain = Whole(6);
        var doctrineDay = Of(plain, EventKind.KhaganDecided).First(e => e.Value1 == (int)KhaganDecision.CombinedAttack).Time.Day;
        var assaults = Of(plain, EventKind.AssaultBegan).Select(e => e.Time.Day).Distinct().ToArray();
        var day = assaults[1];
        Assert.True(day < doctrineDay);
        var at = SimTime.FromDay(day, 5);
        var probe = At(6, at);
        Assert.Equal(OrderRefusal.None, probe.Check(new Order(at, Side.Avar, OrderKind.LaunchBoats, -1, 0)));
        var sim = Whole(6, new Order(at, Side.Avar, OrderKind.LaunchBoats, -1, 0));
        Assert.Contains(Of(sim, EventKind.KhaganDecided), e => e.Value1 == (int)KhaganDecision.CombinedAttack && e.Time.Day == day);
    }

    [Fact]
    public void Sparing_the_survivors_means_no_executions_and_no_trap_means_fewer_boats_lost()
    {
        long executedPlain = 0, executedSpared = 0, lostTrap = 0, lostNoTrap = 0;
        var learned = 0;
        for (ulong k = 0; k < 40; k++)
        {
            var seed = SplitMix64.Derive(626, k);
            var plain = Whole(seed);
            executedPlain += Of(plain, EventKind.SurvivorsExecuted).Sum(e => e.Value1);
            var spared = Whole(seed, new Order(SimTime.FromDay(30, 0), Side.Avar, OrderKind.SpareSurvivors, -1, 1));
            executedSpared += Of(spared, EventKind.SurvivorsExecuted).Sum(e => e.Value1);

            var noTrap = Whole(seed, new Order(SimTime.FromDay(30, 0), Side.Roman, OrderKind.SetTrap, -1, 0));
            if (plain.Summary.CanoesLaunched > 0 && plain.SignalLearned)
            {
                learned++;
                lostTrap += plain.Summary.CanoesLost;
                lostNoTrap += noTrap.Summary.CanoesLost;
                Assert.DoesNotContain(Of(noTrap, EventKind.DefendersDecided), e => e.Value1 == (int)DefenderDecision.SetTrap);
            }
        }

        Assert.True(executedPlain > 1_000, $"executed {executedPlain}");
        Assert.Equal(0, executedSpared);
        Assert.True(learned >= 5, $"signal learned in {learned} runs");
        Assert.True(lostTrap > lostNoTrap, $"{lostTrap} lost with the trap, {lostNoTrap} without");
    }

    [Fact]
    public void Envoys_and_engines_go_when_ordered()
    {
        var at = SimTime.FromDay(30, 22);
        var sim = Whole(8, new Order(at, Side.Avar, OrderKind.SendEnvoys, -1, 0));
        Assert.Equal(at, Of(sim, EventKind.EnvoysSent).Single().Time);
        var probe = At(8, at.AddHours(1), new Order(at, Side.Avar, OrderKind.SendEnvoys, -1, 0));
        Assert.Equal(OrderRefusal.NotPossibleNow, probe.Check(new Order(probe.Now, Side.Avar, OrderKind.SendEnvoys, -1, 0)));

        var early = SimTime.FromDay(29, 6);
        var built = Whole(8, new Order(early, Side.Avar, OrderKind.BuildEngines, -1, 0));
        var plain = Whole(8);
        Assert.True(Of(built, EventKind.EnginesBuilt).First().Time < Of(plain, EventKind.EnginesBuilt).First().Time);
    }

    [Fact]
    public void Forks_with_a_sample_key_draw_their_own_dice_the_same_for_the_same_key()
    {
        var sim = At(12, SimTime.FromDay(31, 0));
        static ulong[] Run(Kernel.Simulation s)
        {
            while (!s.IsOver)
            {
                s.Step();
            }

            return s.DailyHashes.ToArray();
        }

        var a = Run(sim.Fork(1));
        var b = Run(sim.Fork(1));
        var c = Run(sim.Fork(2));
        var real = Run(sim.Fork());
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.NotEqual(a, real);

        // The same key at another hour is another stream.
        var later = At(12, SimTime.FromDay(31, 1));
        Assert.NotEqual(a.Skip(31).First(), Run(later.Fork(1)).Skip(31).First());
        Assert.Equal(SimTime.FromDay(31, 0), sim.Now);
    }

    [Fact]
    public void A_branch_goes_on_under_the_variant_and_refuses_another_shape()
    {
        var sim = At(12, SimTime.FromDay(35, 0));
        var same = sim.Branch(D, 3);
        var fork = sim.Fork(3);
        same.RunToEnd();
        fork.RunToEnd();
        Assert.Equal(fork.DailyHashes.ToArray(), same.DailyHashes.ToArray());

        // With patrols that rarely catch a boat (a rule, so it acts from the branch on) far fewer boats are lost.
        var variant = Causal.Shipped.Load([("naval.intercept-by-day", "0.05"), ("naval.intercept-by-night", "0.05")]);
        long sunkBase = 0, sunkVariant = 0;
        for (ulong k = 0; k < 30; k++)
        {
            sunkBase += Run(sim.Branch(D, k)).CanoesLost;
            sunkVariant += Run(sim.Branch(variant, k)).CanoesLost;
        }

        Assert.True(sunkVariant < sunkBase, $"{sunkVariant} boats lost with weak patrols, {sunkBase} with the shipped ones");

        var smaller = D with { Zones = D.Zones[..^1] };
        Assert.Throws<ArgumentException>(() => sim.Branch(smaller, 1));
        Assert.False(Kernel.Simulation.SameShape(D, smaller));

        static SiegeSummary Run(Kernel.Simulation s) => s.RunToEnd();
    }
}
