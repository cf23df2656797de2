using Bosporos.Kernel.Command;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Numerics;
using Bosporos.Kernel.Time;
using Bosporos.Testing;

namespace Bosporos.Kernel.Tests.Mechanisms;

/// <summary>The defenders' doctrine: processions, the answer to the khagan's demand, night sorties, thanksgiving.</summary>
public class DefenderTests
{
    private static SiegeDefinition RomanMorale(SiegeDefinition d, decimal morale) =>
        d with { Contingents = [.. d.Contingents.Select(c => c.Side == Side.Roman ? c with { Morale = SiegeBuilder.R(morale) } : c)] };

    [Fact]
    public void Processions_come_when_hearts_fail_at_most_every_third_day_and_lift_them_by_the_doctrines_step()
    {
        // Hearts at 0.5 (below 0.62): a procession on day 0 lifts them to 0.55, on day 3 to 0.6, on day 6 to 0.65;
        // then they stand above the line. A tenth of the 12,000 on the walls walk with the icons.
        var d = RomanMorale(Sieges.Unbesieged(new SiegeBuilder { HorizonDays = 12 }.Build()), 0.5m);
        var sim = Kernel.Simulation.Create(d, 1);
        sim.RunToEnd();
        var held = sim.Events.All.ToArray().Where(e => e.Kind == EventKind.ProcessionHeld).ToArray();
        Assert.Equal([0, 3, 6], held.Select(e => e.Time.Day));
        Assert.All(held, e => Assert.Equal(1_200, e.Value1));
        Assert.All(held, e => Assert.Equal(DefenderTests.Dawn, e.Time.HourOfDay));
        var called = sim.Events.All.ToArray().Where(e => e.Kind == EventKind.DefendersDecided && e.Value1 == (int)DefenderDecision.CallProcession).ToArray();
        Assert.Equal([500, 550, 600], called.Select(e => e.Value2));
        Assert.Equal(6_500, sim.Morale(Sieges.Contingent(d, "garrison")));
        Assert.Equal(6_500, sim.Morale(Sieges.Contingent(d, "guards")));
    }

    private const int Dawn = 5;

    [Fact]
    public void Those_who_walk_with_the_icons_leave_the_walls_for_three_hours_and_then_come_back()
    {
        // Hearts at 0.5 bring a procession at the first dawn: a tenth of the men on the walls (the garrison less the
        // reserve's fifth) walk, and the walls are manned without them until 08:00.
        var d = RomanMorale(Sieges.Unbesieged(new SiegeBuilder { HorizonDays = 2 }.Build()), 0.5m);
        var wall = Enumerable.Range(0, d.Contingents.Length).Where(i => d.Contingents[i].Side == Side.Roman && d.Contingents[i].Role == ContingentRole.Garrison).ToArray();
        var sectors = Enumerable.Range(0, d.WallSectors.Length).ToArray();
        var sim = Kernel.Simulation.Create(d, 1);
        for (var h = 0; h < 10; h++)
        {
            if (h < Dawn)
            {
                Assert.Equal(-1, sim.ThreatSector);
            }

            sim.Step();
            long onWalls = wall.Sum(i => (long)sim.Ledger(i).Present);
            onWalls -= SiegeBuilder.R(0.2m).Of(onWalls);
            var walking = h >= Dawn && h < Dawn + 3;
            if (walking)
            {
                onWalls -= SiegeBuilder.R(0.1m).Of(onWalls);
            }

            var manned = sectors.Sum(sim.DefendersAt);
            if (h >= Dawn)
            {
                Assert.InRange(manned, onWalls - sectors.Length, onWalls);
            }
        }

        Assert.Single(sim.Events.All.ToArray(), e => e.Kind == EventKind.ProcessionHeld);
    }

