using Bosporos.Analysis.Runs;
using Bosporos.Analysis.War;
using Bosporos.Kernel.Randomness;
using Bosporos.Kernel.War;

namespace Bosporos.Analysis.Tests.War;

/// <summary>A batch of wars: the same runs on any thread count, a gapless prefix when stopped, the checks' calendar windows.</summary>
public sealed class WarMonteCarloTests
{
    [Fact]
    public void One_thread_and_three_give_the_same_runs_in_the_same_order()
    {
        var loaded = WarReplayTests.Load();
        var one = WarMonteCarlo.Run(loaded.Definition!, loaded.Siege!, 628, 12, 1);
        var three = WarMonteCarlo.Run(loaded.Definition!, loaded.Siege!, 628, 12, 3);
        Assert.Equal(12, one.Length);
        Assert.Equal(one.Select(s => s.StateHash), three.Select(s => s.StateHash));
        Assert.Equal(WarChecks.Digest(one), WarChecks.Digest(three));

        // Run k is the war of seed Derive(628, k), as a single run of it gives.
        var sim = WarSimulation.Create(loaded.Definition!, loaded.Siege!, SplitMix64.Derive(628, 5));
        Assert.Equal(sim.RunToEnd().StateHash, one[5].StateHash);
    }

    [Fact]
    public void A_batch_stopped_before_it_starts_returns_no_runs_and_says_so()
    {
        var loaded = WarReplayTests.Load();
        var reports = new List<RunProgress>();
        var done = WarMonteCarlo.Run(loaded.Definition!, loaded.Siege!, 628, 50, 2, new Inline(reports), new CancellationToken(canceled: true));
        Assert.Empty(done);
        Assert.Equal(new RunProgress(0, 50), reports[^1]);
    }

    [Fact]
    public void The_checks_read_late_627_and_early_628_in_the_campaigns_calendar()
    {
        var start = new JulianDate(622, 4, 5).DayNumber;
        WarSummary At(int decisiveDay, int fallDay) => default(WarSummary) with
        {
            StartDayNumber = start,
            DecisiveBattleWon = true,
            DecisiveBattleDay = decisiveDay,
            KhosrowFallDay = fallDay,
        };
        int Day(int y, int m, int d) => new JulianDate(y, m, d).DayNumber - start;

        Assert.True(WarWindows.DecisiveLate627(At(Day(627, 12, 12), -1)));
        Assert.False(WarWindows.DecisiveLate627(At(Day(627, 8, 31), -1)));
        Assert.False(WarWindows.DecisiveLate627(At(Day(628, 1, 1), -1)));
        Assert.True(WarWindows.FellEarly628(At(-1, Day(628, 2, 25))));
        Assert.False(WarWindows.FellEarly628(At(-1, Day(628, 5, 1))));
        Assert.False(WarWindows.FellEarly628(At(-1, -1)));
    }

    private sealed class Inline(List<RunProgress> into) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => into.Add(value);
    }
}
