using Bosporos.Kernel.Combat;
using Bosporos.Kernel.Command;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Numerics;
using Bosporos.Testing;

namespace Bosporos.Kernel.Tests.Mechanisms;

/// <summary>
/// An hour of fighting at the wall recomputed from what stood there before it: who went forward, how many could
/// reach the front, their quality, fatigue, armour and towers, the walls' cover and height, the dark, and the
/// attrition law. The share of the wall top the attackers win is exact; the losses are drawn, so they are held
/// around the law's mean, one hour at a time and summed over every hour of thirty sieges.
/// </summary>
public class CombatTests
{
    private const int Scale = Ratio.Scale;

    private static bool Night(int hourOfDay) => hourOfDay >= 20 || hourOfDay < 5;

    private static long Fresh(long power, int fatigue) => power * (Scale - (fatigue / 2)) / Scale;

    private static int Layers(SiegeDefinition d, Kernel.Simulation sim, int s)
    {
        var sec = d.WallSectors[s];
        var b = d.Combat.BreachBelow.Raw;
        return (sec.OuterWall && sim.OuterIntegrity(s) >= b ? 1 : 0) + (sec.InnerWall && sim.InnerIntegrity(s) >= b ? 1 : 0);
    }

    private static long Base(AttritionLaw law, long fire, long targets) => law switch
    {
        AttritionLaw.Square => fire,
        AttritionLaw.Linear => fire * targets / 1000,
        _ => FixedMath.ISqrt(fire * targets),
    };

    private sealed record Expected(int Sector, long Men, int EngagedA, int EngagedD, long FireA, long FireD, int Cover, long MeanOnA, long MeanOnD, int WallTop, int FatigueA, int FatigueD, long OnTop, int Landed, int ShoreCover, int EngagedLand, int[] Losses);

    /// <summary>
    /// The hour's fight at <paramref name="sector"/> as the rules give it from the state before the hour: the willing
    /// assault contingents, the allies ashore once there are enough of them, and on the day of a combined attack the
    /// boat crews who got ashore (a second front along the water, behind no wall where the sector has no inner one).
    /// </summary>
    private static Expected? Predict(SiegeDefinition d, Kernel.Simulation sim, int sector, int hourOfDay, bool combined)
    {
        var c = d.Combat;
        var sec = d.WallSectors[sector];
        long men = 0, quality = 0, armour = 0;
        foreach (var i in Sieges.Willing(sim))
        {
            var present = sim.Ledger(i).Present;
            men += present;
            quality += (long)present * sim.Quality(i);
            armour += (long)present * d.Contingents[i].Armour.Raw;
        }

        var persian = Sieges.Contingent(d, "persians");
        var allies = Sieges.AlliesInAssault(sim);
        men += allies;
        quality += (long)allies * sim.Quality(persian);
        armour += (long)allies * d.Contingents[persian].Armour.Raw;
        var crew = Sieges.Contingent(d, "crews");
        var landed = combined ? sim.BoatCrewAshore : 0;
        var landedEff = (long)landed * sim.Quality(crew) / Scale;
        if (men + landed == 0)
        {
            return null;
        }

        var engagedLand = (int)Math.Min(men, c.AttackerFrontagePerMetre.Of(sec.LengthMetres));
        var engagedA = engagedLand + landed;
        var fatigueA = engagedLand > 0 ? (int)Math.Min(Scale, sim.AttackerFatigue + ((long)c.FatiguePerHour.Raw * engagedLand / men)) : sim.AttackerFatigue;
        var towers = Enumerable.Range(0, d.Engines.Length)
            .Where(p => d.Engines[p].Side == Side.Avar && d.Engines[p].Kind == Siegecraft.EngineKind.SiegeTower && d.Engines[p].Sector == sec.Zone && sim.EngineReady(p))
            .Sum(sim.Engines);
        var fireA = men == 0 ? 0 : engagedLand * (quality / men) / Scale;
        fireA = Fresh(fireA, fatigueA);
        fireA = fireA * (Scale + ((long)c.TowerBonus.Raw * towers)) / Scale;
        fireA = fireA * (Scale + sec.AttackerTerrainBonus.Raw) / Scale;
        var armourA = (int)((armour + ((long)landed * d.Contingents[crew].Armour.Raw)) / (men + landed));

        var at = sim.DefendersAt(sector);
        var engagedD = (int)Math.Min(at, c.DefenderFrontagePerMetre.Of(sec.LengthMetres));
        var fatigueD = engagedD > 0 ? (int)Math.Min(Scale, sim.DefenderFatigue(sector) + ((long)c.FatiguePerHour.Raw * engagedD / Math.Max(1, at))) : sim.DefenderFatigue(sector);
        var fireD = (long)engagedD * sim.FrontQuality(sector, engagedD, out var armourD) / Scale;
        fireD = Fresh(fireD, fatigueD);
        fireD = fireD * (Scale + ((long)c.WallFireBonus.Raw * Layers(d, sim, sector))) / Scale;
        if (Night(hourOfDay))
        {
            fireA = c.Darkness.Of(fireA);
            landedEff = c.Darkness.Of(landedEff);
            fireD = c.Darkness.Of(fireD);
        }

        var cover = Sieges.Cover(d, sim, sector);
        var shoreCover = sec.InnerWall ? cover : Scale;
        var unarmouredA = Scale - (int)((long)c.ArmourProtection.Raw * armourA / Scale);
        var unarmouredD = Scale - (int)((long)c.ArmourProtection.Raw * armourD / Scale);
        var meanOnA = (long)c.DefenderLethality.Raw * Base(c.Law, fireD, engagedA) / 100 * unarmouredA / Scale;
        var meanOnD = (long)c.AttackerLethality.Raw * Base(c.Law, fireA + landedEff, engagedD) / 100 * cover / Scale * unarmouredD / Scale;
        var onTop = (fireA * cover / Scale) + (landedEff * shoreCover / Scale);
        var wallTop = fireD <= 0 ? 100_000 : (int)Math.Min(100_000, onTop * 100 / fireD);
        return new(sector, men, engagedA, engagedD, fireA, fireD, cover, meanOnA, meanOnD, wallTop, fatigueA, fatigueD, onTop, landed, shoreCover, engagedLand, []);
    }

