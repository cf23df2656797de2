using Bosporos.Kernel.Command;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Numerics;
using Bosporos.Testing;

namespace Bosporos.Kernel.Tests.Mechanisms;

/// <summary>Engines built over hours, stones by day, labour by night, counter-battery and burning towers.</summary>
public class SiegecraftTests
{
    /// <summary>The compact siege with no assaults, no sorties and (unless asked) no counter-battery: stones and repairs alone.</summary>
    private static SiegeDefinition StonesOnly(decimal counterBattery = 0m, int garrison = 12_000, decimal south = 1m)
    {
        var d = new SiegeBuilder { SortieMen = 0, Garrison = garrison, SouthIntegrity = south }.Build();
        return d with
        {
            Command = d.Command with
            {
                Khagan = [.. d.Command.Khagan.Where(k => k.Action != PlanAction.GeneralAssault)],
                Defenders = d.Command.Defenders with { CounterBattery = SiegeBuilder.R(counterBattery) },
            },
        };
    }

    [Fact]
    public void Engines_stand_ready_exactly_their_build_hours_after_work_begins()
    {
        // Work begins on day 10 at 06:00 (hour 246): tortoises take 36 hours, stone-throwers and towers 48.
        var d = new SiegeBuilder().Build();
        var sim = Kernel.Simulation.Create(d, 1);
        var roman = Sieges.Park(d, "roman-engines");
        Assert.True(sim.EngineReady(roman));
        Sieges.StepTo(sim, Time.SimTime.FromDay(13));

        var built = sim.Events.All.ToArray().Where(e => e.Kind == EventKind.EnginesBuilt).ToArray();
        Assert.Equal(3, built.Length);
        foreach (var (id, hour, count) in new[] { ("tortoises", 246 + 36, 6), ("throwers", 246 + 48, 40), ("towers", 246 + 48, 10) })
        {
            var e = Assert.Single(built, x => x.Actor == Sieges.Park(d, id));
            Assert.Equal(new Time.SimTime(hour), e.Time);
            Assert.Equal(count, e.Value1);
            Assert.Equal(Sieges.Zone(d, "middle"), e.Zone);
            Assert.True(sim.EngineReady(Sieges.Park(d, id)));
        }
    }

    [Fact]
    public void Stones_wear_the_outer_wall_by_day_and_full_manning_restores_it_by_night()
    {
        // 40 stone-throwers at 0.0001 an engine-hour, 12 hours a day: 480 (raw) a day on average. At night the
        // middle sector (3,400 men of frontage, fully manned) wins back 150 an hour for 9 hours, never past whole.
        var d = StonesOnly();
        var middle = Sieges.Sector(d, "middle");
        var perDay = 40L * d.Siegecraft.StoneDamagePerEngineHour.Raw * 12;
        var sim = Kernel.Simulation.Create(d, 0);
        long worn = 0, days = 0, nights = 0;
        for (var k = 0; k < 30; k++)
        {
            sim.Reset(Kernel.Randomness.SplitMix64.Derive(626, (ulong)k));
            int dawn = -1, dusk = -1;
            while (!sim.IsOver)
            {
                var from = sim.Events.Count;
                sim.Step();
                var hour = sim.Now.AddHours(-1).HourOfDay;
                var outer = sim.OuterIntegrity(middle);
                if (hour == 5)
                {
                    if (dusk >= 0)
                    {
                        Assert.Equal(Math.Min(10_000, dusk + 1_350), outer);
                        nights++;
                    }

                    dawn = outer;
                }
                else if (hour == 17 && dawn >= 0 && sim.EngineReady(Sieges.Park(d, "throwers")) && sim.Now.Day > 12)
                {
                    worn += dawn - outer;
                    days++;
                    dusk = outer;
                }
                else if (hour == 17)
                {
                    dusk = outer;
                }
                else if (hour == 18)
                {
                    var told = sim.Events.All[from..].ToArray().Where(e => e.Kind == EventKind.WallBattered).ToArray();
                    if (told.Length > 0)
                    {
                        var e = Assert.Single(told);
                        Assert.Equal(Sieges.Zone(d, "middle"), e.Zone);
                        Assert.Equal((outer / 10, sim.InnerIntegrity(middle) / 10, 40), (e.Value1, e.Value2, e.Value3));
                    }
                }
                else if (hour == 4)
                {
                    var told = sim.Events.All[from..].ToArray().Where(e => e.Kind == EventKind.WallRepaired).ToArray();
                    Assert.All(told, e => Assert.Equal(sim.OuterIntegrity(Sieges.Sector(d, d.Zones[e.Zone].Id)) / 10, e.Value1));
                }
            }
        }

        Assert.True(days > 100 && nights > 100, $"{days} days, {nights} nights");
        Assert.InRange(worn / (double)days, perDay * 0.93, perDay * 1.07);
    }

