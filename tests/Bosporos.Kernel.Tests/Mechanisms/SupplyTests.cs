using Bosporos.Kernel.Command;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Numerics;
using Bosporos.Testing;

namespace Bosporos.Kernel.Tests.Mechanisms;

/// <summary>Food and water on both sides of the wall, and the day's morale: rations, forage, hunger and desertion.</summary>
public class SupplyTests
{
    /// <summary>A quiet siege in which only the vanguard (10,000 horse of the camp) comes, with these rations and forage.</summary>
    private static SiegeDefinition Vanguard(int rations, long forage, decimal morale = 0.7m)
    {
        var d = new SiegeBuilder { RationDays = rations }.Build();
        return d with
        {
            Contingents = [.. d.Contingents.Select(c => c.Side != Side.Avar ? c : c.Role == ContingentRole.Camp ? c with { Morale = SiegeBuilder.R(morale) } : c with { ArrivalDay = 10_000 })],
            Supply = d.Supply with { ForagePoolManDays = forage },
        };
    }

    private static void StepToEndOfDay(Kernel.Simulation sim, int day)
    {
        while (!sim.IsOver && sim.Now < Time.SimTime.FromDay(day + 1))
        {
            sim.Step();
        }
    }

    /// <summary>The compact siege with no forage and these rations for each of the host's contingents (by id).</summary>
    private static SiegeDefinition Rations(Func<string, int> days)
    {
        var d = new SiegeBuilder().Build();
        return d with
        {
            Contingents = [.. d.Contingents.Select(c => c.Side == Side.Avar ? c with { RationDays = days(c.Id) } : c)],
            Supply = d.Supply with { ForagePoolManDays = 0 },
        };
    }

    [Fact]
    public void A_host_wholly_unfed_for_the_starving_days_goes_at_the_first_dawn_he_judges()
    {
        // No rations and no forage: from day 0 every man of the host goes short, so each day's end counts another day
        // starving. The whole host is up on day 10; at the next dawn, with 3 days or more of it, he goes, starving.
        var d = Rations(_ => 0);
        Sieges.Each(d, 5, sim =>
        {
            var s = sim.Summary;
            Assert.Equal((Outcome.Lifted, EndCause.HostStarving), (s.Outcome, s.Cause));
            Assert.Equal(11, s.End.Day);
            Assert.True(s.ShortfallManDays > 0);
        });
    }

    [Fact]
    public void A_host_short_by_less_than_the_starving_share_is_hungry_but_never_starving()
    {
        // Only the vanguard (a quarter of the host) has no food; the rest bring plenty. A quarter short is below the
        // 0.4 share that makes a starving day, so however long the vanguard goes hungry the host never ends starving.
        var d = Rations(id => id == "vanguard" ? 0 : 200);
        var hungry = 0;
        Sieges.Each(d, 10, sim =>
        {
            Assert.NotEqual(EndCause.HostStarving, sim.Summary.Cause);
            hungry += sim.Events.All.ToArray().Count(e => e.Kind == EventKind.HostHungry && e.Value2 > 0);
        });
        Assert.True(hungry >= 100, $"{hungry} hungry days");
    }

    [Fact]
    public void When_two_days_of_food_are_left_and_none_went_short_the_host_is_warned()
    {
        // No forage, and rations that run out together on day 15 (the vanguard comes on day 0 with 15 days, the rest on
        // day 10 with 5): once the whole host is up and its food in hand falls to two days or less while everyone still
        // ate, the day ends with a warning (0 man-days short), and only then.
        var d = Rations(id => id == "vanguard" ? 15 : 5);
        Sieges.Each(d, 5, sim =>
        {
            var warned = sim.Events.All.ToArray().Where(e => e.Kind == EventKind.HostHungry && e.Value2 == 0).ToArray();
            Assert.NotEmpty(warned);
            Assert.All(warned, e =>
            {
                Assert.InRange(e.Value1, 0, 2);
                Assert.True(e.Time.Day >= 10, $"warned on day {e.Time.Day}, before the host was up");
            });
        });

        // Stepping day by day: a warning exactly on the days the count of food days is at most two with no one short.
        var sim = Kernel.Simulation.Create(d, 3);
        for (var day = 0; day < 30 && !sim.IsOver; day++)
        {
            var from = sim.Events.Count;
            StepToEndOfDay(sim, day);
            if (sim.IsOver)
            {
                break;
            }

            var events = sim.Events.All[from..].ToArray();
            var short_ = events.Any(e => e.Kind == EventKind.HostHungry && e.Value2 > 0);
            var warning = events.Any(e => e.Kind == EventKind.HostHungry && e.Value2 == 0);
            Assert.Equal(!short_ && day >= 10 && sim.HostFoodDays <= 2, warning);
        }
    }

