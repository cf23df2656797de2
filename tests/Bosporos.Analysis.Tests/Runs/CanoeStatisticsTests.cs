using Bosporos.Analysis.Runs;
using Bosporos.Kernel;
using Bosporos.Kernel.Time;

namespace Bosporos.Analysis.Tests.Runs;

public class CanoeStatisticsTests
{
    private static SiegeSummary Run(int launched, int lost) =>
        new(Outcome.Lifted, EndCause.HostStarving, new SimTime(960), 10, 0, 100, 20, launched, lost, 0, 0, 20, 100, 0, 600, true, false, 1);

    [Fact]
    public void Counts_runs_that_launched_canoes_and_those_that_lost_most_of_them()
    {
        using var stats = new BatchStatistics();
        stats.Accept(0, 1, Run(0, 0));      // no canoes: not counted
        stats.Accept(1, 2, Run(400, 300));  // most lost
        stats.Accept(2, 3, Run(400, 200));  // exactly half: not most
        stats.Accept(3, 4, Run(100, 51));   // most lost
        var r = stats.Report();
        Assert.Equal(3, r.CanoeRuns);
        Assert.Equal(2, r.CanoesMostlyLostRuns);
    }
}
