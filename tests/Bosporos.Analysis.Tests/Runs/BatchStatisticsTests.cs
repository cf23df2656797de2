using Bosporos.Analysis.Runs;
using Bosporos.Kernel;
using Bosporos.Kernel.Time;

namespace Bosporos.Analysis.Tests.Runs;

public class BatchStatisticsTests
{
    private static SiegeSummary S(Outcome o, int closeDays, int ferried, int attackerLosses, int defenderLosses) =>
        new(o, EndCause.None, new SimTime(24 * closeDays), closeDays, ferried, attackerLosses, defenderLosses, 0, 0, 0, 0, 0, 0, 0, 1000, false, false, 0);

    [Fact]
    public void Report_counts_shares_quantiles_and_ratios()
    {
        using var stats = new BatchStatistics();
        stats.Accept(0, 0, S(Outcome.Lifted, 10, 0, 300, 100));
        stats.Accept(1, 0, S(Outcome.Lifted, 20, 500, 100, 0));
        stats.Accept(2, 0, S(Outcome.Fallen, 30, 0, 500, 100));
        stats.Accept(3, 0, S(Outcome.Negotiated, 40, 10, 0, 0));
        var r = stats.Report();
        Assert.Equal(4, r.Runs);
        Assert.Equal(2, r.Outcomes[Outcome.Lifted].Count);
        Assert.Equal(0.5, r.Outcomes[Outcome.Lifted].Share);
        Assert.Equal(0, r.Outcomes[Outcome.Undecided].Count);
        Assert.Equal(0, r.Outcomes[Outcome.Undecided].Low);
        Assert.Equal(25, r.CloseSiegeDaysMedian);
        Assert.Equal(0.5, r.PersiansFerriedShare);
        Assert.Equal(2, r.AssaultRatioRuns); // runs with no defender losses are left out
        Assert.Equal(4.0, r.AssaultLossRatioMedian);
        Assert.Equal(r.Outcomes.Values.Sum(o => o.Count), r.Runs);
    }

    [Fact]
    public void Empty_batch_reports_no_ratio_and_nan_days()
    {
        using var stats = new BatchStatistics();
        var r = stats.Report();
        Assert.Equal(0, r.Runs);
        Assert.Null(r.AssaultLossRatioMedian);
        Assert.True(double.IsNaN(r.CloseSiegeDaysMedian));
    }
}
