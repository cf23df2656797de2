using Bosporos.Kernel.Command;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Numerics;
using Bosporos.Testing;

namespace Bosporos.Kernel.Tests.Mechanisms;

/// <summary>
/// The khagan's judgement at dawn, recomputed from what anyone can read of the run (walls, boats, engines, men),
/// and the assaults he orders, checked against the ledgers.
/// </summary>
public class KhaganTests
{
    /// <summary>The compact siege with food taking no part in his resolve: he goes when his prospects fall below 0.45.</summary>
    private static SiegeDefinition NoFoodPatience(SiegeBuilder b)
    {
        var d = b.Build();
        return d with { Command = d.Command with { Withdrawal = d.Command.Withdrawal with { FoodPatience = Ratio.Zero } } };
    }

    /// <summary>The walls' part of his prospects (Ratio raw): a stretch won lately, or the best progress toward a breach.</summary>
    private static int WallsProspect(Kernel.Simulation sim, SiegeEvent[] so_far)
    {
        var d = sim.Definition;
        const int scale = Ratio.Scale;
        var breach = d.Combat.BreachBelow.Raw;
        var seized = so_far.Where(e => e.Kind == EventKind.WallSeized).Select(e => e.Time.Day).DefaultIfEmpty(-100).Max();
        if (sim.Now.Day - seized <= 1)
        {
            return scale;
        }

        var walls = 0;
        for (var s = 0; s < d.WallSectors.Length; s++)
        {
            if (Sieges.IsSeaWall(d, s))
            {
                continue;
            }

            var span = Math.Max(1, d.WallSectors[s].Integrity.Raw - breach);
            walls = Math.Max(walls, (int)Math.Clamp((long)(d.WallSectors[s].Integrity.Raw - Sieges.Standing(d, sim, s)) * scale / span, 0, scale));
        }

        return walls;
    }

    /// <summary>His prospects (Ratio raw) from the public state, weighed as the doctrine says (0.4 walls, 0.3 water, 0.1 engines, 0.2 force).</summary>
    private static int Prospects(Kernel.Simulation sim, SiegeEvent[] so_far)
    {
        var d = sim.Definition;
        const int scale = Ratio.Scale;
        var walls = WallsProspect(sim, so_far);
        var ashore = sim.PersiansAshore;
        var allies = (int)Math.Min(scale, (long)ashore * scale / 500);
        var abandoned = so_far.Where(e => e.Kind == EventKind.KhaganDecided && e.Value1 == (int)KhaganDecision.Abandon).Select(e => e.Value3).ToHashSet();
        long afloat = 0, atStart = 0;
        for (var f = 0; f < d.Flotillas.Length; f++)
        {
            if (d.Flotillas[f].Side == Side.Roman)
            {
                continue;
            }

            atStart += d.Flotillas[f].Hulls;
            var id = d.Flotillas[f].Id;
            if (Enumerable.Range(0, d.Command.Khagan.Length).Any(k => d.Command.Khagan[k].Flotilla == id && !abandoned.Contains(k)
                && d.Command.Khagan[k].Action is PlanAction.CombinedAttack or PlanAction.FerryPersians))
            {
                afloat += sim.Hulls(f);
            }
        }

        var water = atStart == 0 ? allies : Math.Max((int)Math.Min(scale, afloat * scale / atStart), allies);
        var parks = Enumerable.Range(0, d.Engines.Length).Where(p => d.Engines[p].Side == Side.Avar).ToArray();
        var engines = (int)(parks.Sum(p => (long)sim.Engines(p)) * scale / parks.Sum(p => d.Engines[p].Count));

        long willing = ashore >= 500 ? ashore : 0;
        long defenders = 0;
        for (var i = 0; i < d.Contingents.Length; i++)
        {
            var c = d.Contingents[i];
            if (c.Side == Side.Roman)
            {
                defenders += sim.Ledger(i).Present;
            }
            else if (c.Side == Side.Avar && c.Role == ContingentRole.Assault && sim.Morale(i) >= d.Morale.RefuseAttackBelow.Raw)
            {
                willing += sim.Ledger(i).Present;
            }
        }

        var needed = d.Command.Withdrawal.NumbersNeeded.Of(defenders);
        var force = needed <= 0 ? scale : (int)Math.Min(scale, willing * scale / needed);
        return (int)(((4_000L * walls) + (3_000L * water) + (1_000L * engines) + (2_000L * force)) / 10_000);
    }

