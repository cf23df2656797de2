using Bosporos.Kernel.Events;
using Bosporos.Testing;

namespace Bosporos.Kernel.Tests.Mechanisms;

/// <summary>The khagan's envoys to Shahrbaraz: boats past the patrols, the Persians' answer, the signal given away.</summary>
public class DiplomacyTests
{
    private const int Runs = 200;

    private static SiegeDefinition Calm(SiegeBuilder b) => (b with { CalmShare = 1m, GaleShare = 0m }).Build();

    [Fact]
    public void Envoys_past_no_warships_arrive_and_the_Persians_answer_with_their_full_willingness()
    {
        var d = Calm(new SiegeBuilder { Galleys = 0 });
        var persian = Sieges.Contingent(d, "persians");
        var sim = Kernel.Simulation.Create(d, 11);
        sim.RunToEnd();
        var events = sim.Events.All.ToArray();
        var sent = Assert.Single(events, e => e.Kind == EventKind.EnvoysSent);
        Assert.Equal(2, sent.Value1);
        Assert.DoesNotContain(events, e => e.Kind == EventKind.EnvoysIntercepted);
        var arrived = Assert.Single(events, e => e.Kind == EventKind.EnvoysArrived);
        Assert.Equal(Sieges.Zone(d, "chelae"), arrived.Zone);
        Assert.Equal(2, arrived.Value1);
        var answer = Assert.Single(events, e => e.Kind == EventKind.AlliesAnswered);
        Assert.Equal(persian, answer.Actor);
        Assert.Equal(Sieges.Zone(d, "chalcedon"), answer.Zone);
        Assert.Equal(4_000, answer.Value1); // 0.4 of 10,000
        Assert.Equal(1, answer.Value2);
        Assert.DoesNotContain(events, e => e.Kind == EventKind.SignalLearned && e.Value1 == 1);
    }

    [Fact]
    public void Each_envoy_boat_is_caught_at_most_once_with_the_patrols_odds_and_a_caught_embassy_wins_little()
    {
        // Two boats, each caught with odds 0.849 by the 15 warships on the strait (calm, night): 1.70 catches a run,
        // and both slip through in only 2.3% of runs. Over a two-zone route (strait, then the Horn's 15) a boat is
        // caught 1 − 0.151² = 0.977 of the time, still once at most: 1.95 catches a run.
        var d = Calm(new SiegeBuilder());
        var twoZones = d with { Diplomacy = d.Diplomacy with { EnvoyRoute = ["strait", "horn"] } };
        foreach (var (def, mean) in new[] { (d, 1.698), (twoZones, 1.954) })
        {
            var runs = Sieges.Events(def, Runs).Where(r => r.Any(e => e.Kind == EventKind.EnvoysSent)).ToArray();
            Assert.True(runs.Length > Runs * 9 / 10, $"{runs.Length} runs sent envoys");
            var catches = runs.Select(r => r.Count(e => e.Kind == EventKind.EnvoysIntercepted)).ToArray();
            Assert.All(catches, c => Assert.InRange(c, 0, 2));
            Assert.InRange(catches.Average(), mean - 0.1, mean + 0.1);
            foreach (var r in runs)
            {
                var caught = r.Any(e => e.Kind == EventKind.EnvoysIntercepted);
                Assert.Equal(!caught, r.Any(e => e.Kind == EventKind.EnvoysArrived));
                var answer = Assert.Single(r, e => e.Kind == EventKind.AlliesAnswered);
                Assert.Equal(caught ? 500 : 4_000, answer.Value1); // 0.05 or 0.4 of 10,000
                Assert.Equal(caught ? 0 : 1, answer.Value2);
            }
        }
    }

    [Fact]
    public void Caught_envoys_give_away_the_signal_half_the_time()
    {
        var d = Calm(new SiegeBuilder { LearnSignalOtherwise = 0m });
        int caught = 0, learned = 0;
        Sieges.Each(d, Runs, sim =>
        {
            var s = sim.Summary;
            if (s.EnvoysCaught)
            {
                caught++;
                learned += s.SignalLearned ? 1 : 0;
                var told = sim.Events.All.ToArray().Where(x => x.Kind == EventKind.SignalLearned).ToArray();
                Assert.Equal(s.SignalLearned ? 1 : 0, told.Length);
                Assert.All(told, e =>
                {
                    Assert.Equal(1, e.Value1);
                    Assert.Equal(5_000, e.Odds);
                    Assert.True(e.Roll < e.Odds);
                    Assert.Equal(Sieges.Zone(d, "pteron"), e.Zone);
                });
            }
            else
            {
                Assert.False(s.SignalLearned);
            }
        });

        Assert.True(caught > Runs * 8 / 10, $"{caught} caught");
        Assert.InRange(learned / (double)caught, 0.38, 0.62);
    }
}
