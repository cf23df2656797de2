using System.CommandLine;
using System.Globalization;
using Bosporos.Analysis.Experiments;
using Bosporos.Analysis.Exporters;
using Bosporos.Analysis.Plots;
using Bosporos.Analysis.Reports;
using Bosporos.Analysis.Stores;

namespace Bosporos.Cli.Commands;

/// <summary>bosporos report STORE|FILE --out DIR: the HTML report with charts, paired analysis, tornado and narratives.</summary>
internal static class ReportCommand
{
    public static Command Build(CliEnvironment env)
    {
        var source = new Argument<string>("source")
        {
            Description = "A result store (SQLite file or postgres:// URL), or an experiment file together with --store.",
        };
        var outDir = new Option<string>("--out") { Description = "The report directory (index.html and the charts as PNG and SVG).", HelpName = "DIR", Required = true };
        var store = new Option<string?>("--store") { Description = "The store to report on when SOURCE is an experiment file.", HelpName = "STORE" };
        var experiment = new Option<string?>("--experiment")
        {
            Description = "The experiment file that made the store (default: the experiment text kept in the store).",
            HelpName = "FILE",
        };
        var noDivergence = new Option<bool>("--no-divergence") { Description = "Skip the replays that find where paired runs first part." };
        var variants = new Option<string[]>("--variant") { Description = "Report only these variants against the baseline (repeatable; default: all).", HelpName = "NAME", DefaultValueFactory = _ => [] };
        var report = new Command("report", "Write the HTML report of an experiment's result store.") { source, outDir, store, experiment, noDivergence, variants };
        report.SetAction(p =>
        {
            var s = p.GetValue(source)!;
            var isFile = s.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || s.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
            if (isFile && p.GetValue(store) is null)
            {
                return ExperimentSupport.Fail(env, ExitCodes.Usage, $"{s} is an experiment file: say which store to report on with --store STORE.");
            }

            return isFile
                ? Execute(env, p.GetValue(store)!, s, p.GetValue(outDir)!, !p.GetValue(noDivergence), p.GetValue(variants)!)
                : Execute(env, s, p.GetValue(experiment), p.GetValue(outDir)!, !p.GetValue(noDivergence), p.GetValue(variants)!);
        });
        return report;
    }

    public static int Execute(CliEnvironment env, string store, string? experimentFile, string outDir, bool divergence, IReadOnlyList<string> variants)
    {
        if (!ExperimentSupport.StoreExists(store))
        {
            return ExperimentSupport.Fail(env, ExitCodes.InvalidData, $"{store}: no such store.");
        }

        try
        {
            var (manifest, rows) = ResultExport.ReadStore(store);
            var prepared = ExperimentSupport.PrepareFromStore(env, manifest, store, experimentFile);
            if (prepared is null)
            {
                return ExitCodes.InvalidData;
            }

            if (prepared.Model is Analysis.War.WarModel)
            {
                return ExperimentSupport.Fail(env, ExitCodes.InvalidData, $"{store} holds runs of the war scenario {manifest.ScenarioId}: the HTML report covers siege experiments only.",
                    $"Print the war's {(prepared.Plan.Experiment.Mode == ExperimentMode.Paired ? "paired comparison" : prepared.Plan.Experiment.ModeName + " report")} with 'bosporos experiment resume {ExperimentSupport.Quote(store)}' (it reruns nothing when the store is complete), or export the runs with 'bosporos experiment export'.");
            }

            var diff = ExperimentRunner.Mismatches(manifest, ExperimentRunner.Manifest(prepared.Plan, prepared.Model, new RunOptions()));
            if (diff.Count > 0)
            {
                return ExperimentSupport.Fail(env, ExitCodes.InvalidData, $"{store} holds another experiment's runs: " + string.Join("; ", diff) + ".",
                    "Report with the experiment file (and engine) that made this store.");
            }

            foreach (var name in variants)
            {
                if (prepared.Plan.VariantIndex(name) < 0)
                {
                    return ExperimentSupport.Fail(env, ExitCodes.Usage, $"--variant: unknown variant '{name}'.", "Variants of this experiment: " + string.Join(", ", prepared.Plan.Variants.Skip(1)) + ".");
                }
            }

            var only = variants.Where(v => v != ExperimentDefinition.BaselineName).ToList();
            var selected = only.Count == 0 ? rows : rows.Where(r => r.Variant == ExperimentDefinition.BaselineName || only.Contains(r.Variant)).ToList();
            var analysis = ExperimentReport.Build(prepared.Plan, prepared.Model, rows, divergence, only);
            var result = ReportWriter.Write(manifest, selected, Sections(analysis), outDir);
            env.Out.WriteLine(result.IndexPath);
            env.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"report of {rows.Count:N0} rows written with {result.ImagePaths.Count} chart files"));
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is ResultStoreException or ExportException)
        {
            return ExperimentSupport.Fail(env, ExitCodes.InvalidData, e.Message);
        }
    }

    /// <summary>The engine's analysis as report sections: paired tables, uncertainty tables, tornado charts, divergence narratives.</summary>
    internal static List<ReportSection> Sections(ExperimentReport analysis)
    {
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

    private static string Pct(double v) => Analysis.Statistics.Percent.Of(v);

    private static string Share(Analysis.Statistics.Share s) => Analysis.Statistics.Percent.WithInterval(s.Value, s.Low, s.High);

    private static string Interval(Analysis.Statistics.Estimate e, double scale, string format) =>
        double.IsNaN(e.Value) ? "n/a" : F($"{(e.Value * scale).ToString("+" + format + ";-" + format + ";0", CultureInfo.InvariantCulture)} [{(e.Low * scale).ToString(format, CultureInfo.InvariantCulture)}, {(e.High * scale).ToString(format, CultureInfo.InvariantCulture)}]");
}
