using System.Globalization;

namespace Bosporos.Analysis.Statistics;

/// <summary>
/// Shares written as percentages for people: one decimal as a rule, more when one decimal would say something false.
/// A share that is not exactly 0 or 1 never prints as 0.0% or 100.0% (9,999 of 10,000 is 99.99%, not 100.0%), and an
/// interval's two ends get the digits they need to differ (99.996% - 100.000% at 100,000 runs, not 100.0% - 100.0%).
/// Beyond <see cref="MaxDecimals"/> decimals a bound is written as "&gt; 99.9999%" or "&lt; 0.0001%".
/// </summary>
public static class Percent
{
    public const int MaxDecimals = 4;

    /// <summary>A share in [0, 1] as a percentage ("80.5%", "99.99%", "n/a" for NaN).</summary>
    public static string Of(double share) => double.IsNaN(share) ? "n/a" : Format(share, Decimals(share));

    /// <summary>A share with its interval: "80.5% [78.8%, 82.1%]".</summary>
    public static string WithInterval(double share, double low, double high)
    {
        if (double.IsNaN(share))
        {
            return "n/a";
        }
        var (l, h) = Bounds(low, high);
        return $"{Of(share)} [{l}, {h}]";
    }

    /// <summary>An interval's two ends, with as many decimals as either needs (the same for both).</summary>
    public static (string Low, string High) Bounds(double low, double high)
    {
        if (double.IsNaN(low) || double.IsNaN(high))
        {
            return ("n/a", "n/a");
        }
        var decimals = Math.Max(Decimals(low), Decimals(high));
        while (decimals < MaxDecimals && low != high && Round(low, decimals) == Round(high, decimals))
        {
            decimals++;
        }
        return (Format(low, decimals), Format(high, decimals));
    }

    /// <summary>The fewest decimals (at least one) at which <paramref name="share"/> does not round to 0% or 100% unless it is exactly that.</summary>
    public static int Decimals(double share)
    {
        var decimals = 1;
        while (decimals < MaxDecimals && Misleading(share, decimals))
        {
            decimals++;
        }
        return decimals;
    }

    private static bool Misleading(double share, int decimals)
    {
        var rounded = Round(share, decimals);
        return (rounded == 100 && share < 1) || (rounded == 0 && share > 0);
    }

    private static double Round(double share, int decimals) => Math.Round(share * 100, decimals, MidpointRounding.AwayFromZero);

    private static string Format(double share, int decimals)
    {
        if (Misleading(share, decimals))
        {
            var edge = 1 / Math.Pow(10, decimals);
            return share < 0.5
                ? "< " + edge.ToString("0." + new string('0', decimals), CultureInfo.InvariantCulture) + "%"
                : "> " + (100 - edge).ToString("0." + new string('0', decimals), CultureInfo.InvariantCulture) + "%";
        }
        return Round(share, decimals).ToString("0." + new string('0', decimals), CultureInfo.InvariantCulture) + "%";
    }
}
