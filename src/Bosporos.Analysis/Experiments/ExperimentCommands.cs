using System.Globalization;
using Bosporos.Analysis.Stores;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Analysis.Experiments;

/// <summary>Arguments of <c>experiment run</c>: the experiment file, the result store, threads and an optional slice.</summary>
public sealed record ExperimentRunArguments(string ExperimentPath, string Store)
{
    public int Threads { get; init; } = 1;

    /// <summary>"k/N": this process runs shard k of N (0-based).</summary>
    public string? Shard { get; init; }

    public long? FirstRun { get; init; }

    public long? EndRun { get; init; }

    /// <summary>text | json | none (no report after the runs).</summary>
    public string Format { get; init; } = "text";

    public bool Divergence { get; init; } = true;
}

/// <summary>Arguments of <c>experiment report</c>: analyse a store made by this experiment.</summary>
public sealed record ExperimentReportArguments(string ExperimentPath, string Store)
{
    /// <summary>Only these variants (empty: all).</summary>
    public IReadOnlyList<string> Variants { get; init; } = [];

    public string Format { get; init; } = "text";

    public bool Divergence { get; init; } = true;
}

/// <summary>Arguments of <c>experiment divergence</c>: replay paired runs of one variant and say where they part.</summary>
public sealed record ExperimentDivergenceArguments(string ExperimentPath, string Store, string Variant)
{
    public int Differing { get; init; } = 20;

    public int Agreeing { get; init; } = 5;
}

