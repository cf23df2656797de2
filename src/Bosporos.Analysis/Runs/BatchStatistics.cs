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

    /// <summary>Runs by the cause that ended them.</summary>
    public IReadOnlyDictionary<EndCause, long> EndCauses { get; init; } = new Dictionary<EndCause, long>();

    /// <summary>Lifted runs in which each factor weighed on the khagan when he withdrew.</summary>
    public IReadOnlyDictionary<WithdrawalFactors, long> Factors { get; init; } = new Dictionary<WithdrawalFactors, long>();

    /// <summary>Lifted runs in which the canoe massacre or the host's breakup was among the factors.</summary>
    public long MassacreOrBreakupRuns { get; init; }

    /// <summary>Runs in which the host went short of food at some point.</summary>
    public long HungryRuns { get; init; }
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
    private readonly long[] causes = new long[16];
    private readonly long[] factorCounts = new long[16];
    private long massacreOrBreakup;
    private long hungry;

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

        causes[(int)summary.Cause & 15]++;
        for (var b = 0; b < 16; b++)
        {
            if (((int)summary.Factors & (1 << b)) != 0)
            {
                factorCounts[b]++;
            }
        }

        if ((summary.Factors & (WithdrawalFactors.CanoesMassacred | WithdrawalFactors.HostBrokeUp)) != 0)
        {
            massacreOrBreakup++;
        }

        if (summary.ShortfallManDays > 0)
        {
            hungry++;
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
            EndCauses = Enum.GetValues<EndCause>().Where(c => causes[(int)c] > 0).ToDictionary(c => c, c => causes[(int)c]),
            Factors = Enumerable.Range(0, 16).Where(b => factorCounts[b] > 0).ToDictionary(b => (WithdrawalFactors)(1 << b), b => factorCounts[b]),
            MassacreOrBreakupRuns = massacreOrBreakup,
            HungryRuns = hungry,
        };
    }

    public void Dispose() => digest.Dispose();
}
