using Bosporos.Analysis.Statistics;
using Bosporos.Analysis.Stores;

namespace Bosporos.Analysis.Experiments;

/// <summary>One outcome's share in the baseline and in the variant, and the paired difference (variant − baseline).</summary>
public sealed record ShareChange(string Outcome, Share Baseline, Share Variant, Estimate Difference);

/// <summary>A numeric quantity's mean in both arms and the paired mean difference.</summary>
public sealed record QuantityChange(string Quantity, double BaselineMean, double VariantMean, Estimate Difference);

/// <summary>One variant against the baseline, over the runs both have (same seeds).</summary>
public sealed record VariantComparison(
    string Variant,
    string? Description,
    long Pairs,
    long DiscordantPairs,
    IReadOnlyList<ShareChange> Shares,
    double BaselineMedianCloseSiegeDays,
    double VariantMedianCloseSiegeDays,
    Estimate MedianCloseSiegeDaysChange,
    IReadOnlyList<QuantityChange> Quantities);

/// <summary>An outcome's share of runs.</summary>
public sealed record OutcomeShare(string Outcome, Share Share);

public sealed record PairedReport(IReadOnlyList<OutcomeShare> BaselineShares, long BaselineRuns, IReadOnlyList<VariantComparison> Comparisons);

/// <summary>
/// Paired comparison of each variant with the baseline. Run k of every arm used the same seed, so per-run differences
/// remove the dice both share. Shares: the per-run difference of outcome indicators, mean ± 1.96·sd/√n (the
/// normal interval for a paired difference of proportions; Newcombe's hybrid score interval is an alternative for
/// very small n or shares near 0 or 1). Median close-siege days: paired percentile bootstrap. Losses: mean paired
/// difference ± 1.96·sd/√n.
/// </summary>
public static class PairedAnalysis
{
    private static readonly string[] Quantities = ["roman-losses", "host-losses", "persian-losses", "assault-attacker-losses", "assault-defender-losses", "persians-ferried"];

    public static PairedReport Analyze(ExperimentDefinition experiment, IEnumerable<RunRecord> rows, int bootstrapReplicates = Bootstrap.DefaultReplicates)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(rows);
        var byVariant = Group(rows);
        var baseline = byVariant.GetValueOrDefault(ExperimentDefinition.BaselineName) ?? [];
        var baseShares = Metrics.OutcomeNames.Select(o => new OutcomeShare(o, ShareOf(baseline.Values, o))).ToList();
        var comparisons = new List<VariantComparison>();
        for (var i = 0; i < experiment.Variants.Count; i++)
        {
            var def = experiment.Variants[i];
            var variant = byVariant.GetValueOrDefault(def.Name) ?? [];
            var keys = baseline.Keys.Where(variant.ContainsKey).Order().ToArray();
            var b = keys.Select(k => baseline[k]).ToArray();
            var v = keys.Select(k => variant[k]).ToArray();
            comparisons.Add(Compare(def.Name, def.Description, b, v, UnitUniform.Stream(experiment.MasterSeed, Experiments.RunPlan.BootstrapSalt, (ulong)i + 1), bootstrapReplicates));
        }

        return new PairedReport(baseShares, baseline.Count, comparisons);
    }

    /// <summary>Compares two run-aligned arms (b[i] and v[i] share a seed).</summary>
    public static VariantComparison Compare(string name, string? description, IReadOnlyList<RunRecord> b, IReadOnlyList<RunRecord> v, Kernel.Randomness.RandomStream stream, int bootstrapReplicates = Bootstrap.DefaultReplicates)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(v);
        var n = b.Count;
        var shares = new List<ShareChange>();
        foreach (var outcome in Metrics.OutcomeNames)
        {
            var d = new double[n];
            for (var k = 0; k < n; k++)
            {
                d[k] = (v[k].Outcome == outcome ? 1 : 0) - (b[k].Outcome == outcome ? 1 : 0);
            }

            shares.Add(new ShareChange(outcome, ShareOf(b, outcome), ShareOf(v, outcome), PairedDifference.OfShares(d)));
        }

        var bDays = b.Select(r => (double)r.CloseSiegeDays).ToArray();
        var vDays = v.Select(r => (double)r.CloseSiegeDays).ToArray();
        var median = n == 0 ? new Estimate(double.NaN, double.NaN, double.NaN, 0) : Bootstrap.MedianDifference(bDays, vDays, stream, bootstrapReplicates);
        var quantities = new List<QuantityChange>();
        foreach (var q in Quantities)
        {
            var metric = Metrics.Find(q)!;
            var bq = b.Select(metric.Read).ToArray();
            var vq = v.Select(metric.Read).ToArray();
            quantities.Add(new QuantityChange(q, Descriptive.Mean(bq), Descriptive.Mean(vq), PairedDifference.Of(bq, vq)));
        }

        var discordant = Enumerable.Range(0, n).LongCount(k => b[k].Outcome != v[k].Outcome);
        return new VariantComparison(name, description, n, discordant, shares, Descriptive.Median(bDays), Descriptive.Median(vDays), median, quantities);
    }

    internal static Dictionary<string, SortedDictionary<long, RunRecord>> Group(IEnumerable<RunRecord> rows)
    {
        var result = new Dictionary<string, SortedDictionary<long, RunRecord>>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (!result.TryGetValue(r.Variant, out var map))
            {
                map = [];
                result[r.Variant] = map;
            }

            map[r.RunIndex] = r;
        }

        return result;
    }

    private static Share ShareOf(IEnumerable<RunRecord> rows, string outcome)
    {
        long count = 0, total = 0;
        foreach (var r in rows)
        {
            total++;
            if (r.Outcome == outcome)
            {
                count++;
            }
        }

        return ShareInterval.Wilson(count, total);
    }
}