/// <summary>
/// The experiment commands as functions a command line (or web host) calls with parsed arguments and writers.
/// Exit codes: 0 done; 1 the store or a run failed; 2 the input is wrong (every problem printed as a diagnostic).
/// </summary>
public sealed class ExperimentCommands
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    private readonly Func<string, IResultStore> openStore;
    private readonly Func<ExperimentDefinition, List<Diagnostic>, ISiegeModel?> openModel;

    /// <param name="openStore">Opens a store by location (the CLI passes ResultStores.Open).</param>
    /// <param name="openModel">Opens the experiment's scenario; defaults to the kernel simulation.</param>
    public ExperimentCommands(Func<string, IResultStore> openStore, Func<ExperimentDefinition, List<Diagnostic>, ISiegeModel?>? openModel = null)
    {
        ArgumentNullException.ThrowIfNull(openStore);
        this.openStore = openStore;
        this.openModel = openModel ?? ScenarioSiegeModel.Open;
    }

    /// <summary><c>experiment check</c>: read the file and the scenario, build the plan, run nothing.</summary>
    public int Check(string experimentPath, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var prepared = Prepare(experimentPath, stderr);
        if (prepared is null)
        {
            return BadInput;
        }

        var (plan, model) = prepared.Value;
        var invalid = new RunExecutor(plan, model, 1).Validate();
        if (Print(invalid, stderr))
        {
            return BadInput;
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{plan.Experiment.Id}: {plan.Experiment.ModeName}, {plan.Variants.Count} variants ({string.Join(", ", plan.Variants)}), {plan.RunCount} runs each, {plan.Parameters.Count} sampled numbers"));
        return Ok;
    }

    public int Run(ExperimentRunArguments args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Format is not ("text" or "json" or "none"))
        {
            return Usage(stderr, "BOSX080", $"Unknown report format '{args.Format}'.", "Use text, json or none.");
        }

        if (args.Threads < 1)
        {
            return Usage(stderr, "BOSX081", $"Threads must be at least 1, not {args.Threads}.", null);
        }

        var prepared = Prepare(args.ExperimentPath, stderr);
        if (prepared is null)
        {
            return BadInput;
        }

        var (plan, model) = prepared.Value;
        var options = new RunOptions { Threads = args.Threads, FirstRun = args.FirstRun, EndRun = args.EndRun, Progress = stderr };
        if (args.Shard is not null)
        {
            if (args.FirstRun is not null || args.EndRun is not null)
            {
                return Usage(stderr, "BOSX082", "Give either a shard or a run range, not both.", null);
            }

            if (!TryParseShard(args.Shard, out var k, out var n))
            {
                return Usage(stderr, "BOSX082", $"'{args.Shard}' is not a shard.", "Write k/N with 0 <= k < N, e.g. 3/16 (Slurm: ${SLURM_ARRAY_TASK_ID}/16).");
            }

            var (first, end) = ExperimentRunner.Shard(plan.RunCount, k, n);
            options = options with { FirstRun = first, EndRun = end, ShardIndex = k, ShardCount = n };
        }

        try
        {
            using var store = openStore(args.Store);
            var outcome = ExperimentRunner.Run(plan, model, store, options);
            if (Print(outcome.Diagnostics, stderr))
            {
                return outcome.StoreFailed ? Failed : BadInput;
            }

            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{outcome.Executed} runs done, {outcome.Skipped} already in the store; digest {outcome.Digest}"));
            var whole = (options.FirstRun ?? 0) == 0 && (options.EndRun ?? plan.RunCount) == plan.RunCount;
            if (args.Format != "none" && whole)
            {
                var rows = store.ReadAll().ToList();
                Write(ExperimentReport.Build(plan, model, rows, args.Divergence), args.Format, stdout);
            }

            return Ok;
        }
        catch (ResultStoreException ex)
        {
            return Fail(stderr, "BOSX073", "The result store refused: " + ex.Message);
        }
    }

    public int Report(ExperimentReportArguments args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        if (args.Format is not ("text" or "json"))
        {
            return Usage(stderr, "BOSX080", $"Unknown report format '{args.Format}'.", "Use text or json.");
        }

        var prepared = Prepare(args.ExperimentPath, stderr);
        if (prepared is null)
        {
            return BadInput;
        }

        var (plan, model) = prepared.Value;
        if (UnknownVariant(plan, args.Variants.Where(v => v != ExperimentDefinition.BaselineName), stderr))
        {
            return BadInput;
        }

        return WithStore(args.Store, plan, model, stderr, rows =>
        {
            Write(ExperimentReport.Build(plan, model, rows, args.Divergence, args.Variants), args.Format, stdout);
            return Ok;
        });
    }

    public int Divergence(ExperimentDivergenceArguments args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        var prepared = Prepare(args.ExperimentPath, stderr);
        if (prepared is null)
        {
            return BadInput;
        }

        var (plan, model) = prepared.Value;
        if (UnknownVariant(plan, [args.Variant], stderr))
        {
            return BadInput;
        }

        if (args.Variant == ExperimentDefinition.BaselineName)
        {
            return Usage(stderr, "BOSX083", "The baseline is compared with the variants; name a variant.", "Variants: " + string.Join(", ", plan.Variants.Skip(1)) + ".");
        }

        return WithStore(args.Store, plan, model, stderr, rows =>
        {
            var sample = FirstDivergence.Sample(rows, args.Variant, args.Differing, args.Agreeing);
            foreach (var d in FirstDivergence.Find(plan, model, args.Variant, sample))
            {
                stdout.WriteLine(d.Sentence);
            }

            if (sample.Count == 0)
            {
                stdout.WriteLine($"The store holds no paired runs of baseline and {args.Variant}.");
            }

            return Ok;
        });
    }

    /// <summary>Parses "k/N" with 0 ≤ k &lt; N.</summary>
    public static bool TryParseShard(string text, out long index, out long count)
    {
        index = count = 0;
        var parts = text?.Split('/') ?? [];
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out index)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out count)
            && count > 0 && index < count;
    }

    private int WithStore(string location, RunPlan plan, ISiegeModel model, TextWriter stderr, Func<IReadOnlyList<RunRecord>, int> body)
    {
        try
        {
            using var store = openStore(location);
            var stored = store.ReadManifest();
            if (stored is null)
            {
                return Usage(stderr, "BOSX084", $"The store '{location}' holds no experiment.", "Run the experiment first: experiment run <file> --out <store>.");
            }

            var diff = ExperimentRunner.Mismatches(stored, ExperimentRunner.Manifest(plan, model, new RunOptions()));
            if (diff.Count > 0)
            {
                return Usage(stderr, "BOSX070", "The result store holds another experiment's runs: " + string.Join("; ", diff) + ".", "Report on the experiment file that made this store.");
            }

            return body(store.ReadAll().ToList());
        }
        catch (ResultStoreException ex)
        {
            return Fail(stderr, "BOSX073", "The result store refused: " + ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            return Fail(stderr, "BOSX085", ex.Message);
        }
        catch (ExperimentConfigurationException ex)
        {
            Print(ex.Diagnostics, stderr);
            return Fail(stderr, "BOSX055", ex.Message);
        }
    }

    private (RunPlan Plan, ISiegeModel Model)? Prepare(string experimentPath, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var loaded = ExperimentLoader.LoadFile(experimentPath);
        if (Print(loaded.Diagnostics, stderr) || loaded.Experiment is null)
        {
            return null;
        }

        var diagnostics = new List<Diagnostic>();
        var model = openModel(loaded.Experiment, diagnostics);
        if (Print(diagnostics, stderr) || model is null)
        {
            return null;
        }

        var plan = RunPlan.Build(loaded.Experiment, model, diagnostics);
        if (Print(diagnostics, stderr) || plan is null)
        {
            return null;
        }

        return (plan, model);
    }

    private static bool UnknownVariant(RunPlan plan, IEnumerable<string> names, TextWriter stderr)
    {
        var bad = false;
        foreach (var name in names)
        {
            if (plan.VariantIndex(name) < 0)
            {
                var close = ExperimentLoader.Closest(name, plan.Variants);
                stderr.WriteLine(new Diagnostic(Severity.Error, "BOSX086", plan.Experiment.File, 0, 0, string.Empty, $"Unknown variant '{name}'.",
                    (close is null ? string.Empty : $"Did you mean '{close}'? ") + "Known variants: " + string.Join(", ", plan.Variants) + "."));
                bad = true;
            }
        }

        return bad;
    }

    private static void Write(ExperimentReport report, string format, TextWriter stdout)
    {
        if (format == "json")
        {
            ExperimentReportWriter.WriteJson(report, stdout);
        }
        else
        {
            ExperimentReportWriter.WriteText(report, stdout);
        }
    }

    /// <summary>Prints every diagnostic (errors and warnings); true when there is an error.</summary>
    private static bool Print(IReadOnlyList<Diagnostic> diagnostics, TextWriter stderr)
    {
        foreach (var d in diagnostics)
        {
            stderr.WriteLine(Credentials.Redact(d.ToString()));
        }

        return diagnostics.Any(d => d.Severity == Severity.Error);
    }

    private static int Usage(TextWriter stderr, string code, string message, string? hint)
    {
        stderr.WriteLine(Credentials.Redact(new Diagnostic(Severity.Error, code, "experiment", 0, 0, string.Empty, message, hint).ToString()));
        return BadInput;
    }

    private static int Fail(TextWriter stderr, string code, string message)
    {
        stderr.WriteLine(Credentials.Redact(new Diagnostic(Severity.Error, code, "experiment", 0, 0, string.Empty, message).ToString()));
        return Failed;
    }
}
