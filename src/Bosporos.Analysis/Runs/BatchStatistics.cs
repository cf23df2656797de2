using Bosporos.Analysis.Statistics;
using Bosporos.Kernel;

namespace Bosporos.Analysis.Runs;

/// <summary>Share of runs with one outcome, with its Wilson 95% interval.</summary>
public sealed record OutcomeShare(long Count, double Share, double Low, double High);

/// <summary>The headline figures of a batch, as the command line and the web app print them.</summary>
public sealed record BatchReport(
    long Runs,
    IReadOnlyDictionary<Outcome, OutcomeShare> Outcomes,
    double CloseSiegeDaysMedian,
    double CloseSiegeDaysP10,
    double CloseSiegeDaysP90,
    double PersiansFerriedShare,
    double? AssaultLossRatioMedian,
    long AssaultRatioRuns,
    string Digest)
{
    /// <summary>Runs in which canoes were launched (crossings or attacks).</summary>
    public long CanoeRuns { get; init; }

    /// <summary>Of those, the runs in which more than half the canoes launched were lost.</summary>
    public long CanoesMostlyLostRuns { get; init; }
}

/// <summary>
/// Folds run summaries (in run order) into outcome counts, distributions and the batch digest. Feed it as the sink
/// of <see cref="MonteCarloRunner"/>; read <see cref="Report"/> at any time, e.g. after a cancelled batch.
/// </summary>
public sealed class BatchStatistics : IRunSink, IDisposable
{
    private readonly long[] outcomes = new long[4];
    private readonly List<double> closeDays;
    private readonly List<double> lossRatios;
    private readonly RunDigest digest = new();
    private long ferried;
    private long canoeRuns;
    private long canoesMostlyLost;

    public BatchStatistics(long expectedRuns = 0)
    {
        var capacity = (int)Math.Clamp(expectedRuns, 0, 1 << 24);
        closeDays = new List<double>(capacity);
        lossRatios = new List<double>(capacity);
    }

    public long Runs { get; private set; }

    public void Accept(long index, ulong seed, in SiegeSummary summary)
    {
        outcomes[(int)summary.Outcome]++;
        closeDays.Add(summary.CloseSiegeDays);
        if (summary.PersiansFerried > 0)
        {
            ferried++;
        }

        if (summary.CanoesLaunched > 0)
        {
            canoeRuns++;
            if (summary.CanoesLost * 2 > summary.CanoesLaunched)
            {
                canoesMostlyLost++;
            }
        }

        if (summary.AssaultDefenderLosses > 0)
        {
            lossRatios.Add(summary.AssaultAttackerLosses / (double)summary.AssaultDefenderLosses);
        }

        digest.Accept(index, seed, summary);
        Runs++;
    }

    public BatchReport Report()
    {
        var shares = new Dictionary<Outcome, OutcomeShare>();
        foreach (var outcome in (Outcome[])[Outcome.Lifted, Outcome.Fallen, Outcome.Negotiated, Outcome.Undecided])
        {
            var k = outcomes[(int)outcome];
            var (lo, hi) = Wilson.Interval(k, Runs);
            shares[outcome] = new OutcomeShare(k, Runs == 0 ? 0 : k / (double)Runs, lo, hi);
        }

        var days = closeDays.ToArray();
        Array.Sort(days);
        var ratios = lossRatios.ToArray();
        Array.Sort(ratios);
        return new BatchReport(
            Runs,
            shares,
            Quantiles.OfSorted(days, 0.5),
            Quantiles.OfSorted(days, 0.1),
            Quantiles.OfSorted(days, 0.9),
            Runs == 0 ? 0 : ferried / (double)Runs,
            ratios.Length == 0 ? null : Quantiles.OfSorted(ratios, 0.5),
            ratios.Length,
            digest.Hex())
        {
            CanoeRuns = canoeRuns,
            CanoesMostlyLostRuns = canoesMostlyLost,
        };
    }

    public void Dispose() => digest.Dispose();
}
