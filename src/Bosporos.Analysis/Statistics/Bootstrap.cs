using Bosporos.Kernel.Randomness;

namespace Bosporos.Analysis.Statistics;

/// <summary>
/// Paired percentile bootstrap (Efron and Tibshirani 1993, ch. 13): resample run indices with replacement, keep each
/// baseline run with its variant partner, recompute the statistic, and take the 2.5% and 97.5% percentiles of the
/// replicates. The resampling stream is seeded, so the interval is the same on every machine.
/// </summary>
public static class Bootstrap
{
    public const int DefaultReplicates = 1000;

    /// <summary>Change in the median: median(variant) − median(baseline), with a paired bootstrap 95% interval.</summary>
    public static Estimate MedianDifference(ReadOnlySpan<double> baseline, ReadOnlySpan<double> variant, RandomStream stream, int replicates = DefaultReplicates)
    {
        if (baseline.Length != variant.Length)
        {
            throw new ArgumentException("Paired series must have the same length.", nameof(variant));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 2);
        var n = baseline.Length;
        if (n == 0)
        {
            return new Estimate(double.NaN, double.NaN, double.NaN, 0);
        }

        var point = Descriptive.Median(variant) - Descriptive.Median(baseline);
        var b = new double[n];
        var v = new double[n];
        var stats = new double[replicates];
        for (var r = 0; r < replicates; r++)
        {
            for (var i = 0; i < n; i++)
            {
                var k = stream.NextInt(n);
                b[i] = baseline[k];
                v[i] = variant[k];
            }

            Array.Sort(b);
            Array.Sort(v);
            stats[r] = Descriptive.MedianOfSorted(v) - Descriptive.MedianOfSorted(b);
        }

        Array.Sort(stats);
        return new Estimate(point, Descriptive.PercentileOfSorted(stats, 0.025), Descriptive.PercentileOfSorted(stats, 0.975), n);
    }

    /// <summary>Percentile interval of any statistic of resampled indices (used for the Sobol indices).</summary>
    public static (double Low, double High) Percentile(int n, int replicates, RandomStream stream, Func<int[], double> statistic)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 2);
        var idx = new int[n];
        var stats = new double[replicates];
        for (var r = 0; r < replicates; r++)
        {
            for (var i = 0; i < n; i++)
            {
                idx[i] = stream.NextInt(n);
            }

            stats[r] = statistic(idx);
        }

        Array.Sort(stats);
        return (Descriptive.PercentileOfSorted(stats, 0.025), Descriptive.PercentileOfSorted(stats, 0.975));
    }
}