    [Fact]
    public void Each_dawn_he_weighs_walls_water_engines_and_men_and_goes_when_the_aim_is_lost()
    {
        var d = NoFoodPatience(new SiegeBuilder());
        var sim = Kernel.Simulation.Create(d, 0);
        int judged = 0, lost = 0;
        for (var k = 0; k < 40; k++)
        {
            sim.Reset(Kernel.Randomness.SplitMix64.Derive(626, (ulong)k));
            while (!sim.IsOver)
            {
                if (sim.Now.HourOfDay != 5 || sim.Now.Day <= 10)
                {
                    sim.Step();
                    continue;
                }

                var expected = Prospects(sim, sim.Events.All.ToArray());
                var from = sim.Events.Count;
                sim.Step();
                var hour = sim.Events.All[from..].ToArray();
                if (hour.Any(e => e.Kind == EventKind.KhaganWithdrew && e.Value1 == (int)EndCause.HostStarving))
                {
                    continue;
                }

                Assert.Equal(expected, sim.KhaganProspects);
                judged++;
                var aimLost = expected < 4_500;

                // Before he gives up he throws in the boat attack he held back (or waits out a gale to do so): the
                // last card comes only on a dawn when the aim is lost, and puts the withdrawal off.
                var lastCard = hour.Any(e => e.Kind == EventKind.KhaganDecided && e.Time.HourOfDay == 5
                    && (e.Value1 == (int)KhaganDecision.LastCard || e.Value1 == (int)KhaganDecision.WaitForWeather));
                if (lastCard)
                {
                    Assert.True(aimLost, $"last card played with prospects {expected}");
                    continue;
                }

                Assert.Equal(aimLost, sim.Summary.Cause == EndCause.AimLost && sim.Summary.End == hour[0].Time);
                if (aimLost)
                {
                    var said = Assert.Single(hour, e => e.Kind == EventKind.KhaganDecided && e.Value1 == (int)KhaganDecision.JudgedLost);
                    Assert.Equal(expected / 10, said.Value2);
                    Assert.Equal((int)sim.Summary.Factors, said.Value3);
                    var went = Assert.Single(hour, e => e.Kind == EventKind.KhaganWithdrew);
                    Assert.Equal((int)EndCause.AimLost, went.Value1);
                    Assert.Equal(expected / 10, went.Value2);
                    lost++;
                }
            }
        }

        Assert.True(judged > 100 && lost > 10, $"{judged} dawns judged, {lost} judged lost");
    }