    [Theory]
    [InlineData(12_000, true)]
    [InlineData(1_500, true)]
    [InlineData(12_000, false)]
    public void Each_night_hour_the_labour_on_a_worn_wall_is_in_proportion_to_the_men_there_outer_wall_first(int garrison, bool middleOuter)
    {
        // The middle sector's wall is worn by the stones each day (its outer wall, or its inner one where it has no
        // outer). With a garrison of 1,500 the walls are thinly manned and win back only their share of the
        // doctrine's 0.015 an hour.
        var d0 = StonesOnly(garrison: garrison);
        var middle = Sieges.Sector(d0, "middle");
        var d = d0 with { WallSectors = [.. d0.WallSectors.Select((w, s) => s == middle ? w with { OuterWall = middleOuter } : w)] };
        var perHour = d.Command.Defenders.NightRepairPerHour.Raw;
        var sectors = Enumerable.Range(0, d.WallSectors.Length).ToArray();
        var sim = Kernel.Simulation.Create(d, 0);
        int hours = 0, partial = 0, inner = 0;
        for (var k = 0; k < 6; k++)
        {
            sim.Reset(Kernel.Randomness.SplitMix64.Derive(626, (ulong)k));
            while (!sim.IsOver)
            {
                var h = sim.Now.HourOfDay;
                var outer = sectors.Select(sim.OuterIntegrity).ToArray();
                var innerBefore = sectors.Select(sim.InnerIntegrity).ToArray();
                var men = sectors.Select(sim.DefendersAt).ToArray();
                sim.Step();
                if (h is not (>= 20 or (>= 1 and < 5)))
                {
                    continue;
                }

                foreach (var s in sectors)
                {
                    var sec = d.WallSectors[s];
                    var full = sec.Integrity.Raw;
                    var frontage = (int)Math.Max(1, d.Combat.DefenderFrontagePerMetre.Of(sec.LengthMetres));
                    var manning = Math.Min(Ratio.Scale, men[s] * (long)Ratio.Scale / frontage);
                    var amount = (int)(perHour * manning / Ratio.Scale);
                    var outerDown = sec.OuterWall && outer[s] < full;
                    var (o, i) = (outer[s], innerBefore[s]);
                    if (outerDown)
                    {
                        o = Math.Min(full, o + amount);
                    }
                    else if (sec.InnerWall && i < full)
                    {
                        i = Math.Min(full, i + amount);
                        inner += amount > 0 ? 1 : 0;
                    }

                    Assert.Equal((o, i), (sim.OuterIntegrity(s), sim.InnerIntegrity(s)));
                    partial += manning < Ratio.Scale && amount > 0 ? 1 : 0;
                }

                hours++;
            }
        }

        Assert.True(hours > 100 && (middleOuter || inner > 100), $"{hours} night hours, {inner} on an inner wall");
        Assert.True(garrison > 10_000 || partial > 100, $"{partial} sector-hours thinly manned");
    }

    [Fact]
    public void Counter_battery_wrecks_the_stone_throwers_first_one_at_a_time()
    {
        // 20 city engines, each with a 0.004 chance an hour of wrecking an enemy engine facing it: 0.08 an hour.
        var d = StonesOnly(counterBattery: 0.004m);
        var throwers = Sieges.Park(d, "throwers");
        long wrecked = 0, hours = 0;
        var sim = Kernel.Simulation.Create(d, 0);
        for (var k = 0; k < 30; k++)
        {
            sim.Reset(Kernel.Randomness.SplitMix64.Derive(626, (ulong)k));
            var left = 40;
            while (!sim.IsOver)
            {
                var shooting = sim.Now.HourOfDay is >= 6 and < 18 && sim.EngineReady(throwers);
                var from = sim.Events.Count;
                sim.Step();
                foreach (var e in sim.Events.All[from..].ToArray().Where(e => e.Kind == EventKind.EngineWrecked))
                {
                    Assert.Equal(throwers, e.Actor);
                    Assert.Equal(--left, e.Value1);
                    Assert.Equal(Sieges.Zone(d, "middle"), e.Zone);
                    wrecked++;
                }

                if (!sim.IsOver)
                {
                    Assert.Equal(left, sim.Engines(throwers)); // (on leaving he burns them all)
                }

                hours += shooting ? 1 : 0;
            }
        }

        Assert.True(hours > 1_000, $"{hours} hours of shooting");
        Assert.InRange(wrecked / (double)hours, 0.065, 0.095);
    }

