using System.Globalization;
using System.Text.Json;
using Bosporos.Analysis.Experiments;
using Bosporos.Analysis.Statistics;
using Bosporos.Analysis.Stores;

namespace Bosporos.Analysis.War;

/// <summary>An indicator's share in both arms and the paired difference of the indicators (variant − baseline).</summary>
public sealed record WarShareChange(string Name, string Description, Share Baseline, Share Variant, Estimate Difference);

/// <summary>A number's mean in both arms and the paired mean difference, over the pairs where both arms have it.</summary>
public sealed record WarQuantityChange(string Name, string Description, double BaselineMean, double VariantMean, Estimate Difference);

/// <summary>One variant of a war against the baseline, over the runs both have (same seeds).</summary>
public sealed record WarVariantComparison(
    string Variant,
    string? Description,
    long Pairs,
    long DiscordantPairs,
    IReadOnlyList<WarShareChange> Outcomes,
    IReadOnlyList<WarShareChange> Shares,
    IReadOnlyList<WarQuantityChange> Quantities);

/// <summary>The paired analysis of a war experiment.</summary>
public sealed record WarReport(
    string ExperimentId,
    string ScenarioId,
    ulong MasterSeed,
    long BaselineRuns,
    IReadOnlyList<(string Outcome, Share Share)> BaselineOutcomes,
    IReadOnlyList<(WarMeasure Measure, Share Share)> BaselineShares,
    IReadOnlyList<WarVariantComparison> Comparisons);