    [Fact]
    public void When_he_goes_the_causes_named_are_read_off_the_state_he_leaves()
    {
        // Sieges of several shapes, so that each cause is named in some withdrawals and not in others (a host with no
        // food at all goes before its first assault).
        var unfed = new SiegeBuilder { RationDays = 0 }.Build();
        unfed = unfed with { Supply = unfed.Supply with { ForagePoolManDays = 0 } };
        SiegeDefinition[] shapes =
        [
            new SiegeBuilder().Build(), new SiegeBuilder { RationDays = 5 }.Build(), new SiegeBuilder { Garrison = 20_000, Galleys = 8 }.Build(),
            new SiegeBuilder { Galleys = 2 }.Build(), new SiegeBuilder { Host = 80_000, Persians = 500 }.Build(), unfed,
            new SiegeBuilder { SouthIntegrity = 0m, Garrison = 20_000 }.Build(),
        ];
        var seen = new int[9];
        var unseen = new int[9];
        var runs = 0;
        foreach (var d in shapes)
        {
            var host = Enumerable.Range(0, d.Contingents.Length).Where(i => d.Contingents[i].Side == Side.Avar).ToArray();
            var assault = host.Where(i => d.Contingents[i].Role == ContingentRole.Assault).ToArray();
            var parks = Enumerable.Range(0, d.Engines.Length).Where(p => d.Engines[p].Side == Side.Avar).ToArray();
            var canoes = Sieges.Flotilla(d, "canoes");
            Sieges.Each(d, 30, sim =>
            {
                if (sim.Summary.Outcome != Outcome.Lifted)
                {
                    return;
                }

                var run = sim.Events.All.ToArray();
                var f = WithdrawalFactors.None;
                foreach (var launch in run.Where(e => e.Kind == EventKind.CanoesLaunched))
                {
                    var sunk = run.Where(e => e.Kind == EventKind.BoatsSunk && e.Actor == launch.Actor && e.Time == launch.Time).Sum(e => e.Value1);
                    f |= (launch.Actor == canoes ? sunk * 2 >= launch.Value1 : (launch.Value1 - sunk) * 2 < launch.Value1) ? WithdrawalFactors.CanoesMassacred : 0;
                }

                long men = assault.Sum(i => (long)sim.Ledger(i).Present);
                long willing = assault.Where(i => sim.Morale(i) >= d.Morale.RefuseAttackBelow.Raw).Sum(i => (long)sim.Ledger(i).Present);
                var will = men == 0 ? 0 : willing * Ratio.Scale / men;
                long came = host.Sum(i => (long)sim.Ledger(i).Arrived);
                long deserted = host.Sum(i => (long)sim.Ledger(i).Deserted);
                long lost = host.Sum(i => (long)sim.Ledger(i).Killed + sim.Ledger(i).Wounded + sim.Ledger(i).Captured);
                f |= will < Ratio.Scale * 3 / 4 || (came > 0 && deserted * 20 >= came) ? WithdrawalFactors.HostBrokeUp : 0;

                // Assault days in a row that won no stretch of wall, counted back from the last.
                var inRow = 0;
                foreach (var day in run.Where(e => e.Kind == EventKind.KhaganDecided && e.Value1 is (int)KhaganDecision.Assault or (int)KhaganDecision.AssaultBreach or (int)KhaganDecision.CombinedAttack).Select(e => e.Time.Day))
                {
                    inRow = run.Any(e => e.Kind == EventKind.WallSeized && e.Time.Day == day) ? 0 : inRow + 1;
                }

                f |= inRow >= 2 ? WithdrawalFactors.AssaultsFailed : 0;
                var burned = Assert.Single(run, e => e.Kind == EventKind.SiegeLifted).Value1;
                f |= burned * (long)Ratio.Scale / parks.Sum(p => d.Engines[p].Count) <= Ratio.Scale / 2 ? WithdrawalFactors.EnginesLost : 0;
                f |= sim.PersiansAshore == 0 ? WithdrawalFactors.AlliesNotAcross : 0;
                var hungry = run.Where(e => e.Kind == EventKind.HostHungry && e.Value2 > 0).Select(e => e.Time.Day).DefaultIfEmpty(-100).Max();
                f |= sim.Now.Day - hungry <= 3 ? WithdrawalFactors.Hunger : 0;
                var breached = Enumerable.Range(0, d.WallSectors.Length).Any(s => !Sieges.IsSeaWall(d, s) && Sieges.Standing(d, sim, s) < d.Combat.BreachBelow.Raw);
                f |= WallsProspect(sim, run) < Ratio.Scale && !breached ? WithdrawalFactors.WallsIntact : 0;
                f |= came > 0 && lost * 6 >= came ? WithdrawalFactors.HeavyLosses : 0;

                Assert.Equal(f, sim.Summary.Factors);
                Assert.Equal((int)f, Assert.Single(run, e => e.Kind == EventKind.KhaganWithdrew).Value3);
                for (var bit = 0; bit < 8; bit++)
                {
                    var on = ((int)f & (1 << bit)) != 0;
                    seen[bit] += on ? 1 : 0;
                    unseen[bit] += on ? 0 : 1;
                }

                runs++;
            });
        }

        Assert.True(runs > 50, $"{runs} withdrawals");
        for (var bit = 0; bit < 8; bit++)
        {
            Assert.True(seen[bit] > 0 && unseen[bit] > 0, $"{(WithdrawalFactors)(1 << bit)}: named {seen[bit]}, not named {unseen[bit]}");
        }
    }

