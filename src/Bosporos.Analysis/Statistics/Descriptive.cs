namespace Bosporos.Analysis.Statistics;

/// <summary>
/// Means, variances and order statistics, always summed in the order given (floating-point sums depend on order,
/// and results must be the same on every machine and thread count).
/// </summary>
public static class Descriptive
{
    public static double Mean(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    /// <summary>Sample variance with the n − 1 divisor (two passes); 0 for a single value, NaN for none.</summary>
    public static double Variance(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        if (values.Length == 1)
        {
            return 0;
        }

        var mean = Mean(values);
        var ss = 0.0;
        foreach (var v in values)
        {
            var d = v - mean;
            ss += d * d;
        }

        return ss / (values.Length - 1);
    }

    /// <summary>Population variance (divisor n), used where the whole set is the population (Sobol's V).</summary>
    public static double PopulationVariance(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        var mean = Mean(values);
        var ss = 0.0;
        foreach (var v in values)
        {
            var d = v - mean;
            ss += d * d;
        }

        return ss / values.Length;
    }

    /// <summary>The median: the middle value, or the mean of the two middle values for an even count.</summary>
    public static double Median(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        return MedianOfSorted(sorted);
    }

    internal static double MedianOfSorted(ReadOnlySpan<double> sorted)
    {
        var n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
    }

    /// <summary>
    /// The p-quantile of sorted values by linear interpolation between order statistics (Hyndman and Fan's type 7,
    /// the default of R and NumPy); see <see cref="Quantiles"/>.
    /// </summary>
    public static double PercentileOfSorted(ReadOnlySpan<double> sorted, double p) => Quantiles.OfSorted(sorted, p);
}
