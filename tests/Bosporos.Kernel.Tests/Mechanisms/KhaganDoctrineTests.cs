using Bosporos.Kernel.Command;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Numerics;
using Bosporos.Kernel.Randomness;
using Bosporos.Kernel.Time;
using Bosporos.Kernel.Weather;
using Bosporos.Testing;

namespace Bosporos.Kernel.Tests.Mechanisms;

/// <summary>
/// The khagan's doctrine at its edges: assaults ordered on days none is ready, plans without a target or with the
/// assault written first, where he storms (recomputed from the state he sees), when a failing assault is given up,
/// holds, gales, the acts of the plan, and doctrines with nothing to weigh.
/// </summary>
public class KhaganDoctrineTests
{
    /// <summary>The definition with these sectors' walls at these integrities at the start.</summary>
    private static SiegeDefinition Walls(SiegeDefinition d, params (string Zone, decimal Integrity)[] walls) =>
        d with
        {
            WallSectors = [.. d.WallSectors.Select(w => walls.Any(x => x.Zone == w.Zone) ? w with { Integrity = SiegeBuilder.R(walls.First(x => x.Zone == w.Zone).Integrity) } : w)],
        };

    /// <summary>No night repairs and no processions: the walls and the men on them change only by the fighting.</summary>
    private static SiegeDefinition Still(SiegeDefinition d) =>
        Sieges.Defenders(d, x => x with { NightRepairPerHour = Ratio.Zero, ProcessionBelow = Ratio.Zero });

    private static SiegeEvent[] Run(SiegeDefinition d, ulong seed, params Order[] orders) => Sieges.RunWith(d, seed, orders).Events.All.ToArray();

    private static bool IsAssaultDecision(SiegeEvent e) =>
        e.Kind == EventKind.KhaganDecided && e.Value1 is (int)KhaganDecision.Assault or (int)KhaganDecision.AssaultBreach or (int)KhaganDecision.CombinedAttack;

    private static int Index(SiegeDefinition d, PlanAction action) => Array.FindIndex(d.Command.Khagan, i => i.Action == action);

    [Fact]
    public void An_assault_ordered_before_dawn_on_a_day_none_is_ready_goes_in_at_the_first_general_assaults_hour()
    {
        // The written assault waits thirty days. An order at 02:00 on day 12 sends the first general-assault intention
        // (third in the plan) against the sector named, at its own start hour; a hold given at 03:00 stops it.
        var d = Sieges.Plan(Sieges.Small, i => i.Action == PlanAction.GeneralAssault ? i with { DaysAfter = 30 } : i);
        var general = Index(d, PlanAction.GeneralAssault);
        Assert.Equal(2, general);
        var south = (short)Sieges.Zone(d, "south");
        var order = new Order(SimTime.FromDay(12, 2), Side.Avar, OrderKind.Assault, south, 0);
        for (ulong seed = 0; seed < 4; seed++)
        {
            var run = Run(d, seed, order);
            var decided = Assert.Single(run, e => IsAssaultDecision(e) && e.Time.Day <= 14);
            Assert.Equal(SimTime.FromDay(12, 5), decided.Time);
            Assert.Equal((int)KhaganDecision.Assault, decided.Value1);
            Assert.Equal(south, decided.Zone);
            Assert.Equal(general, decided.Value3);
            Assert.Contains(run, e => e.Kind == EventKind.AssaultBegan && e.Time == decided.Time && e.Zone == south);

            var held = Run(d, seed, order, new Order(SimTime.FromDay(12, 3), Side.Avar, OrderKind.HoldAssault, -1, 0));
            Assert.DoesNotContain(held, e => (IsAssaultDecision(e) || e.Kind == EventKind.AssaultBegan) && e.Time.Day <= 14);
        }
    }

    [Fact]
    public void An_assault_ordered_on_a_day_a_written_one_is_ready_turns_that_one_to_the_sector_named()
    {
        // A second general assault, written last, is ready from day 11 at 08:00; the first waits thirty days. The
        // order names the sector; the assault goes in at the ready intention's hour, not the first one's.
        var d0 = Sieges.Plan(Sieges.Small, i => i.Action == PlanAction.GeneralAssault ? i with { DaysAfter = 30 } : i);
        var general = Index(d0, PlanAction.GeneralAssault);
        var d = Sieges.Plan(d0, [.. d0.Command.Khagan, d0.Command.Khagan[general] with { DaysAfter = 1, StartHour = 8 }]);
        var late = d.Command.Khagan.Length - 1;
        var south = (short)Sieges.Zone(d, "south");
        for (ulong seed = 0; seed < 4; seed++)
        {
            var run = Run(d, seed, new Order(SimTime.FromDay(12, 2), Side.Avar, OrderKind.Assault, south, 0));
            var decided = Assert.Single(run, e => IsAssaultDecision(e) && e.Time.Day == 12);
            Assert.Equal((SimTime.FromDay(12, 8), south, late), (decided.Time, decided.Zone, decided.Value3));
        }
    }