    [Theory]
    [InlineData(12)]
    [InlineData(40)]
    [InlineData(120)]
    public void Food_in_hand_and_in_reach_lets_him_hold_on_below_the_give_up_line_as_far_as_his_host_is_worth_it(int rations)
    {
        // His resolve is the give-up line (0.45) less his patience (0.3) times his food (one for one up to a horizon
        // of 20 days' food for every man, then 2a / (1 + a)) times the weight of his host (every assault man he has,
        // willing or not, and the allies ashore, against three for each defender). A host that will not fight
        // (fewer than a quarter willing) breaks up after three dawns, more when food lets him wait: with four
        // months of food and the Slavs unwilling from the start, it is the host that goes, not his hopes.
        var d0 = new SiegeBuilder { RationDays = rations }.Build();
        var slavs = Sieges.Contingent(d0, "slavs");
        var d = d0 with { Contingents = [.. d0.Contingents.Select((c, i) => i == slavs && rations == 120 ? c with { Morale = SiegeBuilder.R(0.25m) } : c)] };
        var w = d.Command.Withdrawal;
        var assault = Enumerable.Range(0, d.Contingents.Length).Where(i => d.Contingents[i].Role == ContingentRole.Assault).ToArray();
        var roman = Enumerable.Range(0, d.Contingents.Length).Where(i => d.Contingents[i].Side == Side.Roman).ToArray();
        var sim = Kernel.Simulation.Create(d, 0);
        int judged = 0, held = 0, gone = 0, broken = 0;
        for (var k = 0; k < 30; k++)
        {
            sim.Reset(Kernel.Randomness.SplitMix64.Derive(626, (ulong)k));
            var unwilling = 0;
            while (!sim.IsOver)
            {
                if (sim.Now.HourOfDay != 5 || sim.Now.Day <= 10)
                {
                    sim.Step();
                    continue;
                }

                var prospects = Prospects(sim, sim.Events.All.ToArray());
                var a = Sieges.FoodInReach(sim);
                var food = a <= Ratio.Scale ? a : 2 * a * Ratio.Scale / (Ratio.Scale + a);
                var ashore = Sieges.AlliesInAssault(sim);
                var needed = w.NumbersNeeded.Of(roman.Sum(i => (long)sim.Ledger(i).Present));
                var weight = needed <= 0 ? Ratio.Scale : Math.Min(Ratio.Scale, (ashore + assault.Sum(i => (long)sim.Ledger(i).Present)) * Ratio.Scale / needed);
                var resolve = w.GiveUpBelow.Raw - (int)(w.FoodPatience.Raw * food / Ratio.Scale * weight / Ratio.Scale);
                unwilling = sim.HostWillingShare < w.WillNotFightBelow.Raw ? unwilling + 1 : 0;
                var patience = Math.Max(1, w.UnwillingDays + (int)((long)w.UnwillingDays * Math.Min(3L * Ratio.Scale, a) / Ratio.Scale));
                var from = sim.Events.Count;
                sim.Step();
                var hour = sim.Events.All[from..].ToArray();
                if (sim.Summary.Cause == EndCause.HostStarving)
                {
                    continue;
                }

                Assert.Equal(prospects, sim.KhaganProspects);
                var lost = hour.Any(e => e.Kind == EventKind.KhaganDecided && e.Time.HourOfDay == 5
                    && e.Value1 is (int)KhaganDecision.JudgedLost or (int)KhaganDecision.LastCard or (int)KhaganDecision.WaitForWeather);
                Assert.True(lost == (prospects < resolve), $"prospects {prospects}, resolve {resolve}, day {sim.Now.Day}");
                var cohesion = sim.IsOver && sim.Summary.Cause == EndCause.CohesionBroken;
                Assert.Equal(!lost && unwilling >= patience, cohesion);
                judged++;
                held += !lost && prospects < w.GiveUpBelow.Raw ? 1 : 0;
                gone += lost ? 1 : 0;
                broken += cohesion ? 1 : 0;
            }
        }

        Assert.True(judged > 100 && gone > 5, $"{judged} dawns, {gone} judged lost");
        Assert.True(rations == 12 || held > 5, $"{held} dawns held on below the line");
        Assert.True(rations != 120 || broken > 0, $"{broken} broken up");
    }

    [Theory]
    [InlineData(12, 0.015)]
    [InlineData(40, 0.015)]
    [InlineData(12, 0.001)]
    public void Each_dawn_he_judges_whether_the_engines_gain_on_the_repairs_fast_enough_to_breach_while_his_food_lasts(int rations, double repair)
    {
        // From the dawn after his engines stand ready, the walls' wear toward a breach is compared with the dawn
        // before: if the gain is nothing, or the wear left to do is more than the gain times the days his food lets
        // him stay (the 20-day horizon times his food in hand and in reach, up to three horizons), the walls have
        // stalled. Fast repairs stall them; slow ones do not.
        var d0 = new SiegeBuilder { RationDays = rations, SortieMen = 0 }.Build();
        var d = d0 with { Command = d0.Command with { Defenders = d0.Command.Defenders with { NightRepairPerHour = SiegeBuilder.R((decimal)repair) } } };
        var w = d.Command.Withdrawal;
        var parks = Enumerable.Range(0, d.Engines.Length).Where(p => d.Engines[p].Side == Side.Avar).ToArray();
        var sim = Kernel.Simulation.Create(d, 0);
        int stalled = 0, going = 0;
        for (var k = 0; k < 20; k++)
        {
            sim.Reset(Kernel.Randomness.SplitMix64.Derive(626, (ulong)k));
            var last = -1;
            while (!sim.IsOver)
            {
                if (sim.Now.HourOfDay != 5 || sim.Now.Day <= 10)
                {
                    sim.Step();
                    continue;
                }

                var walls = WallsProspect(sim, sim.Events.All.ToArray());
                var a = Sieges.FoodInReach(sim);
                var staying = (long)w.FoodHorizonDays * Math.Min(3L * Ratio.Scale, a) / Ratio.Scale;
                var gain = walls - last;
                var expected = last >= 0 && (gain <= 0 || Ratio.Scale - walls > gain * staying);
                var ready = sim.EnginesBegun && parks.All(sim.EngineReady);
                sim.Step();
                Assert.Equal(expected, sim.WallsStalled);
                last = ready ? walls : -1;
                stalled += expected ? 1 : 0;
                going += last >= 0 && !expected ? 1 : 0;
            }
        }

        Assert.True(repair > 0.01 ? stalled > 10 : going > 10, $"{stalled} stalled dawns, {going} dawns the walls kept wearing");
    }