    [Theory]
    [InlineData(1.0, 1.0, "middle", true)]
    [InlineData(0.0, 1.0, "middle", true)]
    [InlineData(0.0, 0.0, "middle", true)]
    [InlineData(1.0, 1.0, "south", true)]
    [InlineData(1.0, 1.0, "middle", false)]
    public void Each_dawn_they_mass_where_they_fear_most_a_breach_then_the_sector_stormed_last_then_the_most_engines(double south, double blachernae, string target, bool withEngines)
    {
        // South at 0: a breach from the first dawn. Blachernae (one wall, no moat) breached as well: two breaches,
        // and the one with less cover is the one they fear. The khagan's written target may be the first sector;
        // with no engines at all, nothing is feared until the first assault.
        var d0 = new SiegeBuilder { SouthIntegrity = (decimal)south }.Build();
        var bl = Sieges.Sector(d0, "blachernae");
        var d = d0 with
        {
            WallSectors = [.. d0.WallSectors.Select((w, s) => s == bl ? w with { Integrity = SiegeBuilder.R((decimal)blachernae) } : w)],
            Engines = withEngines ? d0.Engines : [.. d0.Engines.Where(e => e.Side == Side.Roman)],
            Command = d0.Command with { Khagan = [.. d0.Command.Khagan.Select(i => i.Action == PlanAction.GeneralAssault ? i with { Target = target } : i)] },
        };
        var sectors = Enumerable.Range(0, d.WallSectors.Length).ToArray();
        var breachLine = d.Combat.BreachBelow.Raw;
        var sim = Kernel.Simulation.Create(d, 0);
        int dawns = 0, byBreach = 0, byAssault = 0, byEngines = 0, told = 0;
        for (var k = 0; k < 20; k++)
        {
            sim.Reset(Kernel.Randomness.SplitMix64.Derive(626, (ulong)k));
            while (!sim.IsOver)
            {
                if (sim.Now.HourOfDay != Dawn)
                {
                    sim.Step();
                    continue;
                }

                var events = sim.Events.All.ToArray();
                var breached = sectors.Where(s => !Sieges.IsSeaWall(d, s) && Sieges.Standing(d, sim, s) < breachLine).ToArray();
                var lastStormed = events.LastOrDefault(e => e.Kind == EventKind.KhaganDecided
                    && e.Value1 is (int)KhaganDecision.Assault or (int)KhaganDecision.AssaultBreach or (int)KhaganDecision.CombinedAttack);
                var engines = sectors.Select(sim.EnginesBefore).ToArray();
                int expected;
                if (breached.Length > 0)
                {
                    expected = breached.First(s => Sieges.Cover(d, sim, s) == breached.Max(b => Sieges.Cover(d, sim, b)));
                    byBreach++;
                }
                else if (lastStormed.Kind == EventKind.KhaganDecided)
                {
                    expected = Array.FindIndex(d.WallSectors, w => Sieges.Zone(d, w.Zone) == lastStormed.Zone);
                    byAssault++;
                }
                else
                {
                    expected = engines.Max() > 0 ? Array.IndexOf(engines, engines.Max()) : -1;
                    byEngines += expected >= 0 ? 1 : 0;
                }

                var before = sim.ThreatSector;
                var from = sim.Events.Count;
                sim.Step();
                Assert.Equal(expected, sim.ThreatSector);
                var reinforce = sim.Events.All[from..].ToArray().Where(e => e.Kind == EventKind.DefendersDecided && e.Value1 == (int)DefenderDecision.ReinforceSector).ToArray();
                if (expected >= 0 && expected != before)
                {
                    Assert.Equal(Sieges.Zone(d, d.WallSectors[expected].Zone), Assert.Single(reinforce).Zone);
                    told++;
                }
                else
                {
                    Assert.Empty(reinforce);
                }

                dawns++;
            }
        }

        Assert.True(dawns > 100 && told > 0, $"{dawns} dawns, {told} told");
        Assert.True(south > 0 || byBreach == dawns, "a breach from the first dawn");
        Assert.True(south < 1 || (byAssault > 20 && (byEngines > 20 || !withEngines)), $"{byAssault} by the last assault, {byEngines} by the engines");
    }

    [Fact]
    public void A_procession_order_is_held_at_once_and_only_for_the_Romans()
    {
        var d = Sieges.Unbesieged(new SiegeBuilder { HorizonDays = 3 }.Build());
        var at = SimTime.FromDay(1, 14);
        Order[] orders = [new(at, Side.Roman, OrderKind.Procession, -1, 0), new(SimTime.FromDay(2, 14), Side.Avar, OrderKind.Procession, -1, 0)];
        var sim = Kernel.Simulation.Create(d, 2);
        while (!sim.IsOver)
        {
            sim.Step(orders);
        }

        var held = Assert.Single(sim.Events.All.ToArray(), e => e.Kind == EventKind.ProcessionHeld);
        Assert.Equal(at, held.Time);
    }