    [Fact]
    public void A_host_all_up_on_the_first_day_with_two_days_of_food_is_warned_that_evening()
    {
        // Every contingent of the host comes on day 0 with two days' rations and nothing to forage: the khagan has his
        // whole host from the first dawn, and at the end of that day one day's food is left.
        var d0 = Rations(_ => 2);
        var d = d0 with { Contingents = [.. d0.Contingents.Select(c => c.Side == Side.Avar ? c with { ArrivalDay = 0 } : c)] };
        var sim = Kernel.Simulation.Create(d, 1);
        StepToEndOfDay(sim, 0);
        var warning = Assert.Single(sim.Events.All.ToArray(), e => e.Kind == EventKind.HostHungry);
        Assert.Equal((0, 1, 0), (warning.Time.Day, warning.Value1, warning.Value2));
    }

    [Fact]
    public void Before_any_of_the_host_comes_its_food_lasts_for_ever()
    {
        var sim = Kernel.Simulation.Create(Sieges.Unbesieged(new SiegeBuilder().Build()), 1);
        Assert.Equal(0, sim.HostPresent);
        Assert.Equal(int.MaxValue, sim.HostFoodDays);
        StepToEndOfDay(sim, 2);
        Assert.Equal(int.MaxValue, sim.HostFoodDays);
        Assert.DoesNotContain(sim.Events.All.ToArray(), e => e.Kind == EventKind.HostHungry);
    }

    [Fact]
    public void At_each_days_end_hearts_fall_by_the_share_of_men_lost_that_day_then_mend_toward_their_start()
    {
        // Every contingent's losses of the day (killed, wounded and taken, in assaults, on the water or put to death)
        // cost it 0.08 of heart for each tenth of its strength at dawn; then, if it was fed, it mends a tenth of the
        // way back to its starting heart. Checked against the ledgers at every day's end of 20 sieges of the compact
        // scenario, for every contingent fed that day whose heart nothing else moved in the last hour.
        var d = new SiegeBuilder { Militia = 3_000 }.Build();
        var all = Enumerable.Range(0, d.Contingents.Length).ToArray();
        var sim = Kernel.Simulation.Create(d, 0);
        int checkedDays = 0, withLosses = 0, bigDrops = 0;
        for (var k = 0; k < 20; k++)
        {
            sim.Reset(Kernel.Randomness.SplitMix64.Derive(626, (ulong)k));
            var dawn = all.Select(sim.Ledger).ToArray();
            while (!sim.IsOver)
            {
                if (sim.Now.HourOfDay == 0)
                {
                    dawn = [.. all.Select(sim.Ledger)];
                }

                var hour = sim.Now.HourOfDay;
                var morale = all.Select(sim.Morale).ToArray();
                var from = sim.Events.Count;
                sim.Step();
                if (hour != 23 || sim.IsOver)
                {
                    continue;
                }

                var events = sim.Events.All[from..].ToArray();
                var hostUnfed = events.Any(e => e.Kind == EventKind.HostHungry && e.Value2 > 0);
                foreach (var i in all)
                {
                    var c = d.Contingents[i];
                    var now = sim.Ledger(i);
                    var lost = (now.Killed + now.Wounded + now.Captured) - (dawn[i].Killed + dawn[i].Wounded + dawn[i].Captured);
                    var deserted = now.Deserted - dawn[i].Deserted;
                    var movedThisHour = events.Any(e => e.Actor == i && e.Kind != EventKind.ContingentDeserted);
                    if (now.Present + deserted <= 0 || movedThisHour || (c.Side == Side.Avar && hostUnfed) || events.Any(e => e.Kind == EventKind.CityHungry))
                    {
                        continue;
                    }

                    // Desertion at the day's end comes after the heart is weighed, so the men present then include
                    // those who desert this hour (and no one deserted earlier in the day without an event of this hour).
                    var deserters = events.Where(e => e.Kind == EventKind.ContingentDeserted && e.Actor == i).Sum(e => e.Value1);
                    var before = (long)now.Present + deserters + lost;
                    var m = morale[i];
                    if (lost > 0)
                    {
                        var fall = (int)((long)d.Morale.LossPerTenth.Raw * lost * 10 / before);
                        m = Math.Clamp(m - fall, 0, Ratio.Scale);
                        withLosses++;
                        bigDrops += fall >= 100 ? 1 : 0;
                    }

                    if (m < c.Morale.Raw)
                    {
                        m = Math.Clamp(m + (int)((long)(c.Morale.Raw - m) * d.Morale.DailyRecovery.Raw / Ratio.Scale), 0, Ratio.Scale);
                    }

                    Assert.Equal(m, sim.Morale(i));
                    checkedDays++;
                }
            }
        }

        Assert.True(checkedDays > 1_000 && withLosses > 100 && bigDrops > 10, $"{checkedDays} contingent-days, {withLosses} with losses, {bigDrops} falls of 0.01 or more");
    }

