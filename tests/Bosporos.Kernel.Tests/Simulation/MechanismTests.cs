using Bosporos.Kernel.Combat;
using Bosporos.Kernel.Command;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Time;
using Bosporos.Testing;

namespace Bosporos.Kernel.Tests.Simulation;

/// <summary>Each mechanism of the siege model, checked by what it must cause (over many seeds where the dice decide).</summary>
public class MechanismTests
{
    private const int Seeds = 200;

    private static SiegeSummary[] Many(SiegeBuilder b, int n = Seeds)
    {
        var sim = Kernel.Simulation.Create(b.Build(), 0);
        var result = new SiegeSummary[n];
        for (var k = 0; k < n; k++)
        {
            sim.Reset(Kernel.Randomness.SplitMix64.Derive(626, (ulong)k));
            result[k] = sim.RunToEnd();
        }

        return result;
    }

    private static Kernel.Simulation One(SiegeBuilder b, ulong seed = 3)
    {
        var sim = Kernel.Simulation.Create(b.Build(), seed);
        sim.RunToEnd();
        return sim;
    }

    private static int Fallen(SiegeSummary[] runs) => runs.Count(r => r.Outcome == Outcome.Fallen);

    [Fact]
    public void Without_warships_the_Persians_cross_and_with_them_they_rarely_do()
    {
        var guarded = Many(new SiegeBuilder());
        var open = Many(new SiegeBuilder { Galleys = 0 });
        Assert.True(open.Count(r => r.PersiansFerried > 0) > Seeds * 9 / 10, $"open {open.Count(r => r.PersiansFerried > 0)}");
        // One patrolled zone on this small map (the shipped scenario has two: see CalibrationTests for its 5% bound).
        Assert.True(guarded.Count(r => r.PersiansFerried > 0) < Seeds * 2 / 5, $"guarded {guarded.Count(r => r.PersiansFerried > 0)}");
    }

    [Fact]
    public void Ferried_Persians_stand_ashore_and_engines_become_ready()
    {
        var open = One(new SiegeBuilder { Galleys = 0 }, 5);
        Assert.True(open.PersiansLanded > 0);
        Assert.InRange(open.PersiansAshore, 1, open.PersiansLanded);
        var guarded = One(new SiegeBuilder(), 5);
        Assert.Equal(0, guarded.PersiansAshore);
        var throwers = Array.FindIndex(guarded.Definition.Engines, e => e.Id == "throwers");
        var fresh = Kernel.Simulation.Create(new SiegeBuilder().Build(), 5);
        Assert.False(fresh.EngineReady(throwers));
        Assert.True(guarded.EngineReady(throwers));
    }

    [Fact]
    public void Galleys_massacre_canoes()
    {
        var runs = Many(new SiegeBuilder());
        var attacked = runs.Where(r => r.CanoesLaunched > 0).ToArray();
        Assert.NotEmpty(attacked);
        Assert.True(attacked.Count(r => r.CanoesLost * 2 > r.CanoesLaunched) > attacked.Length * 9 / 10);
    }

    [Fact]
    public void Assaults_on_intact_walls_cost_the_attacker_several_times_the_defender()
    {
        var ratios = Many(new SiegeBuilder()).Where(r => r.AssaultDefenderLosses > 0)
            .Select(r => r.AssaultAttackerLosses / (double)r.AssaultDefenderLosses).Order().ToArray();
        Assert.True(ratios[ratios.Length / 2] >= 3, $"median ratio {ratios[ratios.Length / 2]:F2}");
    }

    [Fact]
    public void A_thinner_garrison_loses_the_city_more_often()
    {
        var full = Fallen(Many(new SiegeBuilder { Garrison = 12_000 }));
        var thin = Fallen(Many(new SiegeBuilder { Garrison = 3_000 }));
        Assert.True(thin > full + (Seeds / 10), $"full {full}, thin {thin}");
    }

    [Fact]
    public void A_walled_Blachernae_holds_where_the_Pteron_alone_falls()
    {
        var open = Fallen(Many(new SiegeBuilder { Galleys = 0, Canoes = 600 }));
        var walled = Fallen(Many(new SiegeBuilder { Galleys = 0, Canoes = 600, BlachernaeWalled = true }));
        Assert.True(open > walled, $"open {open}, walled {walled}");
    }

    [Fact]
    public void A_massacred_boat_attack_breaks_the_subjects_and_the_khagan_kills_survivors()
    {
        var sim = One(new SiegeBuilder());
        var events = sim.Events.All.ToArray();
        var sunk = events.Where(e => e.Kind == EventKind.BoatsSunk).ToArray();
        Assert.NotEmpty(sunk);
        Assert.All(sunk, e => Assert.True(e.Roll < e.Odds));
        Assert.Contains(events, e => e.Kind == EventKind.SurvivorsExecuted);
        var slavs = Array.FindIndex(sim.Definition.Contingents, c => c.Id == "slavs");
        Assert.True(sim.Morale(slavs) < sim.Definition.Contingents[slavs].Morale.Raw);
    }