    [Theory]
    [InlineData(true, 0.0)]
    [InlineData(false, 0.3)]
    public void A_boat_attack_waiting_on_the_walls_goes_only_on_a_dawn_they_have_stalled_or_are_worn_enough(bool afterStall, double worn)
    {
        // The combined attack rewritten to wait on the walls instead of five failed assaults: either until the
        // engines are seen not to gain on the repairs, or (with slow repairs) until the walls are worn 0.3 of the
        // way to a breach.
        var d0 = new SiegeBuilder { GaleShare = 0m, SortieMen = 0 }.Build();
        var d = d0 with
        {
            Command = d0.Command with
            {
                Defenders = d0.Command.Defenders with { NightRepairPerHour = SiegeBuilder.R(afterStall ? 0.015m : 0.002m) },
                Khagan = [.. d0.Command.Khagan.Select(i => i.Action == PlanAction.CombinedAttack ? i with { AfterFailedAssaults = 0, AfterWallsStall = afterStall, WallsWorn = SiegeBuilder.R((decimal)worn) } : i)],
            },
        };
        var sim = Kernel.Simulation.Create(d, 0);
        var attacks = 0;
        for (var k = 0; k < 30; k++)
        {
            sim.Reset(Kernel.Randomness.SplitMix64.Derive(626, (ulong)k));
            bool stalled = false, wornEnough = false;
            while (!sim.IsOver)
            {
                var hourOfDay = sim.Now.HourOfDay;
                var walls = WallsProspect(sim, sim.Events.All.ToArray());
                var from = sim.Events.Count;
                sim.Step();
                if (hourOfDay == 5)
                {
                    stalled = sim.WallsStalled;
                    wornEnough = walls >= (int)(worn * Ratio.Scale);
                }

                foreach (var e in sim.Events.All[from..].ToArray().Where(e => e.Kind == EventKind.KhaganDecided && e.Value1 == (int)KhaganDecision.CombinedAttack))
                {
                    var lastCard = sim.Events.All.ToArray().Any(x => x.Kind == EventKind.KhaganDecided && x.Value1 == (int)KhaganDecision.LastCard && x.Time.Day == e.Time.Day);
                    Assert.True(lastCard || (afterStall ? stalled : wornEnough), $"combined attack on day {e.Time.Day}: stalled {stalled}, walls {walls}");
                    attacks += lastCard ? 0 : 1;
                }
            }
        }

        Assert.True(attacks > 5, $"{attacks} attacks on the walls' account");
    }

    [Fact]
    public void With_no_boats_at_all_his_hopes_on_the_water_are_the_allies_ashore_alone()
    {
        // No canoes and no ferries ever come: the water counts only the Persians already across (none), so his
        // hopes at the first dawn he judges are the walls, the engines and his men alone, and he goes.
        var d0 = NoFoodPatience(new SiegeBuilder());
        var d = d0 with { Flotillas = [.. d0.Flotillas.Select(f => f.Side == Side.Roman ? f : f with { Hulls = 0 })] };
        var run = Kernel.Simulation.Create(d, 2);
        Sieges.StepTo(run, Time.SimTime.FromDay(11, 5));

        var expected = Prospects(run, run.Events.All.ToArray());
        run.Step();
        Assert.Equal(expected, run.KhaganProspects);
        Assert.True(expected < 4_500, $"prospects {expected}");
        Assert.Equal(EndCause.AimLost, run.Summary.Cause);
    }