    /// <summary>
    /// How <paramref name="losses"/> attackers lost in an hour fall, contingent by contingent: each willing assault
    /// contingent, the allies and the crews ashore by their share of all who went forward, the rounding to the willing
    /// contingents in file order.
    /// </summary>
    private static int[] Spread(SiegeDefinition d, Kernel.Simulation sim, int losses, bool combined)
    {
        var present = Enumerable.Range(0, d.Contingents.Length).Select(i => sim.Ledger(i).Present).ToArray();
        var willing = Sieges.Willing(sim);
        var persian = Sieges.Contingent(d, "persians");
        var crew = Sieges.Contingent(d, "crews");
        var allies = Sieges.AlliesInAssault(sim);
        var landed = combined ? sim.BoatCrewAshore : 0;
        long all = willing.Sum(i => (long)present[i]) + allies + landed;
        var lost = new int[d.Contingents.Length];
        int Take(int i, long n)
        {
            var t = (int)Math.Min(n, present[i]);
            t = Math.Max(0, t);
            present[i] -= t;
            lost[i] += t;
            return t;
        }

        var given = willing.Sum(i => Take(i, losses * (long)present[i] / all));
        given += allies > 0 ? Take(persian, losses * (long)allies / all) : 0;
        given += landed > 0 ? Take(crew, losses * (long)landed / all) : 0;
        foreach (var i in willing)
        {
            if (given >= losses)
            {
                break;
            }

            given += Take(i, losses - given);
        }

        return lost;
    }

