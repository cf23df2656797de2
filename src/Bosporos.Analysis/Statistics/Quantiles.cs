namespace Bosporos.Analysis.Statistics;

/// <summary>
/// Sample quantiles by linear interpolation between order statistics (Hyndman and Fan 1996, definition 7, the
/// default of R and NumPy): the median of an even sample is the mean of its two middle values.
/// </summary>
public static class Quantiles
{
    /// <summary>The <paramref name="p"/>-quantile (0..1) of values already sorted ascending; NaN when empty.</summary>
    public static double OfSorted(ReadOnlySpan<double> sorted, double p)
    {
        if (p is < 0 or > 1 || double.IsNaN(p))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A quantile lies between 0 and 1.");
        }

        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        var h = (sorted.Length - 1) * p;
        var lower = (int)Math.Floor(h);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((h - lower) * (sorted[upper] - sorted[lower]));
    }

    /// <summary>Sorts a copy of <paramref name="values"/> and returns its <paramref name="p"/>-quantile.</summary>
    public static double Of(IEnumerable<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return OfSorted(sorted, p);
    }

    public static double Median(IEnumerable<double> values) => Of(values, 0.5);
}