    [Fact]
    public void An_unfed_host_loses_heart_every_day_and_its_shortfall_is_counted()
    {
        // No rations, no forage: each day the whole vanguard goes short, and its heart falls by 0.12 a day.
        var d = Vanguard(rations: 0, forage: 0);
        var horse = Sieges.Contingent(d, "vanguard");
        var sim = Kernel.Simulation.Create(d, 1);
        StepToEndOfDay(sim, 0);
        Assert.Equal(7_000 - 1_200, sim.Morale(horse));
        StepToEndOfDay(sim, 1);
        Assert.Equal(7_000 - 2_400, sim.Morale(horse));
        var hungry = sim.Events.All.ToArray().Where(e => e.Kind == EventKind.HostHungry).ToArray();
        Assert.Equal(2, hungry.Length);
        Assert.All(hungry, e => Assert.Equal((0, 10_000), (e.Value1, e.Value2)));
        Assert.Equal(20_000, sim.Summary.ShortfallManDays);
        Assert.Equal(0, sim.HostFoodDays);
    }

    [Fact]
    public void Rations_are_eaten_a_day_at_a_time_and_deserters_take_their_share()
    {
        // 30 days of rations, no forage, morale 0.2 (below the 0.35 desertion line): men slip away every day
        // (0.15 × 1.5 / 3.5 = 6.4% a day) with their rations, so those who stay have exactly one day less each day.
        var d = Vanguard(rations: 30, forage: 0, morale: 0.2m);
        var horse = Sieges.Contingent(d, "vanguard");
        var sim = Kernel.Simulation.Create(d, 2);
        sim.Step();
        Assert.Equal(30, sim.HostFoodDays);
        double expected = 0, deserted = 0;
        for (var day = 0; day < 20; day++)
        {
            var from = sim.Events.Count;
            StepToEndOfDay(sim, day);
            Assert.Equal(29 - day, sim.HostFoodDays);
            var left = sim.Ledger(horse).Present;
            foreach (var e in sim.Events.All[from..].ToArray().Where(e => e.Kind == EventKind.ContingentDeserted))
            {
                Assert.Equal(horse, e.Actor);
                Assert.Equal(200, e.Value2);
                expected += (left + e.Value1) * 0.0642;
                deserted += e.Value1;
            }
        }

        Assert.Equal((int)deserted, sim.Ledger(horse).Deserted);
        Assert.InRange(deserted / expected, 0.93, 1.07);
        Assert.True(sim.Ledger(horse).Present < 4_000, $"{sim.Ledger(horse).Present} left");
    }

    [Fact]
    public void A_desertion_is_told_only_when_men_go()
    {
        // A vanguard of 40 horse, fed, at 0.3 of heart (below the 0.35 line): on most days the few who would go round
        // down to none, and then nothing is told.
        var d0 = new SiegeBuilder { RationDays = 30, Host = 160 }.Build();
        var d = d0 with
        {
            Contingents = [.. d0.Contingents.Select(c => c.Side != Side.Avar ? c : c.Role == ContingentRole.Camp ? c with { Morale = SiegeBuilder.R(0.3m) } : c with { ArrivalDay = 10_000 })],
            Supply = d0.Supply with { ForagePoolManDays = 0 },
        };
        var horse = Sieges.Contingent(d, "vanguard");
        var told = 0;
        Sieges.Each(d, 20, sim =>
        {
            foreach (var e in sim.Events.All.ToArray().Where(e => e.Kind == EventKind.ContingentDeserted))
            {
                Assert.True(e.Value1 > 0, $"a desertion of {e.Value1} told");
                Assert.Equal(horse, e.Actor);
                told++;
            }
        });
        Assert.True(told > 0, "no desertion at all");
    }

    [Fact]
    public void Persian_allies_do_not_desert_however_low_their_hearts()
    {
        var d0 = Vanguard(rations: 30, forage: 0);
        var d = d0 with { Contingents = [.. d0.Contingents.Select(c => c.Side == Side.Persian ? c with { Morale = SiegeBuilder.R(0.05m) } : c)] };
        var sim = Kernel.Simulation.Create(d, 3);
        StepToEndOfDay(sim, 9);
        Assert.DoesNotContain(sim.Events.All.ToArray(), e => e.Kind == EventKind.ContingentDeserted);
        Assert.Equal(10_000, sim.Ledger(Sieges.Contingent(d, "persians")).Present);
    }