    [Fact]
    public void The_khagans_demand_is_refused_while_hearts_hold_and_answered_with_terms_when_they_fail()
    {
        var d0 = Sieges.Unbesieged(new SiegeBuilder { HorizonDays = 3 }.Build());
        var d = d0 with { Command = d0.Command with { Khagan = [new IntentionDefinition { Action = PlanAction.Embassy, StartHour = 10 }] } };

        var proud = Kernel.Simulation.Create(d, 3);
        proud.RunToEnd();
        var events = proud.Events.All.ToArray();
        Assert.Equal(new SimTime(10), Assert.Single(events, e => e.Kind == EventKind.EmbassyReceived).Time);
        var refusal = Assert.Single(events, e => e.Kind == EventKind.DefendersDecided && e.Value1 == (int)DefenderDecision.RefuseTerms);
        Assert.Equal(700, refusal.Value2);
        Assert.Equal(Outcome.Undecided, proud.Summary.Outcome);

        // Hearts at 0.1, 0.15 after the dawn's procession: below 0.2 they treat when the envoys come (10:00), not
        // only at the end of the day.
        var broken = Kernel.Simulation.Create(RomanMorale(d, 0.1m), 3);
        broken.RunToEnd();
        Assert.Equal(Outcome.Negotiated, broken.Summary.Outcome);
        Assert.Equal(EndCause.DefendersNegotiated, broken.Summary.Cause);
        Assert.Equal(new SimTime(10), broken.Summary.End);
        Assert.Equal(150, Assert.Single(broken.Events.All.ToArray(), e => e.Kind == EventKind.CityNegotiated).Value1);
        Assert.DoesNotContain(broken.Events.All.ToArray(), e => e.Kind == EventKind.DefendersDecided && e.Value1 == (int)DefenderDecision.RefuseTerms);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    public void Sorties_face_the_camps_watch_and_burn_a_fifth_of_each_ready_park_when_they_succeed(double south)
    {
        // Sorties go out against any battered wall here, so that there are many; a worn southern wall with no
        // engines before it draws none.
        var d = Worn(new SiegeBuilder { SouthIntegrity = (decimal)south }.Build(), 1m);
        var camp = Enumerable.Range(0, d.Contingents.Length).Where(i => d.Contingents[i].Side == Side.Avar && d.Contingents[i].Role == ContingentRole.Camp).ToArray();
        var parks = Enumerable.Range(0, d.Engines.Length).Where(p => d.Engines[p].Side == Side.Avar).ToArray();
        var middle = Sieges.Sector(d, "middle");
        var garrison = Sieges.Contingent(d, "garrison");
        var sim = Kernel.Simulation.Create(d, 0);
        int made = 0, succeeded = 0, burnedTotal = 0;
        long lostWon = 0, lostCaught = 0;
        for (var k = 0; k < 40; k++)
        {
            sim.Reset(Kernel.Randomness.SplitMix64.Derive(626, (ulong)k));
            while (!sim.IsOver)
            {
                var watch = camp.Sum(i => (long)(sim.Ledger(i).Present / 10));
                var engines = parks.Select(sim.Engines).ToArray();
                var ready = parks.Select(sim.EngineReady).ToArray();
                var garrisonBefore = sim.Ledger(garrison).Present;
                var from = sim.Events.Count;
                sim.Step();
                var hour = sim.Events.All[from..].ToArray();
                var sortie = hour.Where(e => e.Kind == EventKind.SortieMade).ToArray();
                if (sortie.Length == 0)
                {
                    continue;
                }

                var e = Assert.Single(sortie);
                Assert.Equal(1, e.Time.HourOfDay);
                Assert.Equal(Sieges.Zone(d, "middle"), e.Zone);
                Assert.Equal(400, e.Value3);
                Assert.Equal((int)(5_000L * 400 / (400 + watch)), e.Odds);
                Assert.Contains(hour, x => x.Kind == EventKind.DefendersDecided && x.Value1 == (int)DefenderDecision.Sortie && x.Value2 == 400);
                var success = e.Roll < e.Odds;
                var burned = 0;
                for (var j = 0; j < parks.Length; j++)
                {
                    var p = parks[j];
                    var n = success && ready[j] && engines[j] > 0 && Sieges.Sector(d, d.Engines[p].Sector) == middle
                        ? Math.Min(engines[j], (int)Math.Max(1, SiegeBuilder.R(0.2m).Of(engines[j])))
                        : 0;
                    Assert.Equal(engines[j] - n, sim.Engines(p));
                    burned += n;
                }

                Assert.Equal(burned, e.Value1);
                Assert.Equal(garrisonBefore - e.Value2, sim.Ledger(garrison).Present);
                Assert.InRange(e.Value2, 0, 400);
                made++;
                succeeded += success ? 1 : 0;
                lostWon += success ? e.Value2 : 0;
                lostCaught += success ? 0 : e.Value2;
                burnedTotal += burned;
            }
        }

        Assert.True(made > 40 && succeeded > 5 && burnedTotal > 0, $"{made} sorties, {succeeded} succeeded, {burnedTotal} burned");

        // A tenth of the party falls when it wins through, a fifth when it is caught (means, drawn per sortie).
        static void Around(long lost, int sorties, double mean) =>
            Assert.InRange(lost, (sorties * mean) - (5 * Math.Sqrt(sorties * mean)), (sorties * mean) + (5 * Math.Sqrt(sorties * mean)));
        Around(lostWon, succeeded, 40);
        Around(lostCaught, made - succeeded, 80);
    }

    [Fact]
    public void Without_a_sortie_party_or_a_worn_wall_no_sortie_goes_out()
    {
        Sieges.Each(Worn(new SiegeBuilder().Build(), 1m), 20, sim => Assert.Contains(sim.Events.All.ToArray(), e => e.Kind == EventKind.SortieMade));
        foreach (var d in new[] { Worn(new SiegeBuilder { SortieMen = 0 }.Build(), 1m), Worn(new SiegeBuilder().Build(), 0m), Worn(new SiegeBuilder { Garrison = 300 }.Build(), 1m), Worn(new SiegeBuilder { SortieMen = 12_001 }.Build(), 1m) })
        {
            Sieges.Each(d, 20, sim => Assert.DoesNotContain(sim.Events.All.ToArray(), e => e.Kind == EventKind.SortieMade));
        }
    }

    private static SiegeDefinition Worn(SiegeDefinition d, decimal below) =>
        Sieges.Defenders(d, x => x with { SortieWhenWallBelow = SiegeBuilder.R(below) });

    [Fact]
    public void When_the_khagan_goes_the_city_gives_thanks()
    {
        var d = new SiegeBuilder().Build();
        var roman = Enumerable.Range(0, d.Contingents.Length).Where(i => d.Contingents[i].Side == Side.Roman).ToArray();
        var sim = Kernel.Simulation.Create(d, 4);
        var when = SimTime.FromDay(12, 9);
        Order[] orders = [new(when, Side.Avar, OrderKind.Withdraw, -1, 0)];
        Sieges.StepTo(sim, when, orders);

        var before = roman.Select(sim.Morale).ToArray();
        sim.Step(orders);
        Assert.True(sim.IsOver);
        Assert.Equal(before.Select(m => Math.Min(Ratio.Scale, m + 2_000)), roman.Select(sim.Morale));
        var thanks = Assert.Single(sim.Events.All.ToArray(), e => e.Kind == EventKind.Thanksgiving);
        long men = roman.Sum(i => (long)sim.Ledger(i).Present);
        var mean = roman.Sum(i => (long)sim.Ledger(i).Present * sim.Morale(i)) / men;
        Assert.Equal((int)mean / 10, thanks.Value1);
        var lifted = Assert.Single(sim.Events.All.ToArray(), e => e.Kind == EventKind.SiegeLifted);
        Assert.Equal(sim.Definition.Engines.Where(e => e.Side == Side.Avar).Sum(e => e.Count) - sim.Summary.EnginesLost, lifted.Value1);
        Assert.All(Enumerable.Range(0, d.Engines.Length).Where(p => d.Engines[p].Side == Side.Avar), p => Assert.Equal(0, sim.Engines(p)));
    }

    [Fact]
    public void An_ordered_sortie_goes_out_the_next_night_even_when_the_doctrine_sends_none()
    {
        // No sortie party in the doctrine; the city orders 500 men against the engines before the middle sector at
        // 20:00 on day 13: they go at 01:00 on day 14, and no other night.
        var d = new SiegeBuilder { SortieMen = 0 }.Build();
        var middle = (short)Sieges.Zone(d, "middle");
        Order[] orders = [new(SimTime.FromDay(13, 20), Side.Roman, OrderKind.Sortie, middle, 500)];
        var sim = Kernel.Simulation.Create(d, 6);
        while (!sim.IsOver)
        {
            sim.Step(orders);
        }

        var sortie = Assert.Single(sim.Events.All.ToArray(), e => e.Kind == EventKind.SortieMade);
        Assert.Equal((SimTime.FromDay(14, 1), middle, 500), (sortie.Time, (int)sortie.Zone, sortie.Value3));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Ordered_to_refuse_the_city_refuses_with_its_hearts_told_and_ordered_to_treat_it_treats(int answer)
    {
        var d = new SiegeBuilder().Build();
        var at = SimTime.FromDay(3, 9);
        var sim = Kernel.Simulation.Create(d, 2);
        Order[] orders = [new(SimTime.FromDay(3, 8), Side.Roman, OrderKind.AnswerEnvoys, -1, answer), new(at, Side.Avar, OrderKind.DemandSurrender, -1, 0)];
        Sieges.StepTo(sim, at, orders);

        var hearts = sim.CityMorale;
        var from = sim.Events.Count;
        sim.Step(orders);
        var hour = sim.Events.All[from..].ToArray();
        Assert.Contains(hour, e => e.Kind == EventKind.EmbassyReceived);
        if (answer == 0)
        {
            var refused = Assert.Single(hour, e => e.Kind == EventKind.DefendersDecided && e.Value1 == (int)DefenderDecision.RefuseTerms);
            Assert.Equal(hearts / 10, refused.Value2);
            Assert.False(sim.IsOver);
        }
        else
        {
            Assert.Equal(hearts / 10, Assert.Single(hour, e => e.Kind == EventKind.CityNegotiated).Value1);
            Assert.Equal(Outcome.Negotiated, sim.Summary.Outcome);
        }
    }

    /// <summary>The definition with the khagan's stone-throwers and towers before the southern sector, the first in the list.</summary>
    private static SiegeDefinition EnginesSouth(SiegeDefinition d) =>
        d with { Engines = [.. d.Engines.Select(e => e.Side == Side.Avar ? e with { Sector = "south" } : e)] };

    [Fact]
    public void Sorties_go_against_engines_before_the_first_sector_by_doctrine_and_by_order()
    {
        // No night repairs: the stones' wear on the south is not made good before the sortie hour.
        var d = Worn(EnginesSouth(new SiegeBuilder().Build()), 1m);
        d = Sieges.Defenders(d, x => x with { NightRepairPerHour = Ratio.Zero });
        var south = (short)Sieges.Zone(d, "south");
        Sieges.Each(d, 6, sim => Assert.Contains(sim.Events.All.ToArray(), e => e.Kind == EventKind.SortieMade && e.Zone == south));

        var none = EnginesSouth(new SiegeBuilder { SortieMen = 0 }.Build());
        var sim = Sieges.RunWith(none, 6, new Order(SimTime.FromDay(13, 20), Side.Roman, OrderKind.Sortie, south, 500));
        var sortie = Assert.Single(sim.Events.All.ToArray(), e => e.Kind == EventKind.SortieMade);
        Assert.Equal((SimTime.FromDay(14, 1), south, 500), (sortie.Time, sortie.Zone, sortie.Value3));
    }

    [Fact]
    public void Ordered_to_send_no_sortie_tonight_none_goes_though_the_doctrine_would_send_one()
    {
        var d = Worn(new SiegeBuilder().Build(), 1m);
        var middle = (short)Sieges.Zone(d, "middle");
        var checkedNights = 0;
        for (ulong seed = 0; seed < 6; seed++)
        {
            var free = Sieges.RunWith(d, seed).Events.All.ToArray().Where(e => e.Kind == EventKind.SortieMade).ToArray();
            if (free.Length == 0)
            {
                continue;
            }

            var night = free[0].Time;
            var held = Sieges.RunWith(d, seed, new Order(SimTime.FromDay(night.Day, 0), Side.Roman, OrderKind.Sortie, middle, 0)).Events.All.ToArray();
            Assert.DoesNotContain(held, e => e.Kind == EventKind.SortieMade && e.Time == night);
            checkedNights++;
        }

        Assert.True(checkedNights >= 3, $"{checkedNights} nights checked");
    }

    [Fact]
    public void The_best_men_on_the_walls_make_the_sortie_wherever_they_stand_in_the_list()
    {
        // The militia listed first: the garrison, the best men on the walls, is no longer the first contingent.
        var d = Sieges.ContingentFirst(Worn(new SiegeBuilder().Build(), 1m), "militia");
        var garrison = Sieges.Contingent(d, "garrison");
        Assert.NotEqual(0, garrison);
        var sim = Kernel.Simulation.Create(d, 0);
        var made = 0;
        for (var k = 0; k < 6; k++)
        {
            sim.Reset(Kernel.Randomness.SplitMix64.Derive(626, (ulong)k));
            while (!sim.IsOver)
            {
                var before = sim.Ledger(garrison).Present;
                var from = sim.Events.Count;
                sim.Step();
                foreach (var e in sim.Events.All[from..].ToArray().Where(e => e.Kind == EventKind.SortieMade))
                {
                    Assert.Equal(before - e.Value2, sim.Ledger(garrison).Present);
                    made++;
                }
            }
        }

        Assert.True(made >= 6, $"{made} sorties");
    }

    [Fact]
    public void An_ordered_sortie_of_every_man_of_the_best_contingent_goes_out()
    {
        var d = new SiegeBuilder { SortieMen = 0 }.Build();
        var middle = (short)Sieges.Zone(d, "middle");
        var garrison = Sieges.Contingent(d, "garrison");
        var at = SimTime.FromDay(14, 0);
        var sim = Kernel.Simulation.Create(d, 3);
        Sieges.StepTo(sim, at);
        var all = sim.Ledger(garrison).Present;
        Order[] orders = [new(at, Side.Roman, OrderKind.Sortie, middle, all)];
        sim.Step(orders);
        sim.Step(orders);
        var sortie = Assert.Single(sim.Events.All.ToArray(), e => e.Kind == EventKind.SortieMade);
        Assert.Equal((SimTime.FromDay(14, 1), all), (sortie.Time, sortie.Value3));
        Assert.Equal(all - sortie.Value2, sim.Ledger(garrison).Present);
    }

    [Fact]
    public void A_sortie_before_the_engines_are_ready_burns_nothing()
    {
        // The engines are begun at 06:00 on day 10 and stand ready two days later; sorties ordered for the nights
        // before find only timber and frames.
        var d = new SiegeBuilder { SortieMen = 0 }.Build();
        var middle = (short)Sieges.Zone(d, "middle");
        int won = 0, made = 0;
        for (ulong seed = 0; seed < 40; seed++)
        {
            var sim = Sieges.RunWith(d, seed, new Order(SimTime.FromDay(11, 0), Side.Roman, OrderKind.Sortie, middle, 1_000));
            var sortie = sim.Events.All.ToArray().FirstOrDefault(e => e.Kind == EventKind.SortieMade);
            if (sortie.Kind != EventKind.SortieMade)
            {
                continue;
            }

            Assert.Equal(SimTime.FromDay(11, 1), sortie.Time);
            Assert.Equal(0, sortie.Value1);
            made++;
            won += sortie.Roll < sortie.Odds ? 1 : 0;
        }

        Assert.True(made >= 30 && won >= 5, $"{made} sorties, {won} won through");
    }
}