    [Fact]
    public void With_no_general_assault_in_the_plan_an_ordered_assault_starts_nothing()
    {
        // The plan has a boat attack second and no general assault: an ordered assault has no window to go in by, and
        // it must not set off the boat attack in its place.
        var d0 = Sieges.Small;
        var steps = d0.Command.Khagan;
        var d = Sieges.Plan(d0, steps[Index(d0, PlanAction.CutAqueduct)], steps[Index(d0, PlanAction.CombinedAttack)], steps[Index(d0, PlanAction.BuildEngines)],
            steps[Index(d0, PlanAction.SendEnvoys)], steps[Index(d0, PlanAction.FerryPersians)]);
        var south = (short)Sieges.Zone(d, "south");
        for (ulong seed = 0; seed < 4; seed++)
        {
            var run = Run(d, seed, new Order(SimTime.FromDay(11, 2), Side.Avar, OrderKind.Assault, south, 0), new Order(SimTime.FromDay(12, 8), Side.Avar, OrderKind.Assault, south, 0));
            Assert.Contains(run, e => e.Kind == EventKind.OrderGiven && e.Time.Day == 12);
            Assert.DoesNotContain(run, e => (IsAssaultDecision(e) || e.Kind == EventKind.AssaultBegan) && e.Time.Day is 11 or 12);
        }
    }

    [Fact]
    public void An_assault_written_first_in_the_plan_is_weighed_and_fought()
    {
        var d0 = Sieges.Small;
        var steps = d0.Command.Khagan;
        var d = Sieges.Plan(d0, [steps[Index(d0, PlanAction.GeneralAssault)], .. steps.Where(i => i.Action != PlanAction.GeneralAssault)]);
        var fought = 0;
        foreach (var run in Sieges.Events(d, 6))
        {
            var first = run.First(e => IsAssaultDecision(e));
            Assert.Equal(0, first.Value3);
            Assert.Equal(SimTime.FromDay(11, 5), first.Time);
            fought += run.Count(e => e.Kind == EventKind.Engagement && e.Time.Day == 11);
        }

        Assert.True(fought >= 6 * 6, $"{fought} hours fought on day 11");
    }

    /// <summary>
    /// Where a general assault goes, from the state he sees at its hour: the written target (or, with none written,
    /// the land sector where cover times the men on it over its length is least, the first on ties); a breached land
    /// sector instead if its defenders have more of the blows than the written one's (the most exposed breach, the
    /// first on ties).
    /// </summary>
    private static (int Sector, bool Switched) ExpectedTarget(SiegeDefinition d, Kernel.Simulation sim, int written)
    {
        var land = Enumerable.Range(0, d.WallSectors.Length).Where(s => !Sieges.IsSeaWall(d, s)).ToArray();
        if (written < 0)
        {
            var score = land.ToDictionary(s => s, s => (long)Sieges.Cover(d, sim, s) * (sim.DefendersAt(s) + 1) / Math.Max(1, d.WallSectors[s].LengthMetres));
            written = land.First(s => score[s] == score.Values.Min());
        }

        var breached = land.Where(s => Sieges.Standing(d, sim, s) < d.Combat.BreachBelow.Raw).ToArray();
        if (breached.Length == 0)
        {
            return (written, false);
        }

        var best = breached.First(s => Sieges.Cover(d, sim, s) == breached.Max(b => Sieges.Cover(d, sim, b)));
        return best != written && Sieges.Cover(d, sim, best) > Sieges.Cover(d, sim, written) ? (best, true) : (written, false);
    }

    /// <summary>What a case of <see cref="A_general_assault_goes_where_the_state_he_sees_says"/> must also show.</summary>
    public enum AlsoSeen
    {
        Nothing,

        /// <summary>A switch to a sector whose outer wall is down and whose inner wall still stands.</summary>
        InnerWallStanding,

        /// <summary>No run's first assault goes anywhere but the written target.</summary>
        FirstAssaultAsWritten,
    }