    /// <summary>The walls of <paramref name="sector"/> after an hour of rams and picks, from the state before it.</summary>
    private static (int Outer, int Inner)? Sapped(SiegeDefinition d, Kernel.Simulation sim, int sector)
    {
        var sec = d.WallSectors[sector];
        long Weight(int i, long men) => men * d.Contingents[i].Training.Raw / Scale * d.Contingents[i].Armour.Raw / Scale;
        var allies = Sieges.AlliesInAssault(sim);
        var willing = Sieges.Willing(sim);
        var men = willing.Sum(i => (long)sim.Ledger(i).Present) + allies;
        var weight = willing.Sum(i => Weight(i, sim.Ledger(i).Present)) + Weight(Sieges.Contingent(d, "persians"), allies);

        if (men == 0)
        {
            return null;
        }

        var engaged = Math.Min(men, d.Combat.AttackerFrontagePerMetre.Of(sec.LengthMetres));
        var tortoises = Enumerable.Range(0, d.Engines.Length)
            .Where(p => d.Engines[p].Kind == Siegecraft.EngineKind.Tortoise && d.Engines[p].Sector == sec.Zone && sim.EngineReady(p))
            .Sum(sim.Engines);
        var damage = (int)(((long)tortoises * d.Siegecraft.TortoiseDamagePerHour.Raw) + (weight * engaged / men * d.Siegecraft.SappingPerThousandHour.Raw / 1000));
        int outer = sim.OuterIntegrity(sector), inner = sim.InnerIntegrity(sector);
        if (damage > 0 && sec.OuterWall && outer > 0)
        {
            outer = Math.Max(0, outer - damage);
        }
        else if (damage > 0 && sec.InnerWall)
        {
            inner = Math.Max(0, inner - damage);
        }

        return (outer, inner);
    }

    /// <summary>
    /// Each law; the southern sector already breached; the daily assault running from the afternoon into the night;
    /// no stones; no warships, so that the Persians come across and join the assaults and the canoes land their
    /// crews for the combined attack; and the southern walls standing exactly at the breach line (still standing),
    /// stormed in place of the middle.
    /// </summary>
    public static TheoryData<AttritionLaw, decimal, int, bool, int> Sieges_of_each_law => new()
    {
        { AttritionLaw.Mixed, 1m, 5, true, 30 },
        { AttritionLaw.Square, 1m, 5, true, 30 },
        { AttritionLaw.Linear, 1m, 5, true, 30 },
        { AttritionLaw.Mixed, 0m, 5, true, 30 },
        { AttritionLaw.Mixed, 1m, 15, true, 30 },
        { AttritionLaw.Mixed, 1m, 5, false, 30 },
        { AttritionLaw.Mixed, 1m, 5, true, 0 },
        { AttritionLaw.Square, 1m, 5, true, 0 },
        { AttritionLaw.Mixed, 0.3m, 5, true, 30 },
    };

