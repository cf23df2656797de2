using System.CommandLine;
using System.Globalization;
using Bosporos.Analysis.Experiments;
using Bosporos.Analysis.Shards;
using Bosporos.Analysis.Stores;

namespace Bosporos.Cli.Commands;

internal sealed record ExperimentRunRequest(string? File, string Store, int Threads, string? Shard, double? UntilCi, bool Json, bool Resume, long? Runs = null);

/// <summary>bosporos experiment check | run | resume | merge | branch | export.</summary>
internal static class ExperimentCommand
{
    public static Command Build(CliEnvironment env)
    {
        var experiment = new Command("experiment", "Run experiments (paired counterfactuals, uncertainty, sensitivity) into a result store.");

        var checkFile = new Argument<string>("file") { Description = "An experiment file (YAML)." };
        var check = new Command("check", "Read an experiment file and its scenario, build the plan, run nothing.") { checkFile };
        check.SetAction(p => Check(env, p.GetValue(checkFile)!));
        experiment.Add(check);

        experiment.Add(RunLike(env, resume: false));
        experiment.Add(RunLike(env, resume: true));

        var shards = new Argument<string[]>("shards") { Description = "The shard stores (SQLite files or postgres:// URLs).", Arity = ArgumentArity.OneOrMore };
        var mergeOut = StoreOption("The merged store to create.");
        var merge = new Command("merge", "Merge the stores of every shard of one experiment into one store and print its digest.") { shards, mergeOut };
        merge.SetAction(p => Merge(env, p.GetValue(shards)!, p.GetValue(mergeOut)!));
        experiment.Add(merge);

        experiment.Add(BranchCommand.Build(env));
        experiment.Add(ExportCommand.Build(env));
        return experiment;
    }

    internal static Option<string> StoreOption(string description) =>
        new("--out", "--store") { Description = description + " A SQLite file path or a postgres:// URL.", HelpName = "STORE", Required = true };

    internal static Option<int> ThreadsOption() => CliOptions.Threads();

    internal static Option<string> FormatOption()
    {
        var format = new Option<string>("--format") { Description = "Output format: text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        return format;
    }

    private static Command RunLike(CliEnvironment env, bool resume)
    {
        var file = new Argument<string>(resume ? "store" : "file")
        {
            Description = resume
                ? "The store of the interrupted run (its experiment is read from it); or the experiment file, with --out STORE."
                : "The experiment file (YAML).",
        };
        var store = StoreOption(resume ? "The store of the interrupted run, when the first argument is the experiment file." : "Where the runs go (created if missing; runs already there are kept and skipped).");
        store.Required = !resume;
        var threads = ThreadsOption();
        var untilCi = new Option<double?>("--until-ci")
        {
            Description = "Stop once every outcome share's 95% half-width is below H (paired mode; 'runs' is the cap), e.g. 0.01.",
            HelpName = "H",
        };
        untilCi.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && double.TryParse(r.Tokens[^1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var h) && (h <= 0 || h >= 0.5))
            {
                r.AddError("--until-ci must lie between 0 and 0.5 (a half-width as a share, e.g. 0.01).");
            }
        });
        var format = FormatOption();
        var runs = CliOptions.OptionalRuns(resume
            ? "Not needed: the run count is read from the store."
            : $"Runs per variant (1 to {CliOptions.MaxRuns:N0}), replacing the file's 'runs' (the store records it; merge and resume check it).");
        var command = resume
            ? new Command("resume", "Continue an interrupted 'experiment run' (same shard, same digest as an uninterrupted run).") { file, store, threads, untilCi, format }
            : new Command("run", "Run an experiment into a result store and print the analysis.") { file, store, threads, untilCi, format };
        Option<string?>? shard = null;
        if (!resume)
        {
            shard = new Option<string?>("--shard") { Description = "Run only shard k of N (k counts from 0), e.g. --shard 3/16; merge the shards afterwards.", HelpName = "k/N" };
            command.Add(shard);
            command.Add(runs);
        }

        command.SetAction(p =>
        {
            var (experimentFile, storeLocation) = (p.GetValue(file)!, p.GetValue(store));
            if (storeLocation is null)
            {
                if (experimentFile.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || experimentFile.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                {
                    return ExperimentSupport.Fail(env, ExitCodes.Usage, $"{experimentFile} is an experiment file: name the store to resume.", "bosporos experiment resume STORE (the store keeps its experiment).");
                }

                return Run(env, new ExperimentRunRequest(null, experimentFile, p.GetValue(threads), null, p.GetValue(untilCi), p.GetValue(format) == "json", true));
            }

            return Run(env, new ExperimentRunRequest(
            experimentFile, storeLocation, p.GetValue(threads), shard is null ? null : p.GetValue(shard), p.GetValue(untilCi), p.GetValue(format) == "json", resume, resume ? null : p.GetValue(runs)));
        });
        return command;
    }