    [Fact]
    public void Before_his_whole_host_is_up_he_does_not_judge()
    {
        var d = NoFoodPatience(new SiegeBuilder());
        var sim = Kernel.Simulation.Create(d, 1);
        while (sim.Now < Time.SimTime.FromDay(11))
        {
            Assert.False(sim.IsOver);
            sim.Step();
            Assert.Equal(Ratio.Scale, sim.KhaganProspects);
        }
    }

    [Fact]
    public void Every_hour_of_assault_the_losses_told_are_the_losses_booked()
    {
        // With 4,000 militia beside the 12,000 garrison, the defenders' losses are spread a quarter to three quarters.
        var d = new SiegeBuilder { Militia = 4_000 }.Build();
        var all = Enumerable.Range(0, d.Contingents.Length).ToArray();
        var wall = all.Where(i => d.Contingents[i].Side == Side.Roman && d.Contingents[i].Role == ContingentRole.Garrison).ToArray();
        var attackers = all.Where(i => d.Contingents[i].Side != Side.Roman).ToArray();
        var sim = Kernel.Simulation.Create(d, 0);
        int hours = 0, sum = 0;
        long wounded = 0;
        for (var k = 0; k < 30; k++)
        {
            sim.Reset(Kernel.Randomness.SplitMix64.Derive(626, (ulong)k));
            while (!sim.IsOver)
            {
                var before = all.Select(sim.Ledger).ToArray();
                var from = sim.Events.Count;
                sim.Step();
                var hour = sim.Events.All[from..].ToArray();
                var fights = hour.Where(e => e.Kind == EventKind.Engagement).ToArray();
                var other = hour.Any(e => e.Kind is EventKind.LodgementRetaken or EventKind.BoatsSunk or EventKind.SortieMade or EventKind.SurvivorsExecuted)
                    || sim.Events.All.ToArray().Any(e => e.Kind == EventKind.KhaganDecided && e.Value1 == (int)KhaganDecision.CombinedAttack && e.Time.Day == sim.Now.Day);
                if (fights.Length != 1 || other)
                {
                    continue;
                }

                var e = fights[0];
                int Lost(int i) => sim.Ledger(i).Killed + sim.Ledger(i).Wounded - before[i].Killed - before[i].Wounded;
                Assert.Equal(e.Value1, attackers.Sum(Lost));
                Assert.Equal(e.Value2, wall.Sum(Lost));
                var onWall = wall.Sum(i => (long)before[i].Present);
                Assert.All(wall, i => Assert.InRange(Lost(i), (e.Value2 * before[i].Present / onWall) - 1, (e.Value2 * before[i].Present / onWall) + 1));
                var hurt = attackers.Sum(i => sim.Ledger(i).Wounded - before[i].Wounded);
                Assert.InRange(hurt, (e.Value1 * 0.6) - attackers.Length, (e.Value1 * 0.6) + attackers.Length);
                hours++;
                sum += e.Value1;
                wounded += hurt;
            }
        }

        Assert.True(hours > 100 && sum > 1_000, $"{hours} hours, {sum} attackers lost");
        Assert.InRange(wounded / (double)sum, 0.58, 0.62);
    }

