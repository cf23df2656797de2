using System.CommandLine;
using System.Globalization;
using Bosporos.Analysis.Branching;
using Bosporos.Analysis.Experiments;
using Bosporos.Analysis.Stores;
using Bosporos.Scenarios.Narrative;

namespace Bosporos.Cli.Commands;

internal sealed record BranchRequest(string Replay, string At, IReadOnlyList<VariantSpec> Variants, long Runs, int Threads, bool Json, string Store);

/// <summary>
/// bosporos experiment branch REPLAY --at DATE --variant NAME:path=value,... --runs N --out STORE: a paired experiment
/// that starts every arm from the replay's run at one hour.
/// </summary>
internal static class BranchCommand
{
    public static Command Build(CliEnvironment env)
    {
        var replay = new Argument<string>("replay") { Description = "A replay file (written by 'bosporos run ... --replay FILE')." };
        var at = new Option<string>("--at")
        {
            Description = "The moment to branch at, as the chronicle dates it (Julian calendar), e.g. 626-08-03T06:00: the hours before it are the replay's, that hour is the first each arm plays with its own dice.",
            HelpName = "DATE",
            Required = true,
        };
        var variants = new Option<string[]>("--variant")
        {
            Description = "A variant: NAME:path=value[,path=value]... (repeatable), applied on top of the replay's own overrides from the branch hour on.",
            HelpName = "NAME:path=value,...",
            DefaultValueFactory = _ => [],
            AllowMultipleArgumentsPerToken = false,
        };
        var runs = CliOptions.Runs($"Runs per arm (baseline included); run k of every arm uses sample key k (1 to {CliOptions.MaxRuns:N0}).", required: false, fallback: 1000);
        var threads = ExperimentCommand.ThreadsOption();
        var format = ExperimentCommand.FormatOption();
        var store = ExperimentCommand.StoreOption("Where the runs go (created if missing; runs already there are kept and skipped).");
        var command = new Command("branch", "Branch a replay at one hour into a paired experiment: the baseline and each variant go on from that hour with the same dice.")
        {
            replay, at, variants, runs, threads, format, store,
        };
        command.SetAction(p =>
        {
            var specs = new List<VariantSpec>();
            foreach (var text in p.GetValue(variants)!)
            {
                if (!CompareCommand.TryParseVariant(text, out var spec, out var problem))
                {
                    return ExperimentSupport.Fail(env, ExitCodes.Usage, $"--variant '{text}': {problem}", "Write NAME:path=value[,path=value]..., e.g. no-light-craft:flotillas.roman-light-craft.hulls=0.");
                }

                specs.Add(spec!);
            }

            var duplicate = specs.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1 || g.Key == ExperimentDefinition.BaselineName);
            if (duplicate is not null)
            {
                return ExperimentSupport.Fail(env, ExitCodes.Usage, $"--variant: the name '{duplicate.Key}' is {(duplicate.Key == ExperimentDefinition.BaselineName ? "reserved for the replay's own continuation" : "given twice")}.");
            }

            return Execute(env, new BranchRequest(p.GetValue(replay)!, p.GetValue(at)!, specs, p.GetValue(runs), p.GetValue(threads), p.GetValue(format) == "json", p.GetValue(store)!));
        });
        return command;
    }

    public static int Execute(CliEnvironment env, BranchRequest request)
    {
        // The moment's syntax first: it needs no file.
        if (!JulianDates.TryParseDate(request.At, out _, out _, out var problem))
        {
            return ExperimentSupport.Fail(env, ExitCodes.Usage, "--at " + problem, "Write the moment as the chronicle dates it, in the Julian calendar: --at 626-08-03T06:00.");
        }

        var opened = BranchPoint.Open(request.Replay, request.At);
        if (opened.Point is not { } point)
        {
            foreach (var d in opened.Diagnostics)
            {
                Loading.Print(env.Error, d);
            }

            return opened.Problem == BranchProblem.Moment ? ExitCodes.Usage : ExitCodes.InvalidData;
        }

        if (ExperimentSupport.PrepareNewStore("--out", request.Store) is { } bad)
        {
            return ExperimentSupport.Fail(env, ExitCodes.Usage, bad);
        }

        var text = BranchExperiment.Text(point, request.Variants.Select(v => new BranchVariant(v.Name, v.Set)).ToList(), request.Runs, "'bosporos experiment branch' from its command line");
        var prepared = ExperimentSupport.Prepare(env, ExperimentLoader.LoadText(text, CommandLine), relocate: CompareCommand.Relocate);
        if (prepared is null)
        {
            // Everything in the text but the replay (already read) comes from --variant and --runs.
            return ExitCodes.Usage;
        }

        IResultStore store;
        try
        {
            store = ExperimentSupport.OpenStore(request.Store);
        }
        catch (ResultStoreException e)
        {
            return ExperimentSupport.Fail(env, ExitCodes.InvalidData, e.Message);
        }

        using (store)
        {
            try
            {
                var stored = store.ReadManifest();
                if (stored is not null)
                {
                    var diff = ExperimentRunner.Mismatches(stored, ExperimentRunner.Manifest(prepared.Plan, prepared.Model, new RunOptions()));
                    if (diff.Count > 0)
                    {
                        return ExperimentSupport.Fail(env, ExitCodes.InvalidData, $"{request.Store} holds another experiment's runs: " + string.Join("; ", diff) + ".",
                            "Use a new store (another --out), or give the same replay, moment, variants and runs as the command that made it. Nothing in the store was changed.");
                    }
                }

                env.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"branching {Path.GetFileName(point.ReplayPath)} at {point.Moment} (hour {point.Hour} of {point.EndHour}): {prepared.Plan.Variants.Count} arm(s) x {request.Runs:N0} runs"));
                var outcome = ExperimentSupport.Run(env, prepared, store, new RunOptions { Threads = request.Threads });
                if (!outcome.Succeeded || outcome.Cancelled || outcome.Digest is null)
                {
                    return ExperimentSupport.Unsuccessful(env, outcome, request.Store, $"bosporos experiment resume {ExperimentSupport.Quote(request.Store)} (or the same command again)");
                }

                var summary = string.Create(CultureInfo.InvariantCulture, $"{outcome.Executed:N0} runs done, {outcome.Skipped:N0} already in the store; digest {outcome.Digest}");
                var report = ExperimentReport.Build(prepared.Plan, prepared.Model, store.ReadAll().ToList(), divergence: true);
                if (request.Json)
                {
                    env.Error.WriteLine(summary);
                    ExperimentReportWriter.WriteJson(report, env.Out);
                }
                else
                {
                    env.Out.WriteLine(summary);
                    env.Out.WriteLine();
                    ExperimentReportWriter.WriteText(report, env.Out);
                }

                return ExitCodes.Success;
            }
            catch (ResultStoreException e)
            {
                return ExperimentSupport.Fail(env, ExitCodes.InvalidData, "the result store refused: " + e.Message, "Every batch stored before this one is kept; fix the store and run 'experiment resume'.");
            }
        }
    }

    /// <summary>The name under which the hidden experiment text is read, so that its diagnostics name the options (<see cref="CompareCommand.Relocate"/>).</summary>
    private const string CommandLine = "command line";
}
