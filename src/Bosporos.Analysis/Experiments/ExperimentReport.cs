using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bosporos.Analysis.Stores;

namespace Bosporos.Analysis.Experiments;

public sealed record DivergenceSection(string Variant, IReadOnlyList<Divergence> Pairs);

/// <summary>Everything an experiment reports, by mode. Sections that do not apply are null or empty.</summary>
public sealed record ExperimentReport(
    string ExperimentId,
    string ScenarioId,
    string Mode,
    ulong MasterSeed,
    long RunsPerVariant,
    string? Digest,
    PairedReport? Paired,
    IReadOnlyList<DivergenceSection> Divergences,
    UncertaintyReport? Uncertainty,
    SensitivityReport? Sensitivity)
{
    /// <summary>Analyses the rows of a store for the plan's mode; divergence replays need the model.</summary>
    public static ExperimentReport Build(RunPlan plan, ISiegeModel model, IReadOnlyList<RunRecord> rows, bool divergence, IReadOnlyCollection<string>? onlyVariants = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rows);
        var e = plan.Experiment;
        var selected = onlyVariants is { Count: > 0 } ? rows.Where(r => r.Variant == ExperimentDefinition.BaselineName || onlyVariants.Contains(r.Variant)).ToList() : rows;
        var runs = rows.Where(r => r.Variant == ExperimentDefinition.BaselineName).LongCount();
        PairedReport? paired = null;
        UncertaintyReport? uncertainty = null;
        SensitivityReport? sensitivity = null;
        var divergences = new List<DivergenceSection>();
        switch (e.Mode)
        {
            case ExperimentMode.Paired:
                var exp = onlyVariants is { Count: > 0 } ? e with { Variants = [.. e.Variants.Where(v => onlyVariants.Contains(v.Name))] } : e;
                paired = PairedAnalysis.Analyze(exp, selected);
                if (divergence)
                {
                    foreach (var v in exp.Variants)
                    {
                        var sample = FirstDivergence.Sample(selected, v.Name, e.Record.DivergencePairs, e.Record.AgreeingPairs);
                        divergences.Add(new DivergenceSection(v.Name, FirstDivergence.Find(plan, model, v.Name, sample)));
                    }
                }

                break;
            case ExperimentMode.Uncertainty:
                uncertainty = UncertaintyAnalysis.Analyze(plan, rows);
                break;
            default:
                sensitivity = SensitivityAnalysis.Analyze(plan, rows);
                break;
        }

        return new ExperimentReport(e.Id, model.ScenarioId, e.ModeName, e.MasterSeed, runs, ExperimentDigest.Compute(rows), paired, divergences, uncertainty, sensitivity)
        {
            Branch = model is Branching.BranchSiegeModel branch ? Branching.BranchReport.Build(branch, plan.Variants, selected) : null,
        };
    }

    /// <summary>A branch experiment's starting point and the end dates of its arms; null for other experiments.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Branching.BranchReport? Branch { get; init; }
}

