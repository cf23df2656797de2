namespace Bosporos.Analysis.Fitting;

/// <summary>An estimate with its 95% interval.</summary>
public readonly record struct Interval(double Value, double Low, double High);

/// <summary>
/// Ordinary least squares of y on one x (y = α + β x + ε), with t-based 95% intervals for α and β and for the mean
/// of y at a given x.
/// </summary>
public sealed record LinearFit(int N, Interval Intercept, Interval Slope, double RSquared, double ResidualSd, double MeanX, double Sxx, double TQuantile)
{
    public static LinearFit Of(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException("x and y must have the same length.", nameof(y));
        }

        var n = x.Count;
        if (n < 3)
        {
            throw new ArgumentException("A line needs at least 3 points.", nameof(x));
        }

        double mx = 0, my = 0;
        for (var i = 0; i < n; i++)
        {
            mx += x[i];
            my += y[i];
        }

        mx /= n;
        my /= n;
        double sxx = 0, sxy = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
            syy += (y[i] - my) * (y[i] - my);
        }

        if (sxx <= 0)
        {
            throw new ArgumentException("All x are equal: no slope can be fitted.", nameof(x));
        }

        var slope = sxy / sxx;
        var intercept = my - slope * mx;
        double sse = 0;
        for (var i = 0; i < n; i++)
        {
            var r = y[i] - intercept - slope * x[i];
            sse += r * r;
        }

        var s2 = sse / (n - 2);
        var t = StudentT.TwoSided(0.95, n - 2);
        var seSlope = Math.Sqrt(s2 / sxx);
        var seIntercept = Math.Sqrt(s2 * (1.0 / n + mx * mx / sxx));
        return new LinearFit(
            n,
            new Interval(intercept, intercept - t * seIntercept, intercept + t * seIntercept),
            new Interval(slope, slope - t * seSlope, slope + t * seSlope),
            syy > 0 ? 1 - sse / syy : double.NaN,
            Math.Sqrt(s2),
            mx,
            sxx,
            t);
    }

    /// <summary>The fitted mean of y at <paramref name="x"/> with its 95% interval.</summary>
    public Interval MeanAt(double x)
    {
        var value = Intercept.Value + Slope.Value * x;
        var se = ResidualSd * Math.Sqrt(1.0 / N + (x - MeanX) * (x - MeanX) / Sxx);
        return new Interval(value, value - TQuantile * se, value + TQuantile * se);
    }
}
