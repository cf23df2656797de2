namespace Bosporos.Web.Experiments;

/// <summary>Wilson score interval for a binomial share (95 % by default): sound even at 0 or n successes.</summary>
internal static class Wilson
{
    public const double Z95 = 1.959963984540054;

    public static (double Low, double High) Interval(int successes, int n, double z = Z95)
    {
        if (n <= 0)
        {
            return (0, 1);
        }

        var p = (double)successes / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n))) / denominator;
        return (successes == 0 ? 0 : Math.Max(0, centre - half), successes == n ? 1 : Math.Min(1, centre + half));
    }
}
