using Bosporos.Kernel.Command;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.Forces;
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
}
