namespace Bosporos.Analysis.Statistics;

/// <summary>A share (proportion) with its 95% interval.</summary>
public readonly record struct Share(long Count, long Total, double Value, double Low, double High)
{
    public double HalfWidth => (High - Low) / 2;
}

/// <summary>
/// Wilson's score interval for a binomial proportion (Wilson 1927): unlike the normal ("Wald") interval it stays
/// inside [0, 1] and keeps its coverage near 0 and 1, which matters for rare outcomes such as the city falling.
/// </summary>
public static class ShareInterval
{
    /// <summary>The normal quantile for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    public static Share Wilson(long count, long total, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, total);
        if (total == 0)
        {
            return new Share(0, 0, double.NaN, 0, 1);
        }

        double n = total;
        var p = count / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / denominator;
        var low = count == 0 ? 0 : Math.Max(0, centre - half);
        var high = count == total ? 1 : Math.Min(1, centre + half);
        return new Share(count, total, p, low, high);
    }
}
