using Bosporos.Analysis.Stores;

namespace Bosporos.Analysis.Plots;

/// <summary>A share with its 95 % Wilson score interval.</summary>
public sealed record ShareEstimate(string Variant, string Category, long Count, long Runs, double Share, double Low, double High);

/// <summary>A mean with its normal-approximation 95 % interval (mean ± 1.96·s/√n).</summary>
public sealed record MeanEstimate(string Variant, string Quantity, long Runs, double Mean, double Low, double High);

/// <summary>One point of a step curve: the value that holds from <see cref="Day"/> on.</summary>
public sealed record CurvePoint(int Day, double Value);

/// <summary>The summaries the charts and the report draw, computed exactly (counts, fixed bins) in run order.</summary>
public static class RunSummaries
{
    /// <summary>The outcomes in display order; other outcome strings found in the rows follow, sorted.</summary>
    public static IReadOnlyList<string> OutcomeOrder { get; } = ["lifted", "negotiated", "fallen", "undecided"];

    public static IReadOnlyList<string> VariantsOf(IEnumerable<RunRecord> rows) =>
        rows.Select(r => r.Variant).Distinct(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<string> OutcomesOf(IEnumerable<RunRecord> rows)
    {
        var seen = rows.Select(r => r.Outcome).ToHashSet(StringComparer.Ordinal);
        return [.. OutcomeOrder, .. seen.Except(OutcomeOrder, StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>Share of each outcome per variant, with 95 % Wilson intervals.</summary>
    public static IReadOnlyList<ShareEstimate> OutcomeShares(IReadOnlyList<RunRecord> rows, IReadOnlyList<string>? variants = null)
    {
        variants ??= VariantsOf(rows);
        var outcomes = OutcomesOf(rows);
        var result = new List<ShareEstimate>();
        foreach (var variant in variants)
        {
            var runs = rows.Where(r => r.Variant == variant).ToList();
            foreach (var outcome in outcomes)
            {
                var count = runs.LongCount(r => r.Outcome == outcome);
                var (share, low, high) = Wilson(count, runs.Count);
                result.Add(new ShareEstimate(variant, outcome, count, runs.Count, share, low, high));
            }
        }
        return result;
    }

    /// <summary>The 95 % Wilson score interval of <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
    public static (double Share, double Low, double High) Wilson(long successes, long trials)
    {
        if (trials <= 0)
        {
            return (double.NaN, double.NaN, double.NaN);
        }
        const double Z = 1.959963984540054;
        var n = (double)trials;
        var p = successes / n;
        var denominator = 1 + (Z * Z / n);
        var centre = (p + (Z * Z / (2 * n))) / denominator;
        var half = Z * Math.Sqrt((p * (1 - p) / n) + (Z * Z / (4 * n * n))) / denominator;
        return (p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>Share of runs of <paramref name="variant"/> whose close siege lasted each number of days (0 … max).</summary>
    public static IReadOnlyList<CurvePoint> CloseSiegeDayShares(IReadOnlyList<RunRecord> rows, string variant)
    {
        var runs = rows.Where(r => r.Variant == variant).Select(r => Math.Max(0, r.CloseSiegeDays)).ToList();
        if (runs.Count == 0)
        {
            return [];
        }
        var counts = new long[runs.Max() + 1];
        foreach (var days in runs)
        {
            counts[days]++;
        }
        return counts.Select((c, day) => new CurvePoint(day, (double)c / runs.Count)).ToList();
    }

    /// <summary>Share of runs of <paramref name="variant"/> still under siege at the start of each day: runs with end_hour > 24·day.</summary>
    public static IReadOnlyList<CurvePoint> Survival(IReadOnlyList<RunRecord> rows, string variant, int? lastDay = null)
    {
        var ends = rows.Where(r => r.Variant == variant).Select(r => r.EndHour).ToList();
        if (ends.Count == 0)
        {
            return [];
        }
        var days = lastDay ?? (int)Math.Ceiling(ends.Max() / 24.0);
        var sorted = ends.Order().ToArray();
        var points = new List<CurvePoint>(days + 1);
        for (var day = 0; day <= days; day++)
        {
            var hour = 24L * day;
            // runs with end > hour = total - (number of ends <= hour)
            var upTo = UpperBound(sorted, hour);
            points.Add(new CurvePoint(day, (double)(sorted.Length - upTo) / sorted.Length));
        }
        return points;
    }

    /// <summary>The loss columns drawn per variant, with their display names.</summary>
    public static IReadOnlyList<(string Name, Func<RunRecord, int> Value)> LossColumns { get; } =
    [
        ("Roman losses", r => r.RomanLosses),
        ("Avar host losses", r => r.HostLosses),
        ("Persian losses", r => r.PersianLosses),
    ];

    /// <summary>Mean losses per variant and side with 95 % intervals.</summary>
    public static IReadOnlyList<MeanEstimate> Losses(IReadOnlyList<RunRecord> rows, IReadOnlyList<string>? variants = null)
    {
        variants ??= VariantsOf(rows);
        var result = new List<MeanEstimate>();
        foreach (var variant in variants)
        {
            var runs = rows.Where(r => r.Variant == variant).ToList();
            foreach (var (name, value) in LossColumns)
            {
                result.Add(Mean(variant, name, runs.Select(value)));
            }
        }
        return result;
    }

    private static MeanEstimate Mean(string variant, string quantity, IEnumerable<int> values)
    {
        // Exact integer sums, so the result does not depend on summation order.
        long n = 0;
        Int128 sum = 0;
        Int128 squares = 0;
        foreach (var v in values)
        {
            n++;
            sum += v;
            squares += (Int128)v * v;
        }
        if (n == 0)
        {
            return new MeanEstimate(variant, quantity, 0, double.NaN, double.NaN, double.NaN);
        }
        var mean = (double)sum / n;
        var variance = n > 1 ? (double)((squares * n) - (sum * sum)) / ((double)n * (n - 1)) : 0;
        var half = 1.959963984540054 * Math.Sqrt(Math.Max(0, variance) / n);
        return new MeanEstimate(variant, quantity, n, mean, mean - half, mean + half);
    }

    private static int UpperBound(int[] sorted, long value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
