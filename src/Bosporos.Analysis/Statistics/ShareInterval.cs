namespace Bosporos.Analysis.Statistics;

/// <summary>A share (proportion) with its 95% interval.</summary>
public readonly record struct Share(long Count, long Total, double Value, double Low, double High)
{
    public double HalfWidth => (High - Low) / 2;
}

/// <summary>
/// Shares of runs with Wilson's score interval (Wilson 1927): unlike the normal ("Wald") interval it stays inside
/// [0, 1] and keeps its coverage near 0 and 1, which matters for rare outcomes such as the city falling.
/// </summary>
public static class ShareInterval
{
    /// <summary>The normal quantile for a two-sided 95% interval.</summary>
    public const double Z95 = Statistics.Wilson.Z95;

    /// <summary>The share count / total with its Wilson interval (<see cref="Wilson.Interval"/>); NaN share and (0, 1) for no runs.</summary>
    public static Share Wilson(long count, long total, double z = Z95)
    {
        var (low, high) = Statistics.Wilson.Interval(count, total, z);
        return new Share(count, total, total == 0 ? double.NaN : (double)count / total, low, high);
    }
}