    [Fact]
    public void A_seized_stretch_of_wall_held_for_the_hold_hours_opens_the_city()
    {
        // Without warships the canoes land and the Persians cross: the wall is seized often enough to see both ends.
        var d = new SiegeBuilder { Galleys = 0, Canoes = 600 }.Build();
        var c = d.Combat;
        int fell = 0, retaken = 0, paid = 0;
        Sieges.Each(d, 60, sim =>
        {
            var run = sim.Events.All.ToArray();
            foreach (var seized in run.Where(e => e.Kind == EventKind.WallSeized))
            {
                var fight = Assert.Single(run, e => e.Kind == EventKind.Engagement && e.Time == seized.Time && e.Zone == seized.Zone);
                Assert.Equal(fight.Value3, seized.Value3);
                Assert.True(seized.Value3 >= 100, $"wall top {seized.Value3}");
                Assert.True(seized.Value1 >= 1);
            }

            foreach (var e in run.Where(e => e.Kind == EventKind.LodgementRetaken))
            {
                // Retaken: half the men who seized the stretch are lost with it, charged to the assault contingents
                // still willing to fight and the allies ashore; when too few of them are left, less is paid.
                var seized = run.Last(x => x.Kind == EventKind.WallSeized && x.Zone == e.Zone && x.Time <= e.Time);
                Assert.InRange(e.Value1, 0, c.LodgementLossWhenRetaken.Of(seized.Value1));
                paid += e.Value1 == c.LodgementLossWhenRetaken.Of(seized.Value1) ? 1 : 0;
                Assert.True(e.Roll < e.Odds);
                retaken++;
            }

            var end = run.Where(e => e.Kind == EventKind.CityFell).ToArray();
            if (end.Length == 1)
            {
                var e = end[0];
                Assert.Equal(2, e.Value1); // held past the two hold-hours
                Assert.True(e.Roll >= e.Odds);
                var seizedAt = run.Last(x => x.Kind == EventKind.WallSeized && x.Zone == e.Zone).Time;
                Assert.Equal(seizedAt.AddHours(1), e.Time);

                // The last counter-attack's odds, from the state the city fell in: as many of the reserve as can reach
                // the stretch (three for each man in it), weighted for fighting on ground they know, against the men
                // in it at the quality they had on the wall top.
                var s = Array.FindIndex(d.WallSectors, w => Sieges.Zone(d, w.Zone) == e.Zone);
                var men = sim.LodgementAt(s);
                var reserve = sim.ReserveMen(out var quality);
                var reach = Math.Min(reserve, c.CounterAttackReach.Of(men));
                var effR = reserve == 0 ? 0 : c.CounterAttackBonus.Of(reach * (quality / reserve) / Ratio.Scale);
                var effL = (long)men * sim.LodgementQuality(s) / Ratio.Scale;
                Assert.True(effR > 0 && effL > 0);
                Assert.Equal((int)(effR * Ratio.Scale / (effR + effL)), e.Odds);
                fell++;
            }
        });

        Assert.True(fell > 0 && retaken > 0 && paid > retaken / 2, $"{fell} fell, {retaken} retaken, {paid} paid in full");
    }
    [Fact]
    public void Every_counter_attack_on_a_lodgement_has_the_odds_of_the_reserve_that_can_reach_it()
    {
        // Each hour a stretch is held, the reserve counter-attacks: as many as can reach it (three for each man in it,
        // at most the whole reserve), weighted for ground they know, against the men in it at the quality they won
        // it with. Retaken, the defenders lose men drawn around the lodgement's fighting power, never more than
        // reached it. The reserve is read as it stands after the hour's fighting on the wall. With a garrison of
        // 60,000 the reserve is larger than can reach a small lodgement.
        int checkedOdds = 0, retaken = 0, fewReach = 0;
        double lost = 0, mean = 0;
        foreach (var garrison in new[] { 12_000, 60_000 })
        {
            var d = new SiegeBuilder { Galleys = 0, Canoes = 600, Garrison = garrison }.Build();
            var c = d.Combat;
            var sim = Kernel.Simulation.Create(d, 0);
            for (var k = 0; k < 60; k++)
            {
                sim.Reset(Kernel.Randomness.SplitMix64.Derive(626, (ulong)k));
                while (!sim.IsOver)
                {
                    var probe = sim.Fork();
                    var lodged = Enumerable.Range(0, d.WallSectors.Length).Select(sim.LodgementAt).ToArray();
                    var from = sim.Events.Count;
                    sim.Step();
                    var hour = sim.Events.All[from..].ToArray();
                    foreach (var e in hour.Where(e => e.Kind is EventKind.LodgementRetaken or EventKind.CityFell))
                    {
                        foreach (var fight in hour.Where(x => x.Kind == EventKind.Engagement))
                        {
                            probe.InflictOnWall(fight.Value2);
                        }

                        var s = Array.FindIndex(d.WallSectors, w => Sieges.Zone(d, w.Zone) == e.Zone);
                        var seized = hour.Where(x => x.Kind == EventKind.WallSeized && x.Zone == e.Zone).ToArray();
                        var men = seized.Length > 0 ? seized[0].Value1 : lodged[s];
                        var reserve = probe.ReserveMen(out var quality);
                        var reach = Math.Min(reserve, c.CounterAttackReach.Of(men));
                        fewReach += reach < reserve ? 1 : 0;
                        var effR = reserve == 0 ? 0 : c.CounterAttackBonus.Of(reach * (quality / reserve) / Ratio.Scale);
                        var effL = (long)men * sim.LodgementQuality(s) / Ratio.Scale;
                        Assert.Equal((int)(effR * Ratio.Scale / (effR + effL)), e.Odds);
                        checkedOdds++;
                        if (e.Kind == EventKind.LodgementRetaken)
                        {
                            Assert.InRange(e.Value2, 0, reach);
                            lost += e.Value2;
                            mean += Math.Min(reach, c.AttackerLethality.Raw * effL / 100 / 100.0);
                            retaken++;
                        }
                    }
                }
            }

        }

        Assert.True(checkedOdds > 30 && retaken > 10 && fewReach > 0, $"{checkedOdds} counter-attacks, {retaken} retaken, {fewReach} with only part of the reserve in reach");
        Assert.InRange(lost, mean - (5 * Math.Sqrt(mean)) - retaken, mean + (5 * Math.Sqrt(mean)) + retaken);
    }

