using Bosporos.Kernel.Command;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Numerics;
using Bosporos.Testing;

namespace Bosporos.Kernel.Tests.Mechanisms;

/// <summary>The khagan's written intentions: their conditions and waits, the weather, failures counted and given up.</summary>
public class KhaganPlanTests
{
    private const int Ferry = 4; // index of the ferry intention in the compact siege's plan
    private const int Combined = 5;

    [Fact]
    public void In_a_gale_no_boat_puts_out_and_he_waits_for_the_weather()
    {
        var d = new SiegeBuilder { CalmShare = 0m, GaleShare = 1m }.Build();
        var waited = 0;
        Sieges.Each(d, 20, sim =>
        {
            var run = sim.Events.All.ToArray();
            Assert.DoesNotContain(run, e => e.Kind is EventKind.CanoesLaunched or EventKind.BoatsSunk or EventKind.PersiansFerried);
            foreach (var e in run.Where(e => e.Kind == EventKind.KhaganDecided && e.Value1 == (int)KhaganDecision.WaitForWeather))
            {
                // The ferry waits at its hour, the combined attack at its start hour or, as the khagan's last card,
                // at the dawn he would otherwise give up.
                Assert.Contains(e.Time.HourOfDay, e.Value2 == Ferry ? new[] { 21 } : new[] { 5, 6 });
                Assert.Contains(e.Value2, new[] { Ferry, Combined });
                waited++;
            }
        });
        Assert.True(waited > 20, $"{waited} waits");
    }

    [Fact]
    public void The_ferries_first_sail_the_second_night_after_the_envoys_left()
    {
        // Sent at 22:00 on day X, the envoys make the signal agreed; at 21:00 on X+1 the ferry intention first sees
        // it (its day count starts), and it waits one day: the ferries first sail at 21:00 on X+2.
        var d = new SiegeBuilder { GaleShare = 0m }.Build();
        var ferries = Sieges.Flotilla(d, "ferries");
        var sailed = 0;
        foreach (var run in Sieges.Events(d, 40))
        {
            var sent = run.Where(e => e.Kind == EventKind.EnvoysSent).ToArray();
            var first = run.Where(e => e.Kind == EventKind.CanoesLaunched && e.Actor == ferries).ToArray();
            if (sent.Length == 0 || first.Length == 0)
            {
                continue;
            }

            Assert.Equal(22, sent[0].Time.HourOfDay);
            Assert.Equal(Time.SimTime.FromDay(sent[0].Time.Day + 2, 21), first[0].Time);
            sailed++;
        }

        Assert.True(sailed > 20, $"{sailed} runs ferried");
    }

    [Fact]
    public void Failed_assaults_are_counted_in_a_row_and_the_combined_attack_waits_for_five()
    {
        var d = new SiegeBuilder().Build();
        var combined = 0;
        foreach (var run in Sieges.Events(d, 40))
        {
            var expected = 0;
            foreach (var e in run.Where(e => e.Kind == EventKind.KhaganDecided && e.Value1 is (int)KhaganDecision.Assault or (int)KhaganDecision.CombinedAttack))
            {
                if (e.Value1 == (int)KhaganDecision.Assault)
                {
                    Assert.Equal(expected, e.Value2);
                }
                else
                {
                    // The combined attack tells how far the walls are worn; the failures are counted here.
                    Assert.True(expected >= 5 || run.Any(x => x.Kind == EventKind.KhaganDecided && x.Value1 == (int)KhaganDecision.LastCard && x.Time.Day == e.Time.Day), $"combined attack after {expected} failures");
                    Assert.Equal(Combined, e.Value3);
                    combined++;
                }

                var won = run.Any(x => x.Kind == EventKind.WallSeized && x.Time.Day == e.Time.Day);
                expected = won ? 0 : expected + 1;
            }
        }

        Assert.True(combined > 5, $"{combined} combined attacks");
    }

