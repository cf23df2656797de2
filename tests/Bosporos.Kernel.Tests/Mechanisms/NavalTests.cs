using Bosporos.Kernel.Command;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.Numerics;
using Bosporos.Testing;

namespace Bosporos.Kernel.Tests.Mechanisms;

/// <summary>
/// Boats past the warships, on the compact siege: the interception law with its trap and its breeze, what a catch
/// costs the crews and the patrol, the massacre's aftermath, and the ferrying of the Persians.
/// </summary>
public class NavalTests
{
    private const int Runs = 200;

    private static SiegeDefinition Build(SiegeBuilder b, decimal damagedPerCatch = 0m)
    {
        var d = b.Build();
        return d with { Naval = d.Naval with { WarshipDamagedPerCatch = SiegeBuilder.R(damagedPerCatch) } };
    }

    private static bool TrapSetOn(SiegeEvent[] run, int day) =>
        run.Any(e => e.Kind == EventKind.DefendersDecided && e.Value1 == (int)DefenderDecision.SetTrap && e.Time.Day == day);

    [Fact]
    public void Interception_odds_follow_the_patrols_strength_the_hour_and_the_trap()
    {
        // 15 warships on the Horn and on the strait, 8 to a reference patrol: k = 1.875. By day p = 0.85 gives
        // 1.59375 / 1.74375 = 0.9139; the ferries cross the strait by night, p = 0.75: 0.8490. Lying in wait the
        // Horn's 15 are joined by 5 from the strait and count double: k = 5, 4.25 / 4.4 = 0.9659.
        var d = Build(new SiegeBuilder { CalmShare = 1m, GaleShare = 0m });
        var canoes = Sieges.Flotilla(d, "canoes");
        var ferries = Sieges.Flotilla(d, "ferries");
        int plain = 0, trapped = 0, ferried = 0;
        foreach (var run in Sieges.Events(d, Runs))
        {
            foreach (var e in run.Where(e => e.Kind is EventKind.BoatsSunk or EventKind.BoatsSlipped))
            {
                if (e.Actor == ferries)
                {
                    Assert.Equal(8_490, e.Odds);
                    ferried++;
                }
                else
                {
                    Assert.Equal(canoes, e.Actor);
                    var trap = TrapSetOn(run, e.Time.Day);
                    Assert.Equal(trap ? 9_659 : 9_139, e.Odds);
                    Assert.Equal(trap ? 6 : 8, e.Time.HourOfDay);
                    trapped += trap ? 1 : 0;
                    plain += trap ? 0 : 1;
                }
            }
        }

        Assert.True(plain > 0 && trapped > 0 && ferried > 0, $"plain {plain}, trapped {trapped}, ferried {ferried}");
    }

