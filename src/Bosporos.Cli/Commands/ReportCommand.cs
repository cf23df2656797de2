using System.CommandLine;
using System.Globalization;
using Bosporos.Analysis.Experiments;
using Bosporos.Analysis.Exporters;
using Bosporos.Analysis.Reports;
using Bosporos.Analysis.Stores;
using Bosporos.Analysis.War;

namespace Bosporos.Cli.Commands;

/// <summary>
/// bosporos report STORE|FILE --out DIR: the HTML report with charts, paired analysis, tornado and narratives (of a siege
/// experiment), or with the war's outcomes, events, dates and paired comparison or design sections (of a war experiment).
/// </summary>
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
            if (prepared.Plan.Experiment.Mode != ExperimentMode.Paired)
            {
                // A designed experiment's statistics need every run of its design (a paired one reads the pairs it has).
                foreach (var variant in prepared.Plan.Variants)
                {
                    var held = rows.LongCount(r => r.Variant == variant);
                    if (held < prepared.Plan.RunCount)
                    {
                        return ExperimentSupport.Fail(env, ExitCodes.InvalidData,
                            string.Create(CultureInfo.InvariantCulture, $"{store} is unfinished: it holds {held:N0} of the {prepared.Plan.RunCount:N0} runs of '{variant}', and a {prepared.Plan.Experiment.ModeName} experiment is analysed over all of them."),
                            $"Finish it with 'bosporos experiment resume {ExperimentSupport.Quote(store)}', then report again.");
                    }
                }
            }

            var sections = prepared.Model is WarModel war
                ? [.. WarReportSections.Build(prepared.Plan, war, rows, only)]
                : ExperimentSections.Of(ExperimentReport.Build(prepared.Plan, prepared.Model, rows, divergence, only));
            var result = ReportWriter.Write(manifest, selected, sections, outDir, prepared.Model is WarModel ? ReportBody.SectionsOnly : ReportBody.Siege);
            env.Out.WriteLine(result.IndexPath);
            env.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"report of {rows.Count:N0} rows written with {result.ImagePaths.Count} chart files"));
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is ResultStoreException or ExportException)
        {
            return ExperimentSupport.Fail(env, ExitCodes.InvalidData, e.Message);
        }
    }
}