    [Fact]
    public void A_failed_ferry_is_given_up_after_its_one_allowed_failure()
    {
        var d = new SiegeBuilder { GaleShare = 0m }.Build();
        var ferries = Sieges.Flotilla(d, "ferries");
        var abandoned = 0;
        foreach (var run in Sieges.Events(d, 60))
        {
            var gaveUp = run.Where(e => e.Kind == EventKind.KhaganDecided && e.Value1 == (int)KhaganDecision.Abandon && e.Value3 == Ferry).ToArray();
            if (gaveUp.Length == 0)
            {
                continue;
            }

            var e = Assert.Single(gaveUp);
            Assert.Equal(1, e.Value2);
            Assert.DoesNotContain(run, x => x.Kind == EventKind.CanoesLaunched && x.Actor == ferries && x.Time > e.Time);
            abandoned++;
        }

        Assert.True(abandoned > 20, $"{abandoned} ferries given up");
    }

    [Fact]
    public void A_host_that_will_not_fight_storms_nothing()
    {
        var d0 = new SiegeBuilder().Build();
        var d = d0 with { Contingents = [.. d0.Contingents.Select(c => c.Role == ContingentRole.Assault ? c with { Morale = SiegeBuilder.R(0.2m) } : c)] };
        var sim = Kernel.Simulation.Create(d, 3);
        sim.RunToEnd();
        var run = sim.Events.All.ToArray();
        Assert.DoesNotContain(run, e => e.Kind == EventKind.AssaultBegan);
        var unwilling = run.Where(e => e.Kind == EventKind.KhaganDecided && e.Value1 == (int)KhaganDecision.HostUnwilling).ToArray();
        Assert.NotEmpty(unwilling);
        Assert.All(unwilling, e => Assert.Equal(2, e.Value2));
        Assert.Equal(Outcome.Lifted, sim.Summary.Outcome);
    }

    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(0.0, 1.0)]
    [InlineData(0.0, 0.0)]
    [InlineData(0.2, 1.0)]
    public void He_storms_the_written_target_unless_a_breach_elsewhere_leaves_its_defenders_less_cover(double south, double blachernae)
    {
        // The written target is the middle sector (moat and two walls). A breached south keeps only its moat; a
        // breached Blachernae (one wall, no moat) keeps nothing and is the worse breach.
        var d0 = new SiegeBuilder { SouthIntegrity = (decimal)south, Garrison = 20_000 }.Build();
        var bl = Sieges.Sector(d0, "blachernae");
        var d = d0 with { WallSectors = [.. d0.WallSectors.Select((w, s) => s == bl ? w with { Integrity = SiegeBuilder.R((decimal)blachernae) } : w)] };
        var middle = Sieges.Sector(d, "middle");
        var sectors = Enumerable.Range(0, d.WallSectors.Length).ToArray();
        var sim = Kernel.Simulation.Create(d, 0);
        int written = 0, switched = 0;
        for (var k = 0; k < 20; k++)
        {
            sim.Reset(Kernel.Randomness.SplitMix64.Derive(626, (ulong)k));
            while (!sim.IsOver)
            {
                var breached = sectors.Where(s => !Sieges.IsSeaWall(d, s) && Sieges.Standing(d, sim, s) < d.Combat.BreachBelow.Raw).ToArray();
                var best = breached.Length == 0 ? -1 : breached.First(s => Sieges.Cover(d, sim, s) == breached.Max(b => Sieges.Cover(d, sim, b)));
                var target = best >= 0 && best != middle && Sieges.Cover(d, sim, best) > Sieges.Cover(d, sim, middle) ? best : middle;
                var standing = target >= 0 ? Sieges.Standing(d, sim, target) : 0;
                var from = sim.Events.Count;
                sim.Step();
                foreach (var e in sim.Events.All[from..].ToArray().Where(e => e.Kind == EventKind.KhaganDecided && e.Value1 is (int)KhaganDecision.Assault or (int)KhaganDecision.AssaultBreach))
                {
                    Assert.Equal(Sieges.Zone(d, d.WallSectors[target].Zone), e.Zone);
                    Assert.Equal(target == middle ? (int)KhaganDecision.Assault : (int)KhaganDecision.AssaultBreach, e.Value1);
                    if (target != middle)
                    {
                        Assert.Equal(standing / 10, e.Value2);
                    }

                    written += target == middle ? 1 : 0;
                    switched += target == middle ? 0 : 1;
                }
            }
        }

        Assert.True(written + switched >= 20, $"{written + switched} assaults");
        Assert.True(south > 0 || switched > 0, "the breach is stormed");
        Assert.True(south < 1 || switched == 0, "no breach, no switch");
    }

    [Fact]
    public void A_failing_assault_is_given_up_after_its_failures_more_of_them_when_he_has_food()
    {
        // Two failures allowed, and two more for each food horizon's worth of food in hand and in reach (up to
        // three): he gives the assaults up only with no breach to hope for.
        var d0 = new SiegeBuilder { Garrison = 20_000, RationDays = 40, SortieMen = 0 }.Build();
        var d = d0 with
        {
            Command = d0.Command with { Khagan = [.. d0.Command.Khagan.Select(i => i.Action == PlanAction.GeneralAssault ? i with { AbandonAfterFailures = 2 } : i)] },
        };
        var w = d.Command.Withdrawal;
        var general = Array.FindIndex(d.Command.Khagan, i => i.Action == PlanAction.GeneralAssault);
        var limit = d.Command.Khagan[general].AbandonAfterFailures;
        var sim = Kernel.Simulation.Create(d, 0);
        var abandoned = 0;
        for (var k = 0; k < 60; k++)
        {
            sim.Reset(Kernel.Randomness.SplitMix64.Derive(626, (ulong)k));
            while (!sim.IsOver)
            {
                var from = sim.Events.Count;
                sim.Step();
                var gaveUp = sim.Events.All[from..].ToArray().Where(e => e.Kind == EventKind.KhaganDecided && e.Value1 == (int)KhaganDecision.Abandon && e.Value3 == general).ToArray();
                if (gaveUp.Length == 0)
                {
                    continue;
                }

                var a = Sieges.FoodInReach(sim);
                var patience = limit + (int)((long)limit * Math.Min(3L * Ratio.Scale, a) / Ratio.Scale);
                Assert.Equal(patience, Assert.Single(gaveUp).Value2);
                Assert.True(patience > limit, $"patience {patience}");
                abandoned++;
            }
        }

        Assert.True(abandoned > 3, $"{abandoned} given up");
    }

    [Fact]
    public void Judging_the_siege_lost_he_throws_in_the_held_back_boat_attack_once_that_same_day()
    {
        // With no patience from food he judges the siege lost early, before five failed assaults have released the
        // combined attack: he plays it as his last card that very morning, once, and judges again after it.
        var d0 = new SiegeBuilder { GaleShare = 0m, LearnSignalOtherwise = 0m }.Build();
        var d = d0 with { Command = d0.Command with { Withdrawal = d0.Command.Withdrawal with { FoodPatience = Ratio.Zero } } };
        var played = 0;
        foreach (var run in Sieges.Events(d, 40))
        {
            var cards = run.Where(e => e.Kind == EventKind.KhaganDecided && e.Value1 == (int)KhaganDecision.LastCard).ToArray();
            Assert.InRange(cards.Length, 0, 1);
            var attacks = run.Where(e => e.Kind == EventKind.KhaganDecided && e.Value1 == (int)KhaganDecision.CombinedAttack).ToArray();
            if (cards.Length == 0)
            {
                continue;
            }

            var card = cards[0];
            Assert.Equal(5, card.Time.HourOfDay);
            Assert.DoesNotContain(attacks, a => a.Time < card.Time);
            var attack = Assert.Single(attacks);
            Assert.Equal(card.Time.Day, attack.Time.Day);
            Assert.Equal(Combined, attack.Value3);
            played++;
        }

        Assert.True(played > 5, $"{played} last cards");
    }
}