    public static TheoryData<string?, decimal, decimal, decimal, string?, string?, AlsoSeen> Targets => new()
    {
        // no target: the weakest by the scouts' reckoning, day after day
        { null, 1m, 1m, 1m, null, null, AlsoSeen.Nothing },
        // no target, the south breached
        { null, 0.2m, 1m, 1m, "south", null, AlsoSeen.Nothing },
        // two breaches as exposed as each other: the first
        { "blachernae", 0.2m, 0.2m, 1m, "south", "middle", AlsoSeen.Nothing },
        // the written target breached, and another as exposed: the written one
        { "middle", 0.2m, 0.2m, 1m, "middle", "south", AlsoSeen.Nothing },
        // the middle's outer wall falls to the stones, then the inner is what stands
        { "blachernae", 1m, 0.36m, 1m, null, null, AlsoSeen.InnerWallStanding },
        // walls exactly at the breach line are no breach
        { "middle", 0.3m, 1m, 0.3m, null, null, AlsoSeen.FirstAssaultAsWritten },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void A_general_assault_goes_where_the_state_he_sees_says(string? target, decimal south, decimal middle, decimal blachernae, string? stormed, string? neverStormed, AlsoSeen also)
    {
        var d = Still(Walls(Sieges.Small, ("south", south), ("middle", middle), ("blachernae", blachernae)));
        d = Sieges.Plan(d with { Contingents = [.. d.Contingents.Select(c => c.Id == "garrison" ? c with { Strength = 20_000 } : c)] },
            i => i.Action == PlanAction.GeneralAssault ? i with { Target = target, StartHour = 6 } : i);
        var written = target is null ? -1 : Sieges.Sector(d, target);
        var sim = Kernel.Simulation.Create(d, 0);
        int assaults = 0, switched = 0, innerStanding = 0, firstSwitched = 0;
        var sectors = new HashSet<int>();
        for (var k = 0; k < 12; k++)
        {
            sim.Reset(SplitMix64.Derive(626, (ulong)k));
            var first = true;
            while (!sim.IsOver)
            {
                var expected = ExpectedTarget(d, sim, written);
                var standing = Sieges.Standing(d, sim, expected.Sector);
                var outerDown = d.WallSectors[expected.Sector].OuterWall && sim.OuterIntegrity(expected.Sector) == 0 && standing > 0;
                var from = sim.Events.Count;
                sim.Step();
                foreach (var e in sim.Events.All[from..].ToArray().Where(e => e.Kind == EventKind.KhaganDecided && e.Value1 is (int)KhaganDecision.Assault or (int)KhaganDecision.AssaultBreach))
                {
                    Assert.Equal(SimTime.FromDay(e.Time.Day, 6), e.Time);
                    Assert.Equal(Sieges.Zone(d, d.WallSectors[expected.Sector].Zone), e.Zone);
                    Assert.Equal(expected.Switched ? (int)KhaganDecision.AssaultBreach : (int)KhaganDecision.Assault, e.Value1);
                    if (expected.Switched)
                    {
                        Assert.Equal(standing / 10, e.Value2);
                        switched++;
                        innerStanding += outerDown ? 1 : 0;
                        firstSwitched += first ? 1 : 0;
                    }

                    first = false;
                    sectors.Add(expected.Sector);
                    assaults++;
                }
            }
        }

        Assert.True(assaults >= 24, $"{assaults} assaults");
        if (stormed is not null)
        {
            Assert.Contains(Sieges.Sector(d, stormed), sectors);
        }

        if (neverStormed is not null)
        {
            Assert.DoesNotContain(Sieges.Sector(d, neverStormed), sectors);
        }

        switch (also)
        {
            case AlsoSeen.InnerWallStanding:
                Assert.True(innerStanding > 0, $"{switched} switches, none with the outer wall down and the inner standing");
                break;
            case AlsoSeen.FirstAssaultAsWritten:
                Assert.Equal(0, firstSwitched);
                break;
            default:
                break;
        }
    }

    [Fact]
    public void A_combined_attack_keeps_its_written_target_whatever_is_breached_elsewhere()
    {
        // The south is down to its moat, more exposed than Blachernae (where a general assault would go instead); an
        // ordered boat attack still goes where the boats can land.
        var d = Still(Walls(Sieges.Small, ("south", 0m)));
        var blachernae = (short)Sieges.Zone(d, "blachernae");
        for (ulong seed = 0; seed < 4; seed++)
        {
            var run = Run(d, seed, new Order(SimTime.FromDay(11, 2), Side.Avar, OrderKind.LaunchBoats, -1, 0));
            var attack = Assert.Single(run, e => IsAssaultDecision(e) && e.Time.Day == 11);
            Assert.Equal((int)KhaganDecision.CombinedAttack, attack.Value1);
            Assert.Equal(blachernae, attack.Zone);
        }
    }

    [Theory]
    [InlineData(0, 1.0, false)] // no limit written: never given up
    [InlineData(1, 0.2, false)] // the south (first sector) breached: there is still a breach to hope for
    [InlineData(1, 0.3, true)] // the south exactly at the breach line: no breach, given up
    public void A_failing_assault_is_given_up_only_with_a_limit_written_and_no_breach_to_hope_for(int limit, double south, bool givenUp)
    {
        // No stretch of wall is ever seized, so every assault fails and costs little; the walls change only by the engines.
        var d = Still(Walls(Sieges.Small, ("south", (decimal)south)));
        d = d with { Combat = d.Combat with { SeizeRatio = SiegeBuilder.R(50m) } };
        d = Sieges.Plan(d, i => i.Action == PlanAction.GeneralAssault ? i with { AbandonAfterFailures = limit, Target = "middle" } : i);
        var general = Index(d, PlanAction.GeneralAssault);
        int failed = 0, abandoned = 0;
        foreach (var run in Sieges.Events(d, 12))
        {
            failed += run.Count(e => e.Kind == EventKind.AssaultRepulsed);
            abandoned += run.Count(e => e.Kind == EventKind.KhaganDecided && e.Value1 == (int)KhaganDecision.Abandon && e.Value3 == general);
        }

        // At least one failure a run; three a run when he keeps at it.
        Assert.True(failed >= (givenUp ? 12 : 36), $"{failed} assaults failed");
        Assert.Equal(givenUp, abandoned > 0);
    }

    [Fact]
    public void A_hold_every_day_stops_every_assault_and_nothing_else()
    {
        var d = new SiegeBuilder { GaleShare = 0m }.Build();
        var holds = Enumerable.Range(0, d.Calendar.HorizonDays).Select(day => new Order(SimTime.FromDay(day, 1), Side.Avar, OrderKind.HoldAssault, -1, 0)).ToArray();
        var ferried = 0;
        for (ulong seed = 0; seed < 6; seed++)
        {
            var run = Run(d, seed, holds);
            Assert.DoesNotContain(run, e => IsAssaultDecision(e) || e.Kind == EventKind.AssaultBegan);
            Assert.Contains(run, e => e.Kind == EventKind.AqueductCut);
            Assert.Contains(run, e => e.Kind == EventKind.EnvoysSent);
            ferried += run.Count(e => e.Kind == EventKind.KhaganDecided && e.Value1 == (int)KhaganDecision.FetchAllies);
        }

        Assert.True(ferried > 0, "the ferries still sail");
    }

    [Fact]
    public void He_waits_for_the_weather_only_in_a_gale_and_only_for_boats_he_still_means_to_send()
    {
        var ferry = Index(Sieges.Small, PlanAction.FerryPersians);
        var calm = new SiegeBuilder { GaleShare = 0m }.Build();
        foreach (var run in Sieges.Events(calm, 10))
        {
            Assert.DoesNotContain(run, e => e.Kind == EventKind.KhaganDecided && e.Value1 == (int)KhaganDecision.WaitForWeather);
        }

        var gale = new SiegeBuilder { CalmShare = 0m, GaleShare = 1m }.Build();
        var waits = Sieges.Events(gale, 10).SelectMany(r => r).Count(e => e.Kind == EventKind.KhaganDecided && e.Value1 == (int)KhaganDecision.WaitForWeather && e.Value2 == ferry && e.Time.HourOfDay == 21);
        Assert.True(waits >= 10, $"{waits} nights the ferries waited");
    }

    [Fact]
    public void A_show_of_force_draws_up_the_whole_host_and_canoes_launched_are_told_with_their_hulls()
    {
        var d0 = Sieges.FlotillaFirst(Sieges.Small, "canoes");
        var d = Sieges.Plan(d0, [.. d0.Command.Khagan,
            new() { Action = PlanAction.ShowOfForce, When = IntentionCondition.HostAssembled, StartHour = 8 },
            new() { Action = PlanAction.LaunchCanoes, When = IntentionCondition.HostAssembled, StartHour = 9, Flotilla = "canoes" },
            new() { Action = PlanAction.LaunchCanoes, When = IntentionCondition.HostAssembled, StartHour = 9 }]);
        var canoes = Sieges.Flotilla(d, "canoes");
        Assert.Equal(0, canoes);
        var sim = Kernel.Simulation.Create(d, 5);
        int shown = 0, launched = 0;
        while (!sim.IsOver)
        {
            var men = sim.HostPresent;
            var hulls = sim.Hulls(canoes);
            var from = sim.Events.Count;
            sim.Step();
            foreach (var e in sim.Events.All[from..].ToArray())
            {
                if (e.Kind == EventKind.ShowOfForce)
                {
                    Assert.Equal(SimTime.FromDay(10, 8), e.Time);
                    Assert.Equal(Sieges.Zone(d, d.WallSectors[0].Zone), e.Zone);
                    Assert.Equal(men, e.Value1);
                    shown++;
                }
                else if (e.Kind == EventKind.CanoesLaunched && e.Time.HourOfDay == 9)
                {
                    Assert.Equal(SimTime.FromDay(10, 9), e.Time);
                    Assert.Equal(canoes, e.Actor);
                    Assert.Equal(Sieges.Zone(d, "barbyses"), e.Zone);
                    Assert.Equal(hulls, e.Value1);
                    launched++;
                }
            }
        }

        Assert.Equal(1, shown);
        Assert.Equal(1, launched);
    }

    [Fact]
    public void Ferries_first_in_the_list_still_fetch_the_allies()
    {
        var d = Sieges.FlotillaFirst(new SiegeBuilder { GaleShare = 0m }.Build(), "ferries");
        Assert.Equal(0, Sieges.Flotilla(d, "ferries"));
        var runs = Sieges.Events(d, 10);
        Assert.All(runs, run => Assert.Contains(run, e => e.Kind == EventKind.KhaganDecided && e.Value1 == (int)KhaganDecision.FetchAllies));
        Assert.Contains(runs, run => run.Any(e => e.Kind == EventKind.PersiansFerried));
    }

    [Fact]
    public void A_host_all_come_on_the_first_day_builds_at_once_is_judged_from_the_next_dawn_and_storms_a_day_later()
    {
        var d0 = Sieges.Small;
        var d = d0 with
        {
            Contingents = [.. d0.Contingents.Select(c => c with { ArrivalDay = 0 })],
            Flotillas = [.. d0.Flotillas.Select(f => f with { ArrivalDay = 0 })],
        };
        d = Sieges.Plan(d, i => i.Action == PlanAction.BuildEngines ? i with { When = IntentionCondition.Always, StartHour = 0 } : i);
        for (ulong seed = 0; seed < 4; seed++)
        {
            var sim = Kernel.Simulation.Create(d, seed);
            sim.Step();
            Assert.True(sim.EnginesBegun, "engines begun at the first hour");
            Sieges.StepTo(sim, SimTime.FromDay(1, 5));
            Assert.Equal(Ratio.Scale, sim.KhaganProspects);
            sim.Step();
            Assert.NotEqual(Ratio.Scale, sim.KhaganProspects);
            sim.RunToEnd();
            var run = sim.Events.All.ToArray();
            Assert.Equal(SimTime.FromDay(1, 5), run.First(IsAssaultDecision).Time);
            Assert.Contains(run, e => e.Kind == EventKind.EnvoysSent);
        }
    }

    [Fact]
    public void Doctrines_with_nothing_to_weigh_still_run()
    {
        // No weights: his prospects stay whole and he never judges the siege lost. No food horizon, no numbers
        // needed, no starving limit, no defenders at all: each part of the judgement has its own answer.
        var d = Sieges.Small;
        var unweighted = Sieges.Withdrawal(d, w => w with { WeightWalls = Ratio.Zero, WeightWater = Ratio.Zero, WeightEngines = Ratio.Zero, WeightForce = Ratio.Zero });
        Sieges.Each(unweighted, 4, sim =>
        {
            Assert.Equal(Ratio.Scale, sim.KhaganProspects);
            Assert.DoesNotContain(sim.Events.All.ToArray(), e => e.Kind == EventKind.KhaganDecided && e.Value1 is (int)KhaganDecision.JudgedLost or (int)KhaganDecision.LastCard);
        });

        var hungry = new SiegeBuilder { RationDays = 1 }.Build();
        var starving = 0;
        Sieges.Each(Sieges.Withdrawal(hungry, w => w with { StarvingDays = 0 }), 4, sim => Assert.NotEqual(EndCause.HostStarving, sim.Summary.Cause));
        Sieges.Each(hungry, 4, sim => starving += sim.Summary.Cause == EndCause.HostStarving ? 1 : 0);
        Assert.True(starving > 0, "with a starving limit a hungry host starves");

        foreach (var odd in new[]
        {
            Sieges.Withdrawal(d, w => w with { FoodHorizonDays = 0 }),
            Sieges.Withdrawal(d, w => w with { NumbersNeeded = Ratio.Zero }),
            new SiegeBuilder { Garrison = 0 }.Build(),
        })
        {
            Sieges.Each(odd, 3, sim => Assert.NotEqual(Outcome.Undecided, sim.Summary.Outcome));
        }
    }
}