    public static int Check(CliEnvironment env, string file)
    {
        var prepared = ExperimentSupport.Prepare(env, ExperimentLoader.LoadFile(file));
        if (prepared is null)
        {
            return ExitCodes.InvalidData;
        }

        var plan = prepared.Plan;
        env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{plan.Experiment.Id}: {plan.Experiment.ModeName} on {prepared.Model.ScenarioId}, {plan.Variants.Count} variants ({string.Join(", ", plan.Variants)}), {plan.RunCount:N0} runs each, {plan.Parameters.Count} sampled numbers"));
        return ExitCodes.Success;
    }

    public static int Run(CliEnvironment env, ExperimentRunRequest request)
    {
        long shardIndex = 0, shardCount = 1;
        if (request.Shard is not null)
        {
            try
            {
                (shardIndex, shardCount) = Shard.Parse(request.Shard);
            }
            catch (FormatException e)
            {
                return ExperimentSupport.Fail(env, ExitCodes.Usage, "--shard " + e.Message, "Slurm array jobs: --shard ${SLURM_ARRAY_TASK_ID}/${SLURM_ARRAY_TASK_COUNT}.");
            }
        }

        if (request.Resume && !ExperimentSupport.StoreExists(request.Store))
        {
            return ExperimentSupport.Fail(env, ExitCodes.InvalidData, $"{request.Store}: no such store, so there is nothing to resume.", "Start the experiment with 'bosporos experiment run FILE --out STORE'.");
        }

        PreparedExperiment? prepared;
        if (request.Resume)
        {
            // The store says what to resume: its experiment text, run count and shard.
            ExperimentManifest? stored;
            try
            {
                using var existing = ExperimentSupport.OpenStore(request.Store);
                stored = existing.ReadManifest();
            }
            catch (ResultStoreException e)
            {
                return ExperimentSupport.Fail(env, ExitCodes.InvalidData, e.Message);
            }

            if (stored is null)
            {
                return ExperimentSupport.Fail(env, ExitCodes.InvalidData, $"{request.Store} holds no experiment, so there is nothing to resume.", "Start it with 'bosporos experiment run FILE --out STORE'.");
            }

            prepared = ExperimentSupport.PrepareFromStore(env, stored, request.Store, request.File, request.UntilCi);
        }
        else
        {
            prepared = ExperimentSupport.Prepare(env, ExperimentLoader.LoadFile(request.File!), e => e with
            {
                UntilCi = request.UntilCi ?? e.UntilCi,
                Runs = request.Runs ?? e.Runs,
            });
        }

        if (prepared is null)
        {
            return ExitCodes.InvalidData;
        }

        var plan = prepared.Plan;
        if (request.UntilCi is not null && plan.Experiment.Mode != ExperimentMode.Paired)
        {
            return ExperimentSupport.Fail(env, ExitCodes.Usage, $"--until-ci applies to paired experiments; {plan.Experiment.Id} is a {plan.Experiment.ModeName} experiment.");
        }

        // Everything that can be refused is refused before the store is created, so a refusal leaves nothing behind.
        if (shardCount > 1 && plan.Experiment.UntilCi is not null)
        {
            return ExperimentSupport.Fail(env, ExitCodes.Usage,
                $"--shard cannot split {plan.Experiment.Id}: it stops by 'until-ci', and where it stops depends on every run before.",
                "Remove 'until-ci' from the file (and set 'runs') to shard it, or run it whole without --shard.");
        }

        if (!request.Resume && ExperimentSupport.PrepareNewStore("--out", request.Store) is { } problem)
        {
            return ExperimentSupport.Fail(env, ExitCodes.Usage, problem);
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
                return RunInto(env, request, prepared, store, shardIndex, shardCount);
            }
            catch (ResultStoreException e)
            {
                return ExperimentSupport.Fail(env, ExitCodes.InvalidData, "the result store refused: " + e.Message, "Every batch stored before this one is kept; fix the store and run 'experiment resume'.");
            }
        }
    }

    private static int RunInto(CliEnvironment env, ExperimentRunRequest request, PreparedExperiment prepared, IResultStore store, long shardIndex, long shardCount)
    {
        var plan = prepared.Plan;
        var stored = store.ReadManifest();
        if (request.Resume)
        {
            if (stored is null)
            {
                return ExperimentSupport.Fail(env, ExitCodes.InvalidData, $"{request.Store} holds no experiment, so there is nothing to resume.", "Start it with 'bosporos experiment run FILE --out STORE'.");
            }

            (shardIndex, shardCount) = (stored.ShardIndex, stored.ShardCount);
        }

        var options = new RunOptions { Threads = request.Threads };
        if (shardCount > 1)
        {
            var range = Shard.Range(plan.RunCount, shardIndex, shardCount);
            options = options with { FirstRun = range.First, EndRun = range.End, ShardIndex = shardIndex, ShardCount = shardCount };
        }

        if (stored is not null)
        {
            var diff = ExperimentRunner.Mismatches(stored, ExperimentRunner.Manifest(plan, prepared.Model, options));
            if (diff.Count > 0)
            {
                return ExperimentSupport.Fail(env, ExitCodes.InvalidData, $"{request.Store} holds another experiment's runs: " + string.Join("; ", diff) + ".",
                    "Use a new store (another --out), or run the experiment file that made this one. Nothing in the store was changed.");
            }

            if (stored.ShardIndex != shardIndex || stored.ShardCount != shardCount)
            {
                return ExperimentSupport.Fail(env, ExitCodes.InvalidData,
                    $"{request.Store} holds shard {stored.ShardIndex}/{stored.ShardCount} of this experiment, not {shardIndex}/{shardCount}.", "Give each shard its own store. Nothing in the store was changed.");
            }
        }

        var resumeCommand = $"bosporos experiment resume {ExperimentSupport.Quote(request.Store)}";
        var outcome = ExperimentSupport.Run(env, prepared, store, options);
        if (!outcome.Succeeded || outcome.Cancelled || outcome.Digest is null)
        {
            return ExperimentSupport.Unsuccessful(env, outcome, request.Store, resumeCommand);
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{outcome.Executed:N0} runs done, {outcome.Skipped:N0} already in the store{(outcome.StoppedEarly ? $", stopped early at {outcome.EndRun:N0} runs per variant" : string.Empty)}; digest {outcome.Digest}");
        var whole = shardCount == 1;
        if (!whole && request.Json)
        {
            env.Error.WriteLine(summary);
            env.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["experiment-id"] = plan.Experiment.Id,
                ["shard"] = $"{shardIndex}/{shardCount}",
                ["first-run"] = options.FirstRun,
                ["end-run"] = options.EndRun,
                ["executed"] = outcome.Executed,
                ["skipped"] = outcome.Skipped,
                ["digest"] = outcome.Digest,
            }));
            return ExitCodes.Success;
        }

        if (!whole)
        {
            env.Out.WriteLine(summary);
            env.Out.WriteLine($"shard {shardIndex}/{shardCount} done; merge every shard with: bosporos experiment merge SHARD_STORE... --out STORE");
            return ExitCodes.Success;
        }

        if (request.Json)
        {
            env.Error.WriteLine(summary);
        }
        else
        {
            env.Out.WriteLine(summary);
            env.Out.WriteLine();
        }

        ExperimentSupport.WriteAnalysis(env, prepared, store.ReadAll().ToList(), request.Json);

        return ExitCodes.Success;
    }

    public static int Merge(CliEnvironment env, IReadOnlyList<string> shards, string output)
    {
        var missing = shards.Where(s => !ExperimentSupport.StoreExists(s)).ToList();
        if (missing.Count > 0)
        {
            return ExperimentSupport.Fail(env, ExitCodes.InvalidData, "no such shard store: " + string.Join(", ", missing) + ".");
        }

        if (ExperimentSupport.PrepareNewStore("--out", output) is { } problem)
        {
            return ExperimentSupport.Fail(env, ExitCodes.Usage, problem);
        }

        try
        {
            var result = Shard.Merge(shards, output);
            env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"merged {result.Inputs.Count} shard stores of {result.Manifest.ExperimentId} into {Credentials.Redact(output)}: {result.Rows:N0} rows; digest {result.Digest}"));
            return ExitCodes.Success;
        }
        catch (ResultStoreException e)
        {
            return ExperimentSupport.Fail(env, ExitCodes.InvalidData, e.Message);
        }
    }
}