    [Fact]
    public void An_assault_begins_with_the_willing_men_the_towers_ready_and_the_defenders_allotted_by_length_and_threat()
    {
        // The Slavs come with hearts at 0.25, below the 0.3 at which men refuse to attack. The men on the walls
        // (less the fifth in reserve, less a tenth walking with the icons on a procession morning) are spread by
        // length, the sea wall at a quarter and the stormed sector at double.
        var d0 = new SiegeBuilder { Militia = 3_000 }.Build();
        var slavs = Sieges.Contingent(d0, "slavs");
        var d = d0 with { Contingents = [.. d0.Contingents.Select((c, i) => i == slavs ? c with { Morale = SiegeBuilder.R(0.25m) } : c)] };
        var all = Enumerable.Range(0, d.Contingents.Length).ToArray();
        var wall = all.Where(i => d.Contingents[i].Side == Side.Roman && d.Contingents[i].Role == ContingentRole.Garrison).ToArray();
        var assault = all.Where(i => d.Contingents[i].Role == ContingentRole.Assault).ToArray();
        var towers = Sieges.Park(d, "towers");
        var sim = Kernel.Simulation.Create(d, 0);
        int checkedAssaults = 0, refusals = 0;
        for (var k = 0; k < 30; k++)
        {
            sim.Reset(Kernel.Randomness.SplitMix64.Derive(626, (ulong)k));
            while (!sim.IsOver)
            {
                var present = all.Select(i => sim.Ledger(i).Present).ToArray();
                var morale = all.Select(sim.Morale).ToArray();
                var ashore = sim.PersiansAshore;
                var towersReady = sim.EngineReady(towers) ? sim.Engines(towers) : 0;
                var from = sim.Events.Count;
                sim.Step();
                var hour = sim.Events.All[from..].ToArray();
                var began = hour.Where(e => e.Kind == EventKind.AssaultBegan).ToArray();
                if (began.Length == 0 || !hour.Any(e => e.Kind == EventKind.KhaganDecided && e.Value1 is (int)KhaganDecision.Assault or (int)KhaganDecision.AssaultBreach))
                {
                    continue;
                }

                var e = Assert.Single(began);
                var sector = Array.FindIndex(d.WallSectors, s => Sieges.Zone(d, s.Zone) == e.Zone);
                var willing = (ashore >= 500 ? ashore : 0) + assault.Where(i => morale[i] >= 3_000).Sum(i => present[i]);
                Assert.Equal(willing, e.Value1);
                Assert.Equal(Sieges.Sector(d, "middle") == sector ? towersReady : 0, e.Value3);

                long onWalls = wall.Sum(i => (long)present[i]);
                onWalls -= SiegeBuilder.R(0.2m).Of(onWalls);
                if (hour.Any(x => x.Kind == EventKind.ProcessionHeld))
                {
                    onWalls -= SiegeBuilder.R(0.1m).Of(onWalls);
                }

                long Weight(int s)
                {
                    long w = d.WallSectors[s].LengthMetres;
                    w = d.WallSectors[s].Zone == "horn-wall" ? SiegeBuilder.R(0.25m).Of(w) : w;
                    return s == sector ? SiegeBuilder.R(2m).Of(w) : w;
                }

                var total = Enumerable.Range(0, d.WallSectors.Length).Sum(Weight);
                Assert.Equal((int)(onWalls * Weight(sector) / total), e.Value2);

                var refused = hour.Where(x => x.Kind == EventKind.ContingentRefused).ToArray();
                Assert.Equal(assault.Where(i => present[i] > 0 && morale[i] < 3_000).Select(i => (i, morale[i] / 10)), refused.Select(x => ((int)x.Actor, x.Value1)));
                refusals += refused.Length;
                checkedAssaults++;
            }
        }

        Assert.True(checkedAssaults > 100 && refusals > 10, $"{checkedAssaults} assaults, {refusals} refusals");
    }
}
