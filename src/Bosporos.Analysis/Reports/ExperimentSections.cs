using System.Globalization;
using Bosporos.Analysis.Experiments;
using Bosporos.Analysis.Plots;

namespace Bosporos.Analysis.Reports;

/// <summary>An experiment's analysis (<see cref="ExperimentReport"/>) as sections of the HTML report.</summary>
public static class ExperimentSections
{
    /// <summary>The engine's analysis as report sections: paired tables, uncertainty tables, tornado charts, divergence narratives.</summary>
    public static List<ReportSection> Of(ExperimentReport analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var sections = new List<ReportSection>();
        if (analysis.Branch is { } branch)
        {
            sections.Add(new TableSection(
                $"Branched at {branch.AtText}: when the siege ended",
                ["arm", "runs", "10%", "median", "90%"],
                branch.EndDates.Select(e => (IReadOnlyList<string>)[e.Variant, F($"{e.Runs:N0}"), e.P10, e.Median, e.P90]).ToList(),
                F($"Every arm goes on from {branch.AtText} (hour {branch.AtHour}) of {branch.Replay} (seed {branch.ReplaySeed}), run k with sample key k; the replay itself ends {branch.ReplayOutcome} at {branch.ReplayEnd}.")));
        }

        if (analysis.Paired is { } paired)
        {
            foreach (var c in paired.Comparisons)
            {
                var rows = c.Shares.Select(s => (IReadOnlyList<string>)[s.Outcome, Share(s.Baseline), Share(s.Variant), Interval(s.Difference, 100, "0.0")]).ToList();
                rows.Add(["median close-siege days", Num(c.BaselineMedianCloseSiegeDays), Num(c.VariantMedianCloseSiegeDays), Interval(c.MedianCloseSiegeDaysChange, 1, "0.#")]);
                rows.AddRange(c.Quantities.Select(q => (IReadOnlyList<string>)["mean " + q.Quantity, Num(q.BaselineMean), Num(q.VariantMean), Interval(q.Difference, 1, "0.#")]));
                sections.Add(new TableSection(
                    $"Paired analysis: {c.Variant} against the baseline",
                    ["", "baseline [95%]", c.Variant + " [95%]", "change [95% interval]"],
                    rows,
                    F($"{c.Description ?? c.Variant}. {c.Pairs:N0} pairs with the same seeds, {c.DiscordantPairs:N0} ending differently. Share changes are in percentage points.")));
            }
        }

        if (analysis.Uncertainty is { } u)
        {
            foreach (var v in u.Variants)
            {
                sections.Add(new TableSection(
                    $"Uncertainty: {v.Variant}",
                    ["output", "mean", "draws 5%", "50%", "95%", "variance from inputs"],
                    v.Outputs.Select(o => (IReadOnlyList<string>)[o.Output, Num(o.Mean), Num(o.DrawMeanP05), Num(o.DrawMeanP50), Num(o.DrawMeanP95), Pct(o.Split.InputShare)]).ToList(),
                    F($"{u.Draws} Latin hypercube draws of {u.Parameters.Count} numbers, {u.SeedsPerDraw} seeds each.")));
            }
        }

        if (analysis.Sensitivity is { } s)
        {
            foreach (var v in s.Variants)
            {
                foreach (var o in v.Outputs)
                {
                    if (o.Tornado.Count > 0)
                    {
                        sections.Add(new TornadoSection(
                            $"Tornado ({s.Method}): {v.Variant}, {o.Output}",
                            o.Tornado.Select(t => new TornadoEffect(t.Path, t.AtLow - t.Nominal, t.AtHigh - t.Nominal)).ToList(),
                            "change in " + o.Output));
                    }

                    sections.Add(new TableSection(
                        $"Ranking ({s.Method}): {v.Variant}, {o.Output}",
                        ["#", "number", o.ScoreName, o.SecondaryName, "range", "source"],
                        o.Ranking.Select(r => (IReadOnlyList<string>)[F($"{r.Rank}"), r.Path, Num(r.Score), Num(r.Secondary), F($"[{r.Low}, {r.High}]"), r.Source ?? "uncited"]).ToList()));
                }
            }
        }

        foreach (var d in analysis.Divergences)
        {
            sections.Add(new NarrativeSection(
                $"Where baseline and {d.Variant} part",
                d.Pairs.Select(p => new DivergenceNarrative(d.Variant, p.RunIndex, p.Seed, p.Sentence, new[] { p.BaselineEvent, p.VariantEvent }.OfType<string>().ToList())).ToList()));
        }

        return sections;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Num(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Pct(double v) => Statistics.Percent.Of(v);

    private static string Share(Statistics.Share s) => Statistics.Percent.WithInterval(s.Value, s.Low, s.High);

    private static string Interval(Statistics.Estimate e, double scale, string format) =>
        double.IsNaN(e.Value) ? "n/a" : F($"{(e.Value * scale).ToString("+" + format + ";-" + format + ";0", CultureInfo.InvariantCulture)} [{(e.Low * scale).ToString(format, CultureInfo.InvariantCulture)}, {(e.High * scale).ToString(format, CultureInfo.InvariantCulture)}]");
}
