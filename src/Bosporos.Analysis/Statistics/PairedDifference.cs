namespace Bosporos.Analysis.Statistics;

/// <summary>An estimate with its 95% interval.</summary>
public readonly record struct Estimate(double Value, double Low, double High, long Count)
{
    public double HalfWidth => (High - Low) / 2;

    /// <summary>True when the interval excludes zero.</summary>
    public bool ExcludesZero => Low > 0 || High < 0;
}

/// <summary>
/// The mean of per-pair differences with a normal 95% interval: d̄ ± 1.96 · s_d / √n, where s_d is the sample
/// standard deviation of the differences. Pairing (common random numbers) removes the dice both runs share, so s_d
/// is usually far below what two independent samples would give.
/// </summary>
public static class PairedDifference
{
    public static Estimate Of(ReadOnlySpan<double> differences, double z = ShareInterval.Z95)
    {
        var n = differences.Length;
        if (n == 0)
        {
            return new Estimate(double.NaN, double.NaN, double.NaN, 0);
        }

        var mean = Descriptive.Mean(differences);
        var sd = Math.Sqrt(Descriptive.Variance(differences));
        var half = z * sd / Math.Sqrt(n);
        return new Estimate(mean, mean - half, mean + half, n);
    }

    /// <summary>Differences variant − baseline of two equally long, run-aligned series.</summary>
    public static Estimate Of(ReadOnlySpan<double> baseline, ReadOnlySpan<double> variant, double z = ShareInterval.Z95)
    {
        if (baseline.Length != variant.Length)
        {
            throw new ArgumentException("Paired series must have the same length.", nameof(variant));
        }

        var d = new double[baseline.Length];
        for (var i = 0; i < d.Length; i++)
        {
            d[i] = variant[i] - baseline[i];
        }

        return Of(d, z);
    }

    /// <summary>
    /// Paired difference of two run-aligned series of 0/1 indicators (a share in each arm): as <see cref="Of(ReadOnlySpan{double}, double)"/>,
    /// with the interval cut to [-1, 1], where a difference of two shares lies (the normal interval can pass it when
    /// nearly every pair differs).
    /// </summary>
    public static Estimate OfShares(ReadOnlySpan<double> differences, double z = ShareInterval.Z95)
    {
        var d = Of(differences, z);
        return d.Count == 0 ? d : d with { Low = Math.Max(-1, d.Low), High = Math.Min(1, d.High) };
    }
}