    [Fact]
    public void Towers_burn_only_where_they_fight_and_every_one_is_counted()
    {
        var d = new SiegeBuilder().Build();
        var towers = Sieges.Park(d, "towers");
        var burnedRuns = 0;
        Sieges.Each(d, 40, sim =>
        {
            var run = sim.Events.All.ToArray();
            var burned = run.Where(e => e.Kind == EventKind.TowerBurned).ToArray();
            Assert.Equal(burned.Length, sim.Summary.TowersBurned);
            Assert.All(burned, e =>
            {
                Assert.Equal(towers, e.Actor);
                Assert.Contains(run, x => x.Kind == EventKind.Engagement && x.Time == e.Time && x.Zone == e.Zone);
            });
            burnedRuns += burned.Length > 0 ? 1 : 0;
        });
        Assert.True(burnedRuns > 5, $"{burnedRuns} runs burned towers");
    }

    /// <summary>Shapes of siege for the accounting checks: as built, a breached south stormed instead, hot counter-battery, heavy stones.</summary>
    public static TheoryData<int> Shapes => [0, 1, 2, 3];

    private static SiegeDefinition Shape(int k)
    {
        var d = new SiegeBuilder { SouthIntegrity = k == 1 ? 0m : 1m }.Build();
        return k switch
        {
            2 => d with { Command = d.Command with { Defenders = d.Command.Defenders with { CounterBattery = SiegeBuilder.R(0.05m) } } },
            3 => d with { Siegecraft = d.Siegecraft with { StoneDamagePerEngineHour = SiegeBuilder.R(0.002m) } },
            _ => d,
        };
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_engine_lost_is_told_once_the_parks_never_go_below_none_and_the_summary_counts_them(int shape)
    {
        // Engines are lost three ways: wrecked by the city's engines, towers burned at the wall, parks burned by a
        // sortie. Each park's count is its start less what was told; counter-battery turns to the towers once the
        // stone-throwers are gone.
        var d = Shape(shape);
        var parks = Enumerable.Range(0, d.Engines.Length).Where(p => d.Engines[p].Side == Side.Avar).ToArray();
        var throwers = Sieges.Park(d, "throwers");
        int wrecked = 0, towersWrecked = 0;
        var sim = Kernel.Simulation.Create(d, 0);
        for (var k = 0; k < 20; k++)
        {
            sim.Reset(Kernel.Randomness.SplitMix64.Derive(626, (ulong)k));
            var lost = 0;
            while (!sim.IsOver)
            {
                var left = Enumerable.Range(0, d.Engines.Length).Select(sim.Engines).ToArray();
                var from = sim.Events.Count;
                sim.Step();
                var hour = sim.Events.All[from..].ToArray();
                foreach (var e in hour.Where(e => e.Kind is EventKind.EngineWrecked or EventKind.TowerBurned))
                {
                    // Each loss is told with the park's count after it, one engine at a time.
                    left[e.Actor]--;
                    lost++;
                    Assert.Equal(left[e.Actor], e.Value1);
                    if (e.Kind == EventKind.EngineWrecked && e.Actor != throwers)
                    {
                        Assert.Equal(0, left[throwers]);
                        towersWrecked++;
                    }

                    wrecked += e.Kind == EventKind.EngineWrecked ? 1 : 0;
                }

                if (!sim.IsOver && !hour.Any(e => e.Kind == EventKind.SortieMade))
                {
                    Assert.Equal(left, Enumerable.Range(0, d.Engines.Length).Select(sim.Engines).ToArray());
                }

                Assert.All(parks, p => Assert.InRange(sim.Engines(p), 0, d.Engines[p].Count));
            }

            var run = sim.Events.All.ToArray();
            var sortieBurned = run.Where(e => e.Kind == EventKind.SortieMade).Sum(e => e.Value1);
            Assert.Equal(lost + sortieBurned, sim.Summary.EnginesLost);
            Assert.Equal(run.Count(e => e.Kind == EventKind.TowerBurned), sim.Summary.TowersBurned);
            if (sim.Summary.Outcome == Outcome.Lifted)
            {
                Assert.Equal(parks.Sum(p => d.Engines[p].Count) - sim.Summary.EnginesLost, Assert.Single(run, e => e.Kind == EventKind.SiegeLifted).Value1);
            }
        }

        Assert.True(shape != 2 || (wrecked > 100 && towersWrecked > 0), $"{wrecked} wrecked, {towersWrecked} towers wrecked");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_battering_is_told_at_the_end_of_the_shooting_and_the_repairs_at_the_end_of_the_night_for_the_sectors_they_touched(int shape)
    {
        // Stones fly only from ready engines. At the hour the shooting stops, each sector hit that day is told once,
        // with its walls as they stand; at the last hour of the night each sector the labour changed is told once.
        // The summary keeps the lowest the first wall of any land sector fell to under a blow.
        var d = Shape(shape);
        var sc = d.Siegecraft;
        var throwers = Sieges.Park(d, "throwers");
        var middle = Sieges.Sector(d, "middle");
        var land = Enumerable.Range(0, d.WallSectors.Length).Where(s => !Sieges.IsSeaWall(d, s)).ToArray();
        var all = Enumerable.Range(0, d.WallSectors.Length).ToArray();
        var sim = Kernel.Simulation.Create(d, 0);
        int battered = 0, repaired = 0, innerHit = 0;
        for (var k = 0; k < 10; k++)
        {
            sim.Reset(Kernel.Randomness.SplitMix64.Derive(626, (ulong)k));
            var low = Ratio.Scale;
            var hitToday = false;
            var dusk = all.Select(s => (sim.OuterIntegrity(s), sim.InnerIntegrity(s))).ToArray();
            while (!sim.IsOver)
            {
                var h = sim.Now.HourOfDay;
                var throwing = sim.Engines(throwers) > 0;
                var before = all.Select(s => (sim.OuterIntegrity(s), sim.InnerIntegrity(s))).ToArray();
                var from = sim.Events.Count;
                sim.Step();
                var hour = sim.Events.All[from..].ToArray();
                var ready = throwing && sim.EngineReady(throwers); // engines finished this hour shoot this hour
                if (sim.InnerIntegrity(middle) < before[middle].Item2 && innerHit++ == 0)
                {
                    // The stones reach the inner wall only once the outer is down, and wear it by the blow.
                    Assert.Equal(0, before[middle].Item1);
                    Assert.InRange(sim.InnerIntegrity(middle), 1, before[middle].Item2 - 1);
                }
                foreach (var s in land)
                {
                    // The summary keeps the first wall of a sector as it stands after each blow: stones, or the rams
                    // and picks of an assault there (even on a wall already down).
                    var stones = ready && s == middle && h >= sc.ShootFromHour && h < sc.ShootUntilHour;
                    var sapped = hour.Any(e => e.Kind == EventKind.Engagement && e.Zone == Sieges.Zone(d, d.WallSectors[s].Zone));
                    if (stones || sapped || sim.OuterIntegrity(s) < before[s].Item1 || sim.InnerIntegrity(s) < before[s].Item2)
                    {
                        low = Math.Min(low, d.WallSectors[s].OuterWall ? sim.OuterIntegrity(s) : sim.InnerIntegrity(s));
                    }
                }
                var fought = hour.Any(e => e.Kind == EventKind.Engagement);
                if (!ready && !fought && h >= sc.ShootFromHour && h < sc.ShootUntilHour)
                {
                    Assert.Equal(before, all.Select(s => (sim.OuterIntegrity(s), sim.InnerIntegrity(s))).ToArray());
                }

                hitToday |= ready && h >= sc.ShootFromHour && h < sc.ShootUntilHour;
                var told = hour.Where(e => e.Kind == EventKind.WallBattered).ToArray();
                if (h == sc.ShootUntilHour && hitToday && !sim.IsOver)
                {
                    var e = Assert.Single(told);
                    Assert.Equal(Sieges.Zone(d, "middle"), e.Zone);
                    Assert.Equal((sim.OuterIntegrity(middle) / 10, sim.InnerIntegrity(middle) / 10, sim.Engines(throwers)), (e.Value1, e.Value2, e.Value3));
                    battered++;
                }
                else
                {
                    Assert.Empty(told);
                }

                hitToday &= h != sc.ShootUntilHour;
                var repairs = hour.Where(e => e.Kind == EventKind.WallRepaired).ToArray();
                if (h == 19)
                {
                    dusk = all.Select(s => (sim.OuterIntegrity(s), sim.InnerIntegrity(s))).ToArray();
                }

                if (h == 4 && !sim.IsOver)
                {
                    // A sector is told if the night's labour changed it; a sector whole at dusk is never told.
                    foreach (var s in all)
                    {
                        var full = d.WallSectors[s].Integrity.Raw;
                        var whole = (!d.WallSectors[s].OuterWall || dusk[s].Item1 >= full) && (!d.WallSectors[s].InnerWall || dusk[s].Item2 >= full);
                        var r = repairs.Where(e => e.Zone == Sieges.Zone(d, d.WallSectors[s].Zone)).ToArray();
                        if (whole)
                        {
                            Assert.Empty(r);
                        }
                        else if (r.Length > 0)
                        {
                            Assert.Equal((sim.OuterIntegrity(s) / 10, sim.InnerIntegrity(s) / 10), (Assert.Single(r).Value1, r[0].Value2));
                            repaired++;
                        }
                    }
                }
                else
                {
                    Assert.Empty(repairs);
                }
            }

            Assert.Equal(low / 10, sim.Summary.MinWallIntegrityPermille);
        }

        Assert.True(shape != 3 || innerHit > 0, "heavy stones bring down the outer wall and wear the inner");
        var enough = shape == 1 ? 2 : 20; // with the south breached the city falls within days
        Assert.True(battered > enough && repaired > enough, $"{battered} days battered, {repaired} nights repaired");
    }
}