    [Theory]
    [MemberData(nameof(Sieges_of_each_law))]
    public void Each_hour_at_the_wall_follows_the_law_from_numbers_quality_fatigue_armour_towers_cover_and_the_dark(AttritionLaw law, decimal south, int from, bool stones, int galleys)
    {
        // Without stones the wall wears only under the assault: the rams of the tortoises and the picks of the
        // trained, armoured men at its foot, by the hour.
        var d0 = new SiegeBuilder { Law = law, Militia = 2_000, SouthIntegrity = south, Galleys = galleys, GaleShare = 0m }.Build();
        d0 = stones ? d0 : d0 with { Siegecraft = d0.Siegecraft with { StoneDamagePerEngineHour = Ratio.Zero } };
        var d = d0 with
        {
            Command = d0.Command with
            {
                Khagan = [.. d0.Command.Khagan.Select(p => p.Action == PlanAction.GeneralAssault ? p with { StartHour = from, EndHour = from + 8, Target = south == 0.3m ? "south" : p.Target } : p)],
            },
        };
        var crew = Sieges.Contingent(d, "crews");
        var all = Enumerable.Range(0, d.Contingents.Length).ToArray();
        var attackers = all.Where(i => d.Contingents[i].Side != Side.Roman).ToArray();
        var sim = Kernel.Simulation.Create(d, 0);
        int hours = 0, nights = 0, seized = 0, sapped = 0, withAllies = 0, withCrews = 0, spread = 0, repulsed = 0;
        long lostA = 0, lostD = 0, meanA = 0, meanD = 0;
        for (var k = 0; k < 30; k++)
        {
            sim.Reset(Kernel.Randomness.SplitMix64.Derive(626, (ulong)k));
            while (!sim.IsOver)
            {
                var hourOfDay = sim.Now.HourOfDay;
                var sector = sim.AssaultSector;
                var today = sim.Events.All.ToArray().Where(e => e.Time.Day == sim.Now.Day).ToArray();
                var combined = today.Any(e => e.Kind == EventKind.KhaganDecided && e.Value1 == (int)KhaganDecision.CombinedAttack);
                var quiet = hourOfDay is not (0 or 5) && sector >= 0 && (combined || sim.BoatCrewAshore == 0)
                    && !today.Any(e => e.Kind == EventKind.ProcessionHeld);
                var lodged = sector >= 0 && sim.LodgementAt(sector) > 0;
                var expected = quiet ? Predict(d, sim, sector, hourOfDay, combined) : null;
                var wall = quiet && !stones && !Night(hourOfDay) ? Sapped(d, sim, sector) : null;
                var before = all.Select(sim.Ledger).ToArray();
                var (ashore, joined, crewAshore, defenders, failedBefore) = (sim.PersiansAshore, Sieges.AlliesInAssault(sim), sim.BoatCrewAshore, sector >= 0 ? sim.DefendersAt(sector) : 0, sim.CombinedAttackFailed);
                var probe = sim.Fork();
                var at = sim.Events.Count;
                sim.Step();
                var hour = sim.Events.All[at..].ToArray();
                if (expected is null || hour.Length == 0 || hour[0].Kind != EventKind.Engagement)
                {
                    continue;
                }

                var e = hour[0];
                Assert.Equal(d.WallSectors[sector].Zone, d.Zones[e.Zone].Id);
                Assert.Equal(expected.WallTop, e.Value3);
                Assert.Equal(expected.FatigueA, sim.AttackerFatigue);
                Assert.Equal(expected.FatigueD, sim.DefenderFatigue(sector));

                // Drawn losses: within six standard deviations of the mean, hour by hour (means are in hundredths).
                static void Near(long meanHundredths, int cap, int actual)
                {
                    var mean = Math.Min(cap, meanHundredths / 100.0);
                    var band = (6 * Math.Sqrt(mean)) + 3;
                    Assert.InRange(actual, mean - band, mean + band);
                }

                if (wall is { } w0)
                {
                    Assert.Equal(w0, (sim.OuterIntegrity(sector), sim.InnerIntegrity(sector)));
                    sapped++;
                }

                Near(expected.MeanOnA, expected.EngagedA, e.Value1);
                Near(expected.MeanOnD, expected.EngagedD, e.Value2);
                lostA += e.Value1;
                lostD += e.Value2;
                meanA += expected.MeanOnA;
                meanD += expected.MeanOnD;
                hours++;
                nights += Night(hourOfDay) ? 1 : 0;
                withAllies += joined > 0 ? 1 : 0;
                withCrews += expected.Landed > 0 ? 1 : 0;

                // The men lost, contingent by contingent, in an hour when nothing else cost the host men; the crews
                // still ashore when a combined attack fails lose the share the landing's repulse costs.
                if (!hour.Any(x => x.Kind is EventKind.LodgementRetaken or EventKind.CityFell or EventKind.SortieMade) && hourOfDay != 23)
                {
                    var lost = Spread(d, probe, e.Value1, combined);
                    var hurt = all.Select(i => sim.Ledger(i).Killed + sim.Ledger(i).Wounded - before[i].Killed - before[i].Wounded).ToArray();
                    var ashoreAfter = crewAshore - lost[crew];
                    if (!failedBefore && sim.CombinedAttackFailed)
                    {
                        lost[crew] += (int)d.Naval.LandingRepulsedLoss.Of(ashoreAfter);
                        ashoreAfter = 0;
                        repulsed++;
                    }

                    Assert.Equal(attackers.Select(i => lost[i]), attackers.Select(i => hurt[i]));
                    Assert.Equal(ashore - (joined > 0 ? lost[Sieges.Contingent(d, "persians")] : 0), sim.PersiansAshore);
                    Assert.Equal(combined ? ashoreAfter : crewAshore, sim.BoatCrewAshore);
                    Assert.Equal(Math.Max(0, defenders - e.Value2), sim.DefendersAt(sector));
                    spread++;
                }

                // A stretch is seized when the attackers on the wall top match the defenders (the seize ratio), and
                // the men in it are the attackers who got over the layers still standing.
                var seize = hour.Where(x => x.Kind == EventKind.WallSeized).ToArray();
                if (!lodged && expected.WallTop * (long)Scale >= d.Combat.SeizeRatio.Raw * 100L)
                {
                    var w = Assert.Single(seize);
                    Assert.Equal(Math.Max(1, (int)(((long)expected.EngagedLand * expected.Cover / Scale) + ((long)expected.Landed * expected.ShoreCover / Scale))), w.Value1);
                    Assert.Equal((int)Math.Max(1, expected.OnTop * Scale / w.Value1), sim.LodgementQuality(sector));
                    seized++;
                }
                else
                {
                    Assert.Empty(seize);
                }
            }
        }

        Assert.True(hours > 150 && (from == 5 || nights > 50), $"{hours} hours of fighting, {nights} at night");
        Assert.True(south != 0m || seized > 0, $"{seized} stretches seized");
        Assert.True(stones || sapped > 100, $"{sapped} hours of sapping");
        Assert.True(galleys > 0 || (withAllies > 50 && withCrews > 20), $"{withAllies} hours with allies, {withCrews} with crews ashore");
        Assert.True(spread > hours / 2, $"{spread} of {hours} hours spread");

        // Over every hour together the drawn losses sit on the law's means: a few standard deviations of the sum.
        Assert.InRange(lostA, (meanA / 100.0) - (5 * Math.Sqrt(meanA / 100.0)) - hours, (meanA / 100.0) + (5 * Math.Sqrt(meanA / 100.0)) + hours);
        Assert.InRange(lostD, (meanD / 100.0) - (5 * Math.Sqrt(meanD / 100.0)) - hours, (meanD / 100.0) + (5 * Math.Sqrt(meanD / 100.0)) + hours);
    }