/// <summary>Writes reports as aligned text tables (for people) or JSON (for programs).</summary>
public static class ExperimentReportWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static void WriteJson(ExperimentReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(JsonSerializer.Serialize(report, Json));
    }

    public static void WriteText(ExperimentReport report, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine(F($"Experiment {report.ExperimentId} on {report.ScenarioId}: {report.Mode}, master seed {report.MasterSeed}, {report.RunsPerVariant} runs per variant"));
        if (report.Digest is not null)
        {
            w.WriteLine("Result digest: " + report.Digest);
        }

        report.Branch?.WriteText(w);
        if (report.Paired is { } p)
        {
            WritePaired(p, w);
        }

        WriteDivergences(report.Divergences, w);
        if (report.Branch is not null)
        {
            // A value the run has already turned into its state (men present, hulls on station) changes nothing from the branch hour on.
            foreach (var inert in report.Divergences.Where(d => d.Pairs.Count > 0 && d.Pairs.All(p => p.Hour is null)))
            {
                w.WriteLine(F($"  Note: with {inert.Variant} no replayed pair ever parts from the baseline. What it changes may already be spent at {report.Branch.AtText} (men present, hulls on station, morale reached are the run's state by then); an order at that hour (orders.KIND.ZONE=VALUE) changes the state itself."));
            }
        }

        if (report.Uncertainty is { } u)
        {
            WriteUncertainty(u, w);
        }

        if (report.Sensitivity is { } s)
        {
            WriteSensitivity(s, w);
        }
    }

    private static void WritePaired(PairedReport p, TextWriter w)
    {
        w.WriteLine();
        w.WriteLine("Baseline (" + p.BaselineRuns.ToString(CultureInfo.InvariantCulture) + " runs): " + string.Join(", ", p.BaselineShares.Select(s => $"{s.Outcome} {ShareText(s.Share)}")));
        foreach (var c in p.Comparisons)
        {
            w.WriteLine();
            w.WriteLine(F($"Variant {c.Variant}{(c.Description is null ? string.Empty : " — " + c.Description)}: {c.Pairs} pairs, {c.DiscordantPairs} end differently"));
            w.WriteLine(F($"  {"outcome",-12} {"baseline",-24} {"variant",-24} change, points [95% CI]"));
            foreach (var s in c.Shares)
            {
                var flag = s.Difference.ExcludesZero ? " *" : string.Empty;
                w.WriteLine(F($"  {s.Outcome,-12} {ShareText(s.Baseline),-24} {ShareText(s.Variant),-24} {Points(s.Difference.Value)} [{Points(s.Difference.Low)}, {Points(s.Difference.High)}]{flag}"));
            }

            w.WriteLine(F($"  median close-siege days {Num(c.BaselineMedianCloseSiegeDays)} -> {Num(c.VariantMedianCloseSiegeDays)}: change {Signed(c.MedianCloseSiegeDaysChange.Value)} [{Signed(c.MedianCloseSiegeDaysChange.Low)}, {Signed(c.MedianCloseSiegeDaysChange.High)}] (paired bootstrap)"));
            foreach (var q in c.Quantities)
            {
                var flag = q.Difference.ExcludesZero ? " *" : string.Empty;
                w.WriteLine(F($"  mean {QuantityName(q.Quantity)} {Num(q.BaselineMean)} -> {Num(q.VariantMean)}: change {Signed(q.Difference.Value)} [{Signed(q.Difference.Low)}, {Signed(q.Difference.High)}]{flag}"));
            }
        }

        if (p.Comparisons.Count > 0)
        {
            w.WriteLine("  (* the 95% interval of the change excludes zero)");
        }
    }

    /// <summary>
    /// The first divergences of each variant, summarised: pairs that part at the same moment over the same two events
    /// are one line, with how their runs end and a few run indices (every pair in detail: the HTML report).
    /// </summary>
    internal static void WriteDivergences(IReadOnlyList<DivergenceSection> sections, TextWriter w)
    {
        const int MaxPartings = 4;
        const int MaxRuns = 5;
        foreach (var section in sections)
        {
            w.WriteLine();
            var differ = section.Pairs.Count(d => d.BaselineOutcome != d.VariantOutcome);
            w.WriteLine(F($"Where baseline and {section.Variant} part: {section.Pairs.Count} paired runs replayed, {differ} ending differently"));
            if (section.Pairs.Count == 0)
            {
                w.WriteLine("  (no paired runs to replay)");
                continue;
            }

            var partings = section.Pairs
                .GroupBy(d => (d.Hour, d.BaselineEvent, d.VariantEvent))
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Hour ?? int.MaxValue)
                .ToList();
            foreach (var parting in partings.Take(MaxPartings))
            {
                var pairs = parting.ToList();
                var count = pairs.Count == section.Pairs.Count ? $"all {pairs.Count}" : pairs.Count.ToString(CultureInfo.InvariantCulture);
                w.WriteLine(parting.Key.Hour is { } hour
                    ? $"  {count} part on {EventSentence.When(hour)}: in the baseline, {parting.Key.BaselineEvent ?? "nothing more happens"}; with {section.Variant}, {parting.Key.VariantEvent ?? "nothing more happens"}."
                    : $"  {count} never part: the two histories are identical.");
                var endings = pairs
                    .GroupBy(d => d.BaselineOutcome == d.VariantOutcome ? $"both end {d.BaselineOutcome}" : $"the baseline ends {d.BaselineOutcome}, {section.Variant} {d.VariantOutcome}")
                    .OrderByDescending(g => g.Count())
                    .Select(g =>
                    {
                        var runs = g.Select(d => d.RunIndex).Order().ToList();
                        var shown = string.Join(", ", runs.Take(MaxRuns).Select(k => k.ToString(CultureInfo.InvariantCulture))) + (runs.Count > MaxRuns ? ", ..." : string.Empty);
                        return F($"{g.Key} in {g.Count()} (run{(runs.Count == 1 ? string.Empty : "s")} {shown})");
                    });
                w.WriteLine("    then " + string.Join("; ", endings) + ".");
            }

            if (partings.Count > MaxPartings)
            {
                var rest = partings.Skip(MaxPartings).Sum(g => g.Count());
                var ways = partings.Count - MaxPartings;
                w.WriteLine(F($"  {rest} more {(rest == 1 ? "pair parts" : "pairs part")} in {ways} other {(ways == 1 ? "way" : "ways")}."));
            }
        }

        if (sections.Count > 0)
        {
            w.WriteLine("  (every pair in detail: bosporos report STORE)");
        }
    }

    /// <summary>A metric's description for people ("Roman losses (men)"), or the name when it has none.</summary>
    private static string QuantityName(string name) => Metrics.Find(name)?.Description ?? name;

    private static void WriteUncertainty(UncertaintyReport u, TextWriter w)
    {
        w.WriteLine();
        w.WriteLine(F($"Uncertainty: {u.Draws} Latin hypercube draws of {u.Parameters.Count} numbers x {u.SeedsPerDraw} seeds each"));
        w.WriteLine("  sampled: " + string.Join(", ", u.Parameters));
        foreach (var v in u.Variants)
        {
            w.WriteLine();
            w.WriteLine($"  {v.Variant}:");
            var width = v.Outputs.Select(o => o.Output.Length).Append(18).Max();
            w.WriteLine(F($"    {"output".PadRight(width)} {"mean",10} {"draws 5%",10} {"50%",10} {"95%",10}   variance from inputs / chance"));
            foreach (var o in v.Outputs)
            {
                var fmt = o.IsShare ? (Func<double, string>)Pct : Num;
                w.WriteLine(F($"    {o.Output.PadRight(width)} {fmt(o.Mean),10} {fmt(o.DrawMeanP05),10} {fmt(o.DrawMeanP50),10} {fmt(o.DrawMeanP95),10}   {Pct(o.Split.InputShare)} / {Pct(1 - o.Split.InputShare)}"));
            }
        }
    }

    private static void WriteSensitivity(SensitivityReport s, TextWriter w)
    {
        w.WriteLine();
        w.WriteLine(F($"Sensitivity ({s.Method}): {s.Points} design points x {s.SeedsPerPoint} seeds (common to every point)"));
        foreach (var v in s.Variants)
        {
            foreach (var o in v.Outputs)
            {
                w.WriteLine();
                w.WriteLine($"  {v.Variant}, {o.Output}: which numbers decide it");
                w.WriteLine(F($"    {"#",3} {"number",-44} {o.ScoreName,-22} {o.SecondaryName,8} {"swing",10}  range, reliability, source"));
                foreach (var r in o.Ranking)
                {
                    var score = double.IsNaN(r.ScoreLow) ? Num(r.Score) : F($"{Num(r.Score)} [{Num(r.ScoreLow)}, {Num(r.ScoreHigh)}]");
                    w.WriteLine(F($"    {r.Rank,3} {r.Path,-44} {score,-22} {Num(r.Secondary),8} {Num(r.Swing),10}  [{r.Low}, {r.High}], {r.Reliability.ToString().ToLowerInvariant()}, {r.Source ?? "uncited"}"));
                }

                w.WriteLine("    tornado (output with the number at its low / high end, others at their scenario values):");
                foreach (var t in o.Tornado)
                {
                    w.WriteLine(F($"      {t.Path,-44} {t.Low} -> {Num(t.AtLow)}   {t.High} -> {Num(t.AtHigh)}   (nominal {Num(t.Nominal)})"));
                }
            }
        }
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string ShareText(Statistics.Share s) => Statistics.Percent.WithInterval(s.Value, s.Low, s.High);

    private static string Pct(double v) => Statistics.Percent.Of(v);

    private static string Points(double v) => double.IsNaN(v) ? "n/a" : (v * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);

    private static string Num(double v) => double.IsNaN(v) ? "n/a" : v.ToString(NumberFormat(v), CultureInfo.InvariantCulture);

    private static string Signed(double v)
    {
        if (double.IsNaN(v))
        {
            return "n/a";
        }

        var format = NumberFormat(v);
        return v.ToString($"+{format};-{format};0", CultureInfo.InvariantCulture);
    }

    /// <summary>Digits a reader can use: thousands grouped and no decimals from 100 up, one decimal from 10, two below.</summary>
    internal static string NumberFormat(double v) => Math.Abs(v) switch
    {
        >= 100 => "#,##0",
        >= 10 => "#,##0.0",
        _ => "0.##",
    };
}