    [Fact]
    public void Forage_feeds_the_horse_from_the_camp_store_at_the_pools_rate()
    {
        // No rations: the horse eat only what they forage. The pool of 600,000 man-days yields 4% a day (24,000, less
        // than the 30,000 that 10,000 foragers can carry) times 0.75 to 1.25: more than the 10,000 they eat, so they
        // never go short, and the store grows by about 14,000 a day at first.
        var d = Vanguard(rations: 0, forage: 600_000);
        var sim = Kernel.Simulation.Create(d, 4);
        StepToEndOfDay(sim, 0);
        Assert.InRange(sim.HostFoodDays, 0, 2); // (24,000 × 0.75..1.25 − 10,000) / 10,000
        StepToEndOfDay(sim, 9);
        Assert.DoesNotContain(sim.Events.All.ToArray(), e => e.Kind == EventKind.HostHungry);

        // Ten days: the pool shrinks by 4% a day, so about 24,000 × (1 − 0.96^10) / 0.04 = 201,000 gathered, less
        // 100,000 eaten: about 10 days of food in the store.
        Assert.InRange(sim.HostFoodDays, 8, 12);
    }

    [Fact]
    public void The_city_eats_its_granaries_unless_the_fleet_holds_the_sea_lane()
    {
        // Three days of food. 15 warships on the strait (the sea lane) bring 1.2 days a day: never hungry. With 4
        // there (fewer than the 5 that control it) the city is hungry from the end of day 2, each day, and the
        // defenders lose 0.12 of heart a day, less the day's drift back (a tenth of the gap).
        foreach (var (galleys, controlMin, fed) in new[] { (30, 5, true), (8, 5, false), (8, 4, true) })
        {
            var d0 = Sieges.Unbesieged(new SiegeBuilder { Galleys = galleys, HorizonDays = 6 }.Build());
            var d = d0 with { Supply = d0.Supply with { CityFoodDays = 3 }, Naval = d0.Naval with { ControlMinGalleys = controlMin } };
            var sim = Kernel.Simulation.Create(d, 5);
            StepToEndOfDay(sim, 2);
            var hungry = sim.Events.All.ToArray().Where(e => e.Kind == EventKind.CityHungry).ToArray();
            if (fed)
            {
                // Topped up to the granaries' three days and never beyond them.
                Assert.Empty(hungry);
                Assert.Equal(7_000, sim.Morale(0));
                Assert.Equal(3, sim.CityFoodDays);
                StepToEndOfDay(sim, 5);
                Assert.Equal(3, sim.CityFoodDays);
                continue;
            }

            var e = Assert.Single(hungry);
            Assert.Equal(Time.SimTime.FromDay(2, 23), e.Time);
            Assert.Equal(0, e.Value1);
            Assert.Equal(5_800 + 120, sim.Morale(0));
            StepToEndOfDay(sim, 3);
            Assert.Equal(2, sim.Events.All.ToArray().Count(x => x.Kind == EventKind.CityHungry));
            Assert.Equal(0, sim.CityFoodDays); // empty, not owed
        }
    }

    [Fact]
    public void Once_the_aqueduct_is_cut_the_cisterns_run_down()
    {
        // Two days of cistern water; the khagan cuts the aqueduct on day 0 at 10:00. Without the cut the city never thirsts.
        var d0 = Sieges.Unbesieged(new SiegeBuilder { HorizonDays = 5 }.Build());
        var d = d0 with { Supply = d0.Supply with { CisternDays = 2 } };
        var sim = Kernel.Simulation.Create(d, 6);
        sim.RunToEnd();
        var events = sim.Events.All.ToArray();
        Assert.Equal(new Time.SimTime(10), Assert.Single(events, e => e.Kind == EventKind.AqueductCut).Time);
        var thirst = events.Where(e => e.Kind == EventKind.CityHungry).ToArray();
        Assert.Equal(Time.SimTime.FromDay(1, 23), thirst[0].Time);
        Assert.Equal(4, thirst.Length); // the end of days 1 to 4
        Assert.All(thirst, e => Assert.Equal(0, e.Value1));

        var uncut = d with { Command = d.Command with { Khagan = [.. d.Command.Khagan.Where(k => k.Action != PlanAction.CutAqueduct)] } };
        var wet = Kernel.Simulation.Create(uncut, 6);
        wet.RunToEnd();
        Assert.DoesNotContain(wet.Events.All.ToArray(), e => e.Kind is EventKind.CityHungry or EventKind.AqueductCut);
    }
}