    [Theory]
    [InlineData(AttritionLaw.Square, 12_345, 700, 12_345)]
    [InlineData(AttritionLaw.Linear, 12_345, 700, 8_641)]
    [InlineData(AttritionLaw.Mixed, 12_345, 700, 2_939)]
    [InlineData(AttritionLaw.Mixed, 0, 700, 0)]
    public void The_laws_base_is_the_firers_power_alone_against_the_numbers_faced_or_between(AttritionLaw law, long fire, long targets, long expected) =>
        Assert.Equal(expected, Kernel.Simulation.LawBase(law, fire, targets));

    [Fact]
    public void An_hour_out_of_the_fight_rests_the_attackers_and_every_sector_not_under_assault()
    {
        var d = new SiegeBuilder { Militia = 2_000 }.Build();
        var rest = d.Combat.FatigueRecoveryPerHour.Raw;
        var sim = Kernel.Simulation.Create(d, 0);
        int rested = 0, held = 0;
        for (var k = 0; k < 10; k++)
        {
            sim.Reset(Kernel.Randomness.SplitMix64.Derive(626, (ulong)k));
            while (!sim.IsOver)
            {
                var a = sim.AttackerFatigue;
                var byS = Enumerable.Range(0, d.WallSectors.Length).Select(sim.DefenderFatigue).ToArray();
                var sector = sim.AssaultSector;
                var from = sim.Events.Count;
                sim.Step();
                if (sim.Events.All[from..].ToArray().Any(e => e.Kind is EventKind.Engagement or EventKind.AssaultBegan) || sim.IsOver)
                {
                    continue;
                }

                Assert.Equal(Math.Max(0, a - rest), sim.AttackerFatigue);
                for (var s = 0; s < byS.Length; s++)
                {
                    if (s == sector && sim.AssaultSector == sector)
                    {
                        held += byS[s] > 0 && sim.DefenderFatigue(s) == byS[s] ? 1 : 0;
                        continue;
                    }

                    Assert.Equal(Math.Max(0, byS[s] - rest), sim.DefenderFatigue(s));
                }

                rested += a > 0 ? 1 : 0;
            }
        }

        Assert.True(rested > 20, $"{rested} hours of rest");
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.25)]
    public void Attacker_losses_are_spread_by_men_over_the_willing_with_the_remainder_in_file_order(double slavsHeart)
    {
        // At a heart of 0.25 the Slavs are below the line at which men refuse to attack: they take no share.
        var d0 = new SiegeBuilder().Build();
        var slavs = Sieges.Contingent(d0, "slavs");
        var d = d0 with { Contingents = [.. d0.Contingents.Select((c, i) => i == slavs ? c with { Morale = SiegeBuilder.R((decimal)slavsHeart) } : c)] };
        var sim = Kernel.Simulation.Create(d, 3);
        while (sim.HostPresent < d.Contingents.Where(c => c.Side == Side.Avar).Sum(c => c.Strength))
        {
            sim.Step();
        }

        var willing = Enumerable.Range(0, d.Contingents.Length)
            .Where(i => d.Contingents[i].Role == ContingentRole.Assault && sim.Morale(i) >= d.Morale.RefuseAttackBelow.Raw).ToArray();
        Assert.Equal(slavsHeart < 0.3 ? 1 : 2, willing.Length);
        var before = Enumerable.Range(0, d.Contingents.Length).Select(sim.Ledger).ToArray();
        long men = willing.Sum(i => (long)before[i].Present);
        const int losses = 1_001;
        Assert.Equal(losses, sim.InflictOnAttackers(losses, men, combined: false));
        var shares = willing.Select(i => (int)(losses * (long)before[i].Present / men)).ToArray();
        var left = losses - shares.Sum();
        Assert.True(willing.Length == 1 || left > 0, "a remainder to hand out");
        for (var j = 0; j < willing.Length; j++)
        {
            var i = willing[j];
            var lost = sim.Ledger(i).Killed + sim.Ledger(i).Wounded - before[i].Killed - before[i].Wounded;
            Assert.Equal(shares[j] + (j == 0 ? left : 0), lost);
        }

        Assert.True(willing.Contains(slavs) || before[slavs] == sim.Ledger(slavs));
        Assert.Equal(0, sim.InflictOnAttackers(0, men, combined: false));
        Assert.Equal(0, sim.InflictOnAttackers(-3, men, combined: false));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(0.25)]
    public void A_combined_attack_lights_one_signal_and_begins_once_at_its_hour(double learn)
    {
        // The signal for the boats is lit once per combined attack: by the defenders themselves at the attack's
        // first hour when they know it and lie in wait (the boats launched that hour), otherwise by the khagan's men
        // two hours in. The land attack begins once, at its first hour. An attack that wins no stretch of wall by
        // its last hour has failed.
        var d = new SiegeBuilder { GaleShare = 0m, LearnSignalOtherwise = (decimal)learn }.Build();
        var plan = d.Command.Khagan.Single(i => i.Action == PlanAction.CombinedAttack);
        var horn = Sieges.Zone(d, "horn");
        var canoes = Sieges.Flotilla(d, "canoes");
        int attacks = 0, trapped = 0, failed = 0;
        Sieges.Each(d, 30, sim =>
        {
            var run = sim.Events.All.ToArray();
            Assert.InRange(run.Count(e => e.Kind == EventKind.SignalLearned), 0, 1);
            var anyFailed = false;
            foreach (var start in run.Where(e => e.Kind == EventKind.KhaganDecided && e.Value1 == (int)KhaganDecision.CombinedAttack))
            {
                var day = run.Where(e => e.Time.Day == start.Time.Day).ToArray();
                var lit = Assert.Single(day, e => e.Kind == EventKind.SignalLit);
                var trap = day.Where(e => e.Kind == EventKind.DefendersDecided && e.Value1 == (int)DefenderDecision.SetTrap).ToArray();
                var launched = Assert.Single(day, e => e.Kind == EventKind.CanoesLaunched && e.Actor == canoes);
                if (trap.Length > 0)
                {
                    Assert.Equal(horn, Assert.Single(trap).Zone);
                    Assert.Equal((plan.StartHour, 1), (lit.Time.HourOfDay, lit.Value1));
                    trapped++;
                }
                else
                {
                    Assert.Equal((plan.StartHour + 2, 0), (lit.Time.HourOfDay, lit.Value1));
                }

                Assert.Equal(lit.Time, launched.Time);
                var began = Assert.Single(day, e => e.Kind == EventKind.AssaultBegan);
                Assert.Equal(plan.StartHour, began.Time.HourOfDay);
                var undecided = !day.Any(e => e.Kind is EventKind.CityFell or EventKind.SiegeLifted or EventKind.CityNegotiated);
                anyFailed |= undecided && !day.Any(e => e.Kind == EventKind.WallSeized);
                attacks++;
            }

            Assert.Equal(anyFailed, sim.CombinedAttackFailed);
            failed += anyFailed ? 1 : 0;
        });

        Assert.True(attacks > 10 && failed > 5, $"{attacks} combined attacks, {failed} failed");
        Assert.True(learn < 1 || trapped == attacks, $"{trapped} of {attacks} met by the trap");
        Assert.True(learn > 0 || trapped < attacks, "some boats not met by the trap when the signal is learned only from caught envoys");
    }

    [Fact]
    public void A_hold_ordered_in_the_middle_of_an_assault_stops_the_fighting_the_stormed_wall_stands_to_and_the_day_is_a_failure()
    {
        // The first assault of the compact siege runs from 05:00 on day 11; the khagan holds it at 09:00. No blow is
        // struck after that; the men out of the fight rest, except the defenders of the stormed sector, who stand to
        // until the assault's last hour.
        var d = new SiegeBuilder { GaleShare = 0m }.Build();
        var hold = Time.SimTime.FromDay(11, 9);
        Command.Order[] orders = [new(hold, Side.Avar, OrderKind.HoldAssault, -1, 0)];
        var rest = d.Combat.FatigueRecoveryPerHour.Raw;
        var sim = Kernel.Simulation.Create(d, 4);
        Sieges.StepTo(sim, hold, orders);

        var sector = sim.AssaultSector;
        Assert.True(sector >= 0, "an assault is running");
        Assert.True(sim.DefenderFatigue(sector) > 0 && sim.AttackerFatigue > 0, "both sides tired");
        var others = Enumerable.Range(0, d.WallSectors.Length).Where(s => s != sector).ToArray();
        while (sim.Now < Time.SimTime.FromDay(11, 17))
        {
            Assert.False(sim.IsOver);
            var (a, f, o) = (sim.AttackerFatigue, sim.DefenderFatigue(sector), others.Select(sim.DefenderFatigue).ToArray());
            var last = sim.Now.HourOfDay == 16; // the assault's last hour: it is over, and they rest too
            var from = sim.Events.Count;
            sim.Step(orders);
            Assert.DoesNotContain(sim.Events.All[from..].ToArray(), e => e.Kind is EventKind.Engagement or EventKind.AssaultBegan);
            Assert.Equal(Math.Max(0, a - rest), sim.AttackerFatigue);
            Assert.Equal(last ? Math.Max(0, f - rest) : f, sim.DefenderFatigue(sector));
            Assert.Equal(o.Select(x => Math.Max(0, x - rest)), others.Select(sim.DefenderFatigue));
        }

        Assert.Equal(-1, sim.AssaultSector);
        // Called off, it is not told as repulsed; it still counts as a failure the next morning.
        Assert.DoesNotContain(sim.Events.All.ToArray(), e => e.Kind == EventKind.AssaultRepulsed && e.Time.Day == 11);
        var next = Kernel.Simulation.Create(d, 4);
        Sieges.StepTo(next, Time.SimTime.FromDay(12, 6), orders);

        Assert.Contains(next.Events.All.ToArray(), e => e.Kind == EventKind.KhaganDecided && e.Value1 == (int)KhaganDecision.Assault && e.Time.Day == 12 && e.Value2 == 1);
    }

    [Fact]
    public void A_repulsed_assault_tells_the_days_losses_on_both_sides()
    {
        var d = new SiegeBuilder().Build();
        var told = 0;
        foreach (var run in Sieges.Events(d, 20))
        {
            foreach (var r in run.Where(e => e.Kind == EventKind.AssaultRepulsed))
            {
                var began = run.Last(e => e.Kind == EventKind.AssaultBegan && e.Time <= r.Time);
                var fights = run.Where(e => e.Kind == EventKind.Engagement && e.Time >= began.Time && e.Time <= r.Time).ToArray();
                Assert.Equal((fights.Sum(e => e.Value1), fights.Sum(e => e.Value2)), (r.Value1, r.Value2));
                Assert.Equal(began.Zone, r.Zone);
                told++;
            }
        }

        Assert.True(told > 50, $"{told} repulses");
    }
}