    [Fact]
    public void Caught_envoys_are_recorded_with_the_patrol_odds()
    {
        // Calm weather. Night odds p = 0.75 per reference patrol of 8 warships; 15 on the strait are k = 1.875 patrols:
        // k·p / (1 − p + k·p) = 1.40625 / 1.65625 = 0.8490.
        var sim = One(new SiegeBuilder { CalmShare = 1m, GaleShare = 0m });
        var caught = sim.Events.All.ToArray().Where(e => e.Kind == EventKind.EnvoysIntercepted).ToArray();
        Assert.NotEmpty(caught);
        Assert.All(caught, e => Assert.Equal(8_490, e.Odds));

        // 4 on the strait: k = 0.5, 0.375 / 0.625 = 0.6. Fewer warships, lower odds, never a flat cap.
        var thin = One(new SiegeBuilder { Galleys = 8, CalmShare = 1m, GaleShare = 0m });
        Assert.Contains(thin.Events.All.ToArray(), e => e.Kind == EventKind.EnvoysSent);
        var odds = thin.Events.All.ToArray().Where(e => e.Kind is EventKind.EnvoysIntercepted).Select(e => e.Odds).ToArray();
        Assert.All(odds, o => Assert.Equal(6_000, o));

        // Whether or not the thin patrol caught a boat in this run, the odds it would have faced are the law's.
        var runner = Kernel.Simulation.Create(new SiegeBuilder { Galleys = 8, CalmShare = 1m, GaleShare = 0m }.Build(), 3);
        var many = Enumerable.Range(0, 60).SelectMany(k =>
        {
            runner.Reset((ulong)k);
            runner.RunToEnd();
            return runner.Events.All.ToArray().Where(e => e.Kind == EventKind.EnvoysIntercepted).Select(e => e.Odds);
        }).ToArray();
        Assert.NotEmpty(many);
        Assert.All(many, o => Assert.Equal(6_000, o));
    }

    [Fact]
    public void Stone_throwers_batter_the_wall_and_night_labour_repairs_it()
    {
        var sim = One(new SiegeBuilder());
        var events = sim.Events.All.ToArray();
        var battered = events.Where(e => e.Kind == EventKind.WallBattered).ToArray();
        Assert.NotEmpty(battered);
        Assert.All(battered, e => Assert.True(e.Value1 < 1_000));
        Assert.Contains(events, e => e.Kind == EventKind.WallRepaired);
    }

    [Fact]
    public void The_attrition_law_is_a_real_choice()
    {
        var mixed = Many(new SiegeBuilder { Law = AttritionLaw.Mixed }, 20).Sum(r => r.AssaultAttackerLosses);
        var square = Many(new SiegeBuilder { Law = AttritionLaw.Square }, 20).Sum(r => r.AssaultAttackerLosses);
        var linear = Many(new SiegeBuilder { Law = AttritionLaw.Linear }, 20).Sum(r => r.AssaultAttackerLosses);
        Assert.Equal(3, new[] { mixed, square, linear }.Distinct().Count());
    }

    [Fact]
    public void A_withdraw_order_ends_the_siege_that_hour()
    {
        var d = new SiegeBuilder().Build();
        var sim = Kernel.Simulation.Create(d, 1);
        var when = SimTime.FromDay(12, 9);
        Order[] orders = [new(when, Side.Avar, OrderKind.Withdraw, -1, 0)];
        while (!sim.IsOver)
        {
            sim.Step(orders);
        }

        var s = sim.Summary;
        Assert.Equal(Outcome.Lifted, s.Outcome);
        Assert.Equal(EndCause.Ordered, s.Cause);
        Assert.Equal(when, s.End);
    }

    [Fact]
    public void A_hold_order_cancels_the_days_assault()
    {
        var d = new SiegeBuilder().Build();
        var sim = Kernel.Simulation.Create(d, 1);
        Order[] orders = [new(SimTime.FromDay(11, 0), Side.Avar, OrderKind.HoldAssault, -1, 0)];
        while (!sim.IsOver)
        {
            sim.Step(orders);
        }

        Assert.DoesNotContain(sim.Events.All.ToArray(), e => e.Kind == EventKind.AssaultBegan && e.Time.Day == 11);
        Assert.Contains(sim.Events.All.ToArray(), e => e.Kind == EventKind.AssaultBegan && e.Time.Day == 12);
    }

    [Fact]
    public void A_patrol_order_moves_warships_off_a_zone()
    {
        var d = new SiegeBuilder().Build();
        var strait = Array.FindIndex(d.Zones, z => z.Id == "strait");
        var sim = Kernel.Simulation.Create(d, 1);
        Order[] orders = [new(SimTime.FromDay(1, 0), Side.Roman, OrderKind.Patrol, (short)strait, 0)];
        sim.Step(orders);
        Assert.Equal(15, sim.PatrolHulls(strait));
        while (sim.Now.Day < 2)
        {
            Assert.False(sim.IsOver);
            sim.Step(orders);
        }

        Assert.Equal(0, sim.PatrolHulls(strait));
    }

    [Fact]
    public void Orders_for_another_hour_or_the_wrong_side_are_ignored()
    {
        var d = new SiegeBuilder().Build();
        var plain = Kernel.Simulation.Create(d, 4);
        plain.RunToEnd();
        var ordered = Kernel.Simulation.Create(d, 4);
        Order[] orders = [new(SimTime.FromDay(12, 9), Side.Roman, OrderKind.Withdraw, -1, 0), new(new SimTime(-5), Side.Avar, OrderKind.Withdraw, -1, 0)];
        while (!ordered.IsOver)
        {
            ordered.Step(orders);
        }

        Assert.Equal(plain.Summary, ordered.Summary);
    }
}