/// <summary>
/// Paired comparison of each variant of a war with the baseline: run k of every arm used the same seed, so the
/// per-run differences remove the dice both share. The intervals are those of the siege experiments (Wilson for a
/// share, mean ± 1.96·sd/√n for a paired difference, cut to [-1, 1] for a difference of shares: <see cref="ShareInterval"/>, <see cref="PairedDifference"/>).
/// </summary>
public static class WarComparison
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static WarReport Analyze(ExperimentDefinition experiment, string scenarioId, IEnumerable<RunRecord> rows)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(rows);
        var byVariant = PairedAnalysis.Group(rows);
        var baseline = byVariant.GetValueOrDefault(ExperimentDefinition.BaselineName) ?? [];
        var baseRows = baseline.Values.ToArray();
        var outcomes = WarMeasures.OutcomeNames.Select(o => (o, ShareOf(baseRows.Select(r => r.Outcome == o ? 1.0 : 0.0)))).ToList();
        var shares = WarMeasures.All.Where(m => m.IsShare).Select(m => (m, ShareOf(baseRows.Select(r => Read(r, m))))).ToList();
        var comparisons = new List<WarVariantComparison>();
        foreach (var def in experiment.Variants)
        {
            var variant = byVariant.GetValueOrDefault(def.Name) ?? [];
            var keys = baseline.Keys.Where(variant.ContainsKey).Order().ToArray();
            comparisons.Add(Compare(def.Name, def.Description, keys.Select(k => baseline[k]).ToArray(), keys.Select(k => variant[k]).ToArray()));
        }

        return new WarReport(experiment.Id, scenarioId, experiment.MasterSeed, baseRows.Length, outcomes, shares, comparisons);
    }

    /// <summary>Compares two run-aligned arms (b[i] and v[i] share a seed).</summary>
    public static WarVariantComparison Compare(string name, string? description, IReadOnlyList<RunRecord> b, IReadOnlyList<RunRecord> v)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(v);
        if (b.Count != v.Count)
        {
            throw new ArgumentException("Paired arms must have the same length.", nameof(v));
        }

        WarShareChange Indicator(string measure, string text, Func<RunRecord, double> read)
        {
            var bx = b.Select(read).ToArray();
            var vx = v.Select(read).ToArray();
            return new WarShareChange(measure, text, ShareOf(bx), ShareOf(vx), PairedDifference.OfShares(vx.Zip(bx, (x, y) => x - y).ToArray()));
        }

        var outcomes = WarMeasures.OutcomeNames.Select(o => Indicator(o, "war ends: " + o, r => r.Outcome == o ? 1 : 0)).ToList();
        var shares = WarMeasures.All.Where(m => m.IsShare).Select(m => Indicator(m.Name, m.Description, r => Read(r, m))).ToList();
        var quantities = new List<WarQuantityChange>();
        foreach (var m in WarMeasures.All.Where(m => !m.IsShare))
        {
            // A day that never came (-1) is no number: such pairs are left out of the means and the difference.
            var pairs = Enumerable.Range(0, b.Count).Where(k => !m.OnlyWhenSet || (Read(b[k], m) >= 0 && Read(v[k], m) >= 0)).ToArray();
            var bq = pairs.Select(k => Read(b[k], m)).ToArray();
            var vq = pairs.Select(k => Read(v[k], m)).ToArray();
            quantities.Add(new WarQuantityChange(m.Name, m.Description,
                bq.Length == 0 ? double.NaN : Descriptive.Mean(bq), vq.Length == 0 ? double.NaN : Descriptive.Mean(vq), PairedDifference.Of(bq, vq)));
        }

        var discordant = Enumerable.Range(0, b.Count).LongCount(k => b[k].Outcome != v[k].Outcome);
        return new WarVariantComparison(name, description, b.Count, discordant, outcomes, shares, quantities);
    }

    private static double Read(RunRecord r, WarMeasure m) => r.Measures.TryGetValue(m.Name, out var x) ? x : double.NaN;

    private static Share ShareOf(IEnumerable<double> indicators)
    {
        long count = 0, total = 0;
        foreach (var x in indicators)
        {
            if (double.IsNaN(x))
            {
                continue;
            }

            total++;
            count += x > 0 ? 1 : 0;
        }

        return ShareInterval.Wilson(count, total);
    }

    /// <summary>The report for people: each variant's shares and numbers beside the baseline's, with 95% intervals.</summary>
    public static void WriteText(WarReport report, TextWriter o)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(o);
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.ExperimentId}: paired war experiment on {report.ScenarioId}, master seed {report.MasterSeed}"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"baseline: {report.BaselineRuns:N0} runs"));
        foreach (var (outcome, share) in report.BaselineOutcomes)
        {
            o.WriteLine($"  {outcome,-30} {Percent.WithInterval(share.Value, share.Low, share.High)}");
        }

        foreach (var c in report.Comparisons)
        {
            o.WriteLine();
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{c.Variant} vs baseline{(c.Description is null ? string.Empty : " (" + c.Description + ")")}: {c.Pairs:N0} pairs, the war ends otherwise in {c.DiscordantPairs:N0}"));
            o.WriteLine($"  {"share of runs",-30} {"baseline",10} {"variant",10}  difference, points [95%]");
            foreach (var s in c.Outcomes.Concat(c.Shares))
            {
                o.WriteLine($"  {s.Name,-30} {Percent.Of(s.Baseline.Value),10} {Percent.Of(s.Variant.Value),10}  {Points(s.Difference)}");
            }

            o.WriteLine($"  {"mean",-30} {"baseline",10} {"variant",10}  difference [95%]");
            foreach (var q in c.Quantities)
            {
                o.WriteLine($"  {q.Name,-30} {Number(q.BaselineMean),10} {Number(q.VariantMean),10}  {Difference(q.Difference)}");
            }
        }

        o.WriteLine();
        o.WriteLine("Shares: Wilson 95% intervals in the JSON output; differences: paired, mean ± 1.96·sd/√n. Days count from the scenario's first day;");
        o.WriteLine("a day that never came (-1) leaves its pair out of that mean. The measures are described in docs/war.md.");
    }

    /// <summary>The same report as one JSON object (NaN written as null).</summary>
    public static void WriteJson(WarReport report, TextWriter o)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(o);
        static object? N(double x) => double.IsNaN(x) ? null : Math.Round(x, 6);
        static Dictionary<string, object?> S(Share s) => new() { ["count"] = s.Count, ["of"] = s.Total, ["share"] = N(s.Value), ["ci95"] = new[] { N(s.Low), N(s.High) } };
        static Dictionary<string, object?> E(Estimate e) => new() { ["value"] = N(e.Value), ["ci95"] = new[] { N(e.Low), N(e.High) }, ["pairs"] = e.Count };
        var json = new Dictionary<string, object?>
        {
            ["experiment"] = report.ExperimentId,
            ["scenario"] = report.ScenarioId,
            ["mode"] = "paired",
            ["masterSeed"] = report.MasterSeed,
            ["baseline"] = new Dictionary<string, object?>
            {
                ["runs"] = report.BaselineRuns,
                ["outcomes"] = report.BaselineOutcomes.ToDictionary(x => x.Outcome, x => (object?)S(x.Share)),
                ["shares"] = report.BaselineShares.ToDictionary(x => x.Measure.Name, x => (object?)S(x.Share)),
            },
            ["variants"] = report.Comparisons.Select(c => new Dictionary<string, object?>
            {
                ["name"] = c.Variant,
                ["description"] = c.Description,
                ["pairs"] = c.Pairs,
                ["discordantPairs"] = c.DiscordantPairs,
                ["outcomes"] = c.Outcomes.ToDictionary(s => s.Name, s => (object?)new Dictionary<string, object?> { ["baseline"] = S(s.Baseline), ["variant"] = S(s.Variant), ["difference"] = E(s.Difference) }),
                ["shares"] = c.Shares.ToDictionary(s => s.Name, s => (object?)new Dictionary<string, object?> { ["baseline"] = S(s.Baseline), ["variant"] = S(s.Variant), ["difference"] = E(s.Difference) }),
                ["means"] = c.Quantities.ToDictionary(q => q.Name, q => (object?)new Dictionary<string, object?> { ["baseline"] = N(q.BaselineMean), ["variant"] = N(q.VariantMean), ["difference"] = E(q.Difference) }),
            }).ToArray(),
        };
        o.WriteLine(JsonSerializer.Serialize(json, Indented));
    }

    internal static string Points(Estimate e) => double.IsNaN(e.Value)
        ? "n/a"
        : string.Create(CultureInfo.InvariantCulture, $"{100 * e.Value:+0.0;-0.0;0.0} [{100 * e.Low:+0.0;-0.0;0.0}, {100 * e.High:+0.0;-0.0;0.0}]");

    internal static string Difference(Estimate e) => double.IsNaN(e.Value)
        ? "n/a"
        : string.Create(CultureInfo.InvariantCulture, $"{e.Value:+#,0.#;-#,0.#;0} [{e.Low:+#,0.#;-#,0.#;0}, {e.High:+#,0.#;-#,0.#;0}]");

    internal static string Number(double x) => double.IsNaN(x) ? "-" : x.ToString("#,0.#", CultureInfo.InvariantCulture);
}