    [Fact]
    public void In_a_breeze_the_boats_row_worse_up_to_the_cap()
    {
        // Breeze every day: p × 1.3, capped at 0.99. By night 0.975 gives 1.828 / 1.853 = 0.9865; by day the cap holds.
        var d = Build(new SiegeBuilder { CalmShare = 0m, GaleShare = 0m });
        var ferries = Sieges.Flotilla(d, "ferries");
        var seen = 0;
        foreach (var run in Sieges.Events(d, 60))
        {
            foreach (var e in run.Where(e => e.Kind is EventKind.BoatsSunk or EventKind.BoatsSlipped or EventKind.EnvoysIntercepted))
            {
                var byNight = e.Kind == EventKind.EnvoysIntercepted || e.Actor == ferries;
                Assert.Equal(byNight ? 9_865 : 9_900, e.Odds);
                seen++;
            }
        }

        Assert.True(seen > 60, $"{seen} crossings");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_caught_group_loses_most_boats_and_their_crews_are_killed_or_taken(bool crewsFirst)
    {
        var d = Build(new SiegeBuilder());
        d = crewsFirst ? Sieges.ContingentFirst(d, "crews") : d;
        var canoes = Sieges.Flotilla(d, "canoes");
        var crews = Sieges.Contingent(d, "crews");
        long lost = 0, groups = 0;
        foreach (var run in Sieges.Events(d, Runs))
        {
            foreach (var e in run.Where(e => e.Kind == EventKind.BoatsSunk))
            {
                var perHull = d.Flotillas[e.Actor].CrewPerHull;
                var men = e.Value1 * perHull;
                Assert.Equal(crews, e.Other);
                Assert.Equal((int)SiegeBuilder.R(0.9m).Of(men), e.Value2);
                Assert.Equal(men - e.Value2, e.Value3);
                Assert.True(e.Roll < e.Odds);
                if (e.Actor == canoes)
                {
                    // The canoes row in groups of 25; a caught group loses 0.85 of its boats on average.
                    Assert.InRange(e.Value1, 0, 25);
                    lost += e.Value1;
                    groups++;
                }
            }

            Assert.All(run.Where(e => e.Kind == EventKind.BoatsSlipped), e => Assert.True(e.Roll >= e.Odds));
        }

        Assert.True(groups > 500, $"{groups} groups caught");
        Assert.InRange(lost / (25.0 * groups), 0.82, 0.88);
    }

    [Fact]
    public void Each_catch_may_cost_the_patrol_a_warship()
    {
        // Odds 1: every catch puts one warship of that station out of action, and the count on station falls by one.
        var certain = Build(new SiegeBuilder(), damagedPerCatch: 1m);
        Sieges.Each(certain, 40, sim =>
        {
            var run = sim.Events.All.ToArray();
            var damaged = run.Where(e => e.Kind == EventKind.WarshipDamaged).ToArray();
            Assert.Equal(run.Count(e => e.Kind == EventKind.BoatsSunk), damaged.Length);
            Assert.Equal(damaged.Length, sim.Summary.WarshipsDamaged);
            foreach (var zone in damaged.Select(e => e.Zone).Distinct())
            {
                var left = damaged.Where(e => e.Zone == zone).Select(e => e.Value1).ToArray();
                Assert.Equal(Enumerable.Range(0, left.Length).Select(j => 14 - j), left); // 15 on each station
            }
        });

        // At the shipped odds of 0.05, about one catch in twenty.
        int catches = 0, hits = 0;
        Sieges.Each(Build(new SiegeBuilder(), damagedPerCatch: 0.05m), Runs, sim =>
        {
            catches += sim.Events.All.ToArray().Count(e => e.Kind == EventKind.BoatsSunk);
            hits += sim.Summary.WarshipsDamaged;
        });
        Assert.InRange(hits / (double)catches, 0.035, 0.065);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_massacred_canoe_attack_costs_the_survivors_and_the_hosts_heart_exactly(bool firsts)
    {
        // Also with the crews first among the contingents and the boat attack aimed at the first sector.
        var d = Build(new SiegeBuilder());
        if (firsts)
        {
            d = Sieges.Plan(Sieges.ContingentFirst(d, "crews"), i => i.Action == PlanAction.CombinedAttack ? i with { Target = "south" } : i);
        }

        var canoes = Sieges.Flotilla(d, "canoes");
        var host = Enumerable.Range(0, d.Contingents.Length).Where(i => d.Contingents[i].Side == Forces.Side.Avar).ToArray();
        var sim = Kernel.Simulation.Create(d, 0);
        int checkedRuns = 0, shotTotal = 0;
        for (var k = 0; k < 60; k++)
        {
            sim.Reset(Kernel.Randomness.SplitMix64.Derive(626, (ulong)k));
            while (!sim.IsOver)
            {
                var before = host.Select(sim.Morale).ToArray();
                var from = sim.Events.Count;
                sim.Step();
                var hour = sim.Events.All[from..].ToArray();
                var launch = hour.Where(e => e.Kind == EventKind.CanoesLaunched && e.Actor == canoes).ToArray();
                if (launch.Length == 0)
                {
                    continue;
                }

                var launched = launch[0].Value1;
                Assert.Equal(launched * d.Flotillas[canoes].CrewPerHull, launch[0].Value2);
                var sunk = hour.Where(e => e.Kind == EventKind.BoatsSunk && e.Actor == canoes).ToArray();
                var fled = sunk.Sum(e => 25 - e.Value1) * 10; // groups of 25 canoes, 10 men to a canoe
                var massacred = sunk.Sum(e => e.Value1) * 2 >= launched;
                var executed = hour.Where(e => e.Kind == EventKind.SurvivorsExecuted).ToArray();
                if (!massacred)
                {
                    Assert.Empty(executed);
                    Assert.Equal(before, host.Select(sim.Morale).ToArray());
                    continue;
                }

                var shot = (int)SiegeBuilder.R(0.5m).Of(fled);
                if (shot > 0)
                {
                    var told = Assert.Single(executed);
                    Assert.Equal(shot, told.Value1);
                    Assert.Equal(Sieges.Contingent(d, "crews"), told.Actor);

                    // Put to death where the land attack of the same morning was, or nowhere in particular without one.
                    var assault = sim.Events.All.ToArray().Where(e => e.Kind == EventKind.AssaultBegan && e.Time.Day == told.Time.Day)
                        .Select(e => (int)e.Zone).DefaultIfEmpty(-1).Last();
                    Assert.Equal(assault, told.Zone);
                    shotTotal += told.Value1;
                }
                else
                {
                    Assert.Empty(executed);
                }

                for (var j = 0; j < host.Length; j++)
                {
                    var c = d.Contingents[host[j]];
                    var subjectOrCrew = c.Subject || c.Role == Forces.ContingentRole.BoatCrew;
                    var m = before[j];
                    if (shot > 0 && c.Subject)
                    {
                        m = Math.Clamp(m - 1_500, 0, Ratio.Scale);
                    }

                    m = Math.Clamp(m - (subjectOrCrew ? 2_500 : 1_250), 0, Ratio.Scale);
                    Assert.Equal(m, sim.Morale(host[j]));
                }

                checkedRuns++;
            }
        }

        Assert.True(checkedRuns > 30 && shotTotal > 0, $"{checkedRuns} massacres checked, {shotTotal} put to death");
    }

    [Fact]
    public void Unopposed_ferries_bring_over_the_willing_Persians_a_boatload_at_a_time()
    {
        // No warships: the envoys arrive, 0.4 of 10,000 Persians are willing, and 100 ferries in groups of 25 carry
        // 10 men a boat: 1,000 on the first night, no more than that on any later one. Every landing lifts the host's
        // heart by 0.1.
        var d = Build(new SiegeBuilder { Galleys = 0, GaleShare = 0m });
        var sim = Kernel.Simulation.Create(d, 5);
        var host = Enumerable.Range(0, d.Contingents.Length).Where(i => d.Contingents[i].Side == Forces.Side.Avar).ToArray();
        var total = 0;
        var landings = 0;
        while (!sim.IsOver)
        {
            var before = host.Select(sim.Morale).ToArray();
            var from = sim.Events.Count;
            sim.Step();
            var ferried = sim.Events.All[from..].ToArray().Where(e => e.Kind == EventKind.PersiansFerried).ToArray();
            if (ferried.Length == 0)
            {
                continue;
            }

            var e = Assert.Single(ferried);
            if (landings == 0)
            {
                Assert.Equal(1_000, e.Value1);
            }

            Assert.InRange(e.Value1, 1, 1_000);
            total += e.Value1;
            Assert.Equal(total, e.Value2);
            Assert.Equal(total, sim.PersiansLanded);
            Assert.Equal(Sieges.Zone(d, "chelae"), e.Zone);
            Assert.Equal(host.Select((i, j) => Math.Min(Ratio.Scale, before[j] + 1_000)).ToArray(), host.Select(sim.Morale).ToArray());
            landings++;
        }

        Assert.True(landings >= 2, $"{landings} landings");
        Assert.Equal(sim.PersiansLanded, total);

        // Each night's launch tells the boats and the men rowing them, and none is lost with nothing to catch them.
        var ferries = Sieges.Flotilla(d, "ferries");
        var launches = sim.Events.All.ToArray().Where(e => e.Kind == EventKind.CanoesLaunched && e.Actor == ferries).ToArray();
        Assert.True(launches.Length >= landings, $"{launches.Length} launches");
        Assert.All(launches, e =>
        {
            Assert.Equal(d.Flotillas[ferries].Hulls, e.Value1);
            Assert.Equal(e.Value1 * d.Flotillas[ferries].CrewPerHull, e.Value2);
        });
        Assert.Equal(d.Flotillas[ferries].Hulls, sim.Hulls(ferries));
    }

    [Fact]
    public void Each_group_meets_the_patrols_of_its_route_in_order_out_and_in_reverse_order_back_until_one_catches_it()
    {
        // The ferries' route runs through the Horn and then the strait, both patrolled: a group is told at the Horn,
        // then (if it slipped past) at the strait; if it slipped past both it comes back loaded, the strait first.
        // The first catch ends its trip. So a night's events, group by group, read horn, strait, strait, horn, each
        // run of them cut short at the first sinking. Two warships, one on each water, let some groups through both.
        var d0 = Build(new SiegeBuilder { GaleShare = 0m, Galleys = 2 });
        var d = d0 with
        {
            Command = d0.Command with
            {
                Khagan = [.. d0.Command.Khagan.Select(i => i.Action == PlanAction.FerryPersians ? i with { Route = ["horn", "strait"] } : i)],
            },
        };
        var ferries = Sieges.Flotilla(d, "ferries");
        int horn = Sieges.Zone(d, "horn"), strait = Sieges.Zone(d, "strait");
        int[] path = [horn, strait, strait, horn];
        int groups = 0, roundTrips = 0, slips = 0;
        foreach (var run in Sieges.Events(d, 40))
        {
            foreach (var night in run.Where(e => e.Actor == ferries && e.Kind is EventKind.BoatsSlipped or EventKind.BoatsSunk).GroupBy(e => e.Time))
            {
                var at = 0;
                foreach (var e in night)
                {
                    if (at == path.Length)
                    {
                        at = 0; // the group came home; the next group sets out
                    }

                    if (at > 0 && e.Zone == horn && path[at] != horn)
                    {
                        at = 0; // the last group was caught; the next sets out
                    }

                    Assert.Equal(path[at], e.Zone);
                    if (at == 0)
                    {
                        groups++;
                    }

                    if (e.Kind == EventKind.BoatsSunk)
                    {
                        at = path.Length;
                        continue;
                    }

                    slips++;
                    Assert.True(e.Roll >= e.Odds, "a group slips past only on a roll at or above the odds");
                    at++;
                    roundTrips += at == path.Length ? 1 : 0;
                }
            }
        }

        Assert.True(groups > 50 && roundTrips > 5 && slips > 50, $"{groups} groups, {roundTrips} round trips, {slips} slips");
    }

    [Fact]
    public void When_the_envoys_were_caught_only_a_twentieth_will_board()
    {
        // Warships on the Horn only: the envoys go that way and are caught 0.849 of the time per boat; the ferries
        // cross the open strait. Caught, 0.05 of 10,000 are willing: 500 on the first night (two groups of 25 boats),
        // and after that only as many as have fallen ashore: those across are not willing twice.
        var b = new SiegeBuilder { GaleShare = 0m };
        var d0 = Build(b);
        var horn = d0.Command.Defenders.Patrols.Single(p => p.Zone == "horn") with { Hulls = 30 };
        var d = d0 with
        {
            Command = d0.Command with { Defenders = d0.Command.Defenders with { Patrols = [horn] } },
            Diplomacy = d0.Diplomacy with { EnvoyRoute = ["horn"] },
        };
        var caughtRuns = 0;
        Sieges.Each(d, 40, sim =>
        {
            var s = sim.Summary;
            if (s.EnvoysCaught)
            {
                caughtRuns++;
                Assert.InRange(s.PersiansFerried, 500, 600); // later nights only replace those ashore who fell
                var first = sim.Events.All.ToArray().First(e => e.Kind == EventKind.PersiansFerried);
                Assert.Equal(500, first.Value1);
            }
        });
        Assert.True(caughtRuns > 30, $"{caughtRuns} runs with the envoys caught");
    }

    /// <summary>The compact siege with the ferries' route through the Horn and then the strait, and the Persians as willing whether or not the envoys got through.</summary>
    private static SiegeDefinition TwoWaters(SiegeBuilder b, params string[] patrolled)
    {
        var d0 = Build(b);
        return d0 with
        {
            Command = d0.Command with
            {
                Khagan = [.. d0.Command.Khagan.Select(i => i.Action == PlanAction.FerryPersians ? i with { Route = ["horn", "strait"] } : i)],
                Defenders = d0.Command.Defenders with { Patrols = [.. d0.Command.Defenders.Patrols.Where(p => patrolled.Contains(p.Zone))] },
            },
            Diplomacy = d0.Diplomacy with { PersianWillingnessIfEnvoysCaught = d0.Diplomacy.PersianWillingness },
        };
    }

    [Fact]
    public void A_loaded_boat_sunk_on_the_way_back_drowns_its_share_of_the_passengers()
    {
        // Both waters patrolled by one warship each: some groups come back loaded and are caught on the way. Each
        // group takes on ten men a boat while willing men are left (0.4 of those present, less those already across);
        // a group that loses boats on the way back loses the passengers in them, the group's load times the boats lost
        // over its boats; the rest land.
        var d = TwoWaters(new SiegeBuilder { GaleShare = 0m, Galleys = 2 }, "horn", "strait");
        var ferries = Sieges.Flotilla(d, "ferries");
        var persian = Sieges.Contingent(d, "persians");
        int horn = Sieges.Zone(d, "horn"), strait = Sieges.Zone(d, "strait");
        int nights = 0, drownings = 0;
        var sim = Kernel.Simulation.Create(d, 0);
        for (var k = 0; k < 40; k++)
        {
            sim.Reset(Kernel.Randomness.SplitMix64.Derive(626, (ulong)k));
            while (!sim.IsOver)
            {
                var willing = (int)Math.Max(0, d.Diplomacy.PersianWillingness.Of(sim.Ledger(persian).Present) - sim.PersiansAshore);
                var dead = sim.Ledger(persian).Killed;
                var from = sim.Events.Count;
                sim.Step();
                var hour = sim.Events.All[from..].ToArray();
                var launch = hour.Where(e => e.Kind == EventKind.CanoesLaunched && e.Actor == ferries).ToArray();
                if (launch.Length == 0)
                {
                    continue;
                }

                // Replay the night group by group from what was told: out past the Horn and the strait, back past
                // the strait and the Horn, the first sinking ending the group's trip.
                var told = new Queue<SiegeEvent>(hour.Where(e => e.Actor == ferries && e.Kind is EventKind.BoatsSlipped or EventKind.BoatsSunk));
                int[] path = [horn, strait, strait, horn];
                int landed = 0, drowned = 0;
                for (var left = Assert.Single(launch).Value1; left > 0; left -= 25)
                {
                    var size = Math.Min(25, left);
                    var load = 0;
                    for (var at = 0; at < path.Length; at++)
                    {
                        var e = told.Dequeue();
                        Assert.Equal(path[at], e.Zone);
                        if (at == 2)
                        {
                            load = Math.Min(size * 10, willing);
                            willing -= load;
                        }

                        if (e.Kind == EventKind.BoatsSlipped)
                        {
                            Assert.Equal(size, e.Value1);
                        }

                        if (e.Kind == EventKind.BoatsSunk)
                        {
                            if (at >= 2)
                            {
                                var down = (int)((long)load * e.Value1 / size);
                                drowned += down;
                                landed += load - down;
                                drownings += down > 0 ? 1 : 0;
                            }

                            load = 0;
                            break;
                        }

                        if (at == 3)
                        {
                            landed += load;
                        }
                    }
                }

                Assert.Empty(told);
                Assert.Equal(drowned, sim.Ledger(persian).Killed - dead);
                var ferried = hour.Where(e => e.Kind == EventKind.PersiansFerried).Sum(e => e.Value1);
                Assert.Equal(landed, ferried);
                nights++;
            }
        }

        Assert.True(nights > 20 && drownings > 5, $"{nights} nights, {drownings} groups drowned on the way back");
    }

    [Fact]
    public void Unpatrolled_water_on_the_route_is_crossed_without_a_word()
    {
        // Only the strait is patrolled: nothing is told at the Horn, going or coming.
        var d = TwoWaters(new SiegeBuilder { GaleShare = 0m, Galleys = 4 }, "strait");
        var ferries = Sieges.Flotilla(d, "ferries");
        int horn = Sieges.Zone(d, "horn"), strait = Sieges.Zone(d, "strait");
        var told = Sieges.Events(d, 20).SelectMany(r => r).Where(e => e.Actor == ferries && e.Kind is EventKind.BoatsSlipped or EventKind.BoatsSunk).ToArray();
        Assert.True(told.Length > 20, $"{told.Length} told");
        Assert.All(told, e => Assert.Equal(strait, e.Zone));
        Assert.DoesNotContain(told, e => e.Zone == horn);
    }

    [Fact]
    public void The_trap_masses_the_warships_off_the_canoes_route_up_to_the_doctrines_number()
    {
        // 31 galleys: 15 on the Horn (the canoes' route), 16 on the strait. The doctrine would mass up to 100: all 16
        // from the strait join, none of the Horn's own are counted twice.
        foreach (var (mass, expected) in new[] { (100, 16), (5, 5) })
        {
            var d = Build(new SiegeBuilder { Galleys = 31, LearnSignalOtherwise = 1m, TrapMassHulls = mass, GaleShare = 0m });
            int strait = Sieges.Zone(d, "strait"), horn = Sieges.Zone(d, "horn");
            var sim = Kernel.Simulation.Create(d, 0);
            var traps = 0;
            for (var k = 0; k < 10; k++)
            {
                sim.Reset(Kernel.Randomness.SplitMix64.Derive(626, (ulong)k));
                while (!sim.IsOver)
                {
                    var off = sim.PatrolHulls(strait);
                    var from = sim.Events.Count;
                    sim.Step();
                    foreach (var e in sim.Events.All[from..].ToArray().Where(e => e.Kind == EventKind.DefendersDecided && e.Value1 == (int)DefenderDecision.SetTrap))
                    {
                        Assert.Equal(horn, e.Zone);
                        Assert.Equal(Math.Min(off, mass), e.Value2);
                        Assert.True(off < 16 || e.Value2 == expected);
                        traps++;
                    }
                }
            }

            Assert.True(traps > 3, $"{traps} traps");
        }
    }

    [Fact]
    public void A_flotilla_with_no_boats_launches_nothing_and_a_ferry_without_boats_is_a_failure()
    {
        // No ferries: none arrive, nothing is launched to fetch the Persians, and the ferrying (allowed one failure) is given up
        // the first night it is tried. No canoes: the combined attack goes in on land alone.
        var d0 = Build(new SiegeBuilder { GaleShare = 0m, LearnSignalOtherwise = 1m });
        SiegeDefinition Without(string id) => d0 with { Flotillas = [.. d0.Flotillas.Select(f => f.Id == id ? f with { Hulls = 0 } : f)] };
        var ferry = Array.FindIndex(d0.Command.Khagan, i => i.Action == PlanAction.FerryPersians);
        var d = Without("ferries");
        foreach (var run in Sieges.Events(d, 10))
        {
            Assert.DoesNotContain(run, e => e.Kind is EventKind.CanoesLaunched or EventKind.BoatsSlipped or EventKind.BoatsSunk && e.Actor == Sieges.Flotilla(d, "ferries"));
            Assert.DoesNotContain(run, e => e.Kind == EventKind.PersiansFerried);
            Assert.DoesNotContain(run, e => e.Kind == EventKind.FlotillaArrived && e.Actor == Sieges.Flotilla(d, "ferries"));
            Assert.Contains(run, e => e.Kind == EventKind.FlotillaArrived && e.Actor == Sieges.Flotilla(d, "canoes"));
            var fetch = Assert.Single(run, e => e.Kind == EventKind.KhaganDecided && e.Value1 == (int)KhaganDecision.FetchAllies);
            var abandon = Assert.Single(run, e => e.Kind == EventKind.KhaganDecided && e.Value1 == (int)KhaganDecision.Abandon && e.Value3 == ferry);
            Assert.Equal(fetch.Time, abandon.Time);
        }

        d = Without("canoes");
        var combined = 0;
        foreach (var run in Sieges.Events(d, 20))
        {
            Assert.DoesNotContain(run, e => e.Kind is EventKind.CanoesLaunched or EventKind.BoatsSlipped or EventKind.BoatsSunk && e.Actor == Sieges.Flotilla(d, "canoes"));
            combined += run.Count(e => e.Kind == EventKind.KhaganDecided && e.Value1 == (int)KhaganDecision.CombinedAttack);
        }

        Assert.True(combined > 0, "a combined attack without canoes");
    }

    [Fact]
    public void The_massacre_of_the_boats_is_among_the_causes_exactly_when_half_of_a_launch_was_lost()
    {
        // A canoe attack that loses at least half its boats, or a ferrying that comes home with fewer than half, is a
        // massacre; the khagan's withdrawal names it then and only then. Without the canoe attack, and with one to
        // thirty warships against the ferries or none, some ferryings are massacred and some are not.
        int named = 0, notNamed = 0;
        foreach (var (galleys, canoeAttack) in new[] { (8, true), (30, false), (1, false), (0, false) })
        {
            var d0 = Build(new SiegeBuilder { GaleShare = 0m, Galleys = galleys });
            var d = canoeAttack ? d0 : d0 with { Command = d0.Command with { Khagan = [.. d0.Command.Khagan.Where(i => i.Action != PlanAction.CombinedAttack)] } };
            var canoes = Sieges.Flotilla(d, "canoes");
            Sieges.Each(d, 40, sim =>
            {
                if (sim.Summary.Outcome != Outcome.Lifted)
                {
                    return;
                }

                var run = sim.Events.All.ToArray();
                var massacre = false;
                foreach (var launch in run.Where(e => e.Kind == EventKind.CanoesLaunched))
                {
                    var lost = run.Where(e => e.Kind == EventKind.BoatsSunk && e.Actor == launch.Actor && e.Time == launch.Time).Sum(e => e.Value1);
                    massacre |= launch.Actor == canoes ? lost * 2 >= launch.Value1 : (launch.Value1 - lost) * 2 < launch.Value1;
                }

                Assert.Equal(massacre, sim.Summary.Factors.HasFlag(WithdrawalFactors.CanoesMassacred));
                named += massacre ? 1 : 0;
                notNamed += massacre ? 0 : 1;
            });
        }

        Assert.True(named > 5 && notNamed > 5, $"{named} named, {notNamed} not");
    }

    [Fact]
    public void With_none_put_to_death_there_is_no_execution_and_only_the_massacre_weighs_on_the_host()
    {
        var d0 = Build(new SiegeBuilder { GaleShare = 0m });
        var d = d0 with { Command = d0.Command with { SurvivorsExecutedShare = Ratio.Zero } };
        var massacres = 0;
        foreach (var run in Sieges.Events(d, 40))
        {
            Assert.DoesNotContain(run, e => e.Kind == EventKind.SurvivorsExecuted);
            massacres += run.Any(e => e.Kind == EventKind.BoatsSunk) ? 1 : 0;
        }

        Assert.True(massacres > 10, $"{massacres} runs with boats sunk");
    }
}
