using Bosporos.Kernel.Events;
using Bosporos.Kernel.Weather;
using Bosporos.Testing;

namespace Bosporos.Kernel.Tests.Mechanisms;

/// <summary>The wind on the straits: a Markov chain drawn at dawn, with long-run shares and persistence.</summary>
public class WeatherTests
{
    /// <summary>The wind after every dawn of runs of <paramref name="d"/>, and the WindChanged events seen.</summary>
    private static (List<Wind> Dawns, int Changes, int Events) Dawns(SiegeDefinition d, int runs)
    {
        var dawns = new List<Wind>();
        int changes = 0, events = 0;
        var sim = Kernel.Simulation.Create(d, 0);
        for (var k = 0; k < runs; k++)
        {
            sim.Reset(Kernel.Randomness.SplitMix64.Derive(626, (ulong)k));
            var last = Wind.Calm;
            while (!sim.IsOver)
            {
                var dawn = sim.Now.HourOfDay == 5;
                sim.Step();
                if (dawn)
                {
                    dawns.Add(sim.Wind);
                    changes += sim.Wind != last ? 1 : 0;
                    last = sim.Wind;
                }
            }

            events += sim.Events.All.ToArray().Count(e => e.Kind == EventKind.WindChanged);
        }

        return (dawns, changes, events);
    }

    private static SiegeDefinition With(decimal calm, decimal gale, decimal persistence, int horizon = 60)
    {
        // The host never comes up, so nothing ends a run before its horizon.
        var d = Sieges.Unbesieged(new SiegeBuilder { CalmShare = calm, GaleShare = gale, HorizonDays = horizon }.Build());
        return d with { Weather = d.Weather with { Persistence = SiegeBuilder.R(persistence) } };
    }

    [Fact]
    public void Without_persistence_each_dawn_draws_the_long_run_shares()
    {
        // No host ever comes, so every run lasts its 60 days: 20 runs give 1,200 dawns; a share's standard error is
        // about 0.014, and the bounds are 3.5 of them wide.
        var (dawns, _, _) = Dawns(With(0.5m, 0.2m, 0m), 20);
        Assert.True(dawns.Count >= 1_000, $"{dawns.Count} dawns");
        double Share(Wind w) => dawns.Count(x => x == w) / (double)dawns.Count;
        Assert.InRange(Share(Wind.Calm), 0.45, 0.55);
        Assert.InRange(Share(Wind.Gale), 0.15, 0.25);
        Assert.InRange(Share(Wind.Breeze), 0.25, 0.35);
    }

    [Fact]
    public void Persistence_keeps_the_wind_and_every_change_is_told()
    {
        // A change needs a fresh draw (1 − 0.7) that lands on another wind: 0.3 × (1 − 0.5² − 0.2² − 0.3²) = 0.186 a dawn.
        var (dawns, changes, events) = Dawns(With(0.5m, 0.2m, 0.7m), 20);
        Assert.InRange(changes / (double)dawns.Count, 0.15, 0.22);
        Assert.Equal(changes, events);

        // Without persistence the same shares change the wind at 0.62 of dawns.
        var (fresh, freshChanges, freshEvents) = Dawns(With(0.5m, 0.2m, 0m), 20);
        Assert.InRange(freshChanges / (double)fresh.Count, 0.57, 0.67);
        Assert.Equal(freshChanges, freshEvents);
    }

    [Fact]
    public void All_gale_blows_from_the_first_dawn_and_is_told_once()
    {
        var sim = Kernel.Simulation.Create(With(0m, 1m, 0m, horizon: 5), 7);
        sim.RunToEnd();
        var winds = sim.Events.All.ToArray().Where(e => e.Kind == EventKind.WindChanged).ToArray();
        var only = Assert.Single(winds);
        Assert.Equal((int)Wind.Gale, only.Value1);
        Assert.Equal(new Time.SimTime(5), only.Time);
        Assert.Equal(Wind.Gale, sim.Wind);
    }
}
