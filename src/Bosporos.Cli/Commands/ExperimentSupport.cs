using System.Diagnostics;
using System.Globalization;
using Bosporos.Analysis.Experiments;
using Bosporos.Analysis.Stores;
using Bosporos.Analysis.War;
using Bosporos.Scenarios.Validation;
using Spectre.Console;

namespace Bosporos.Cli.Commands;

/// <summary>An experiment ready to run: its plan and the scenario model behind it.</summary>
internal sealed record PreparedExperiment(RunPlan Plan, ISiegeModel Model);

/// <summary>What the experiment commands share: loading and checking an experiment, opening stores, running with progress.</summary>
internal static class ExperimentSupport
{
    /// <summary>How the run commands open a store; tests put a failing store in here (per async flow, so tests stay independent).</summary>
    internal static readonly AsyncLocal<Func<string, IResultStore>?> StoreOpener = new();

    public static IResultStore OpenStore(string location) => (StoreOpener.Value ?? ResultStores.Open)(location);

    /// <summary>Loads an experiment file and its scenario and builds the plan; prints every diagnostic; null on error.</summary>
    public static PreparedExperiment? Prepare(CliEnvironment env, ExperimentLoadResult loaded, Func<ExperimentDefinition, ExperimentDefinition>? adjust = null, Func<Diagnostic, Diagnostic>? relocate = null)
    {
        bool Print(CliEnvironment env, IEnumerable<Diagnostic> diagnostics) => ExperimentSupport.Print(env, relocate is null ? diagnostics : diagnostics.Select(relocate));
        if (Print(env, loaded.Diagnostics) || loaded.Experiment is null)
        {
            return null;
        }

        var experiment = adjust is null ? loaded.Experiment : adjust(loaded.Experiment);
        var diagnostics = new List<Diagnostic>();
        var model = ScenarioSiegeModel.Open(experiment, diagnostics);
        if (Print(env, diagnostics) || model is null)
        {
            return null;
        }

        var plan = RunPlan.Build(experiment, model, diagnostics);
        if (Print(env, diagnostics) || plan is null)
        {
            return null;
        }

        return Print(env, new RunExecutor(plan, model, 1).Validate()) ? null : new PreparedExperiment(plan, model);
    }

    /// <summary>
    /// Prepares the experiment that made a store: from <paramref name="experimentFile"/> when given, otherwise from the
    /// experiment text the store keeps (its scenario found by id when the recorded path does not exist here). The run
    /// count is the store's, since 'experiment run --runs N' may have replaced the file's.
    /// </summary>
    public static PreparedExperiment? PrepareFromStore(CliEnvironment env, ExperimentManifest manifest, string store, string? experimentFile, double? untilCi = null)
    {
        var loaded = experimentFile is null ? ExperimentLoader.LoadText(manifest.ExperimentText, store) : ExperimentLoader.LoadFile(experimentFile);
        return Prepare(env, loaded, e => e with
        {
            Scenario = experimentFile is null && !(Path.IsPathRooted(e.Scenario) && File.Exists(e.Scenario)) ? manifest.ScenarioId : e.Scenario,
            Runs = e.Mode == ExperimentMode.Paired && manifest.Mode == e.ModeName ? manifest.RunCount : e.Runs,
            UntilCi = untilCi ?? e.UntilCi,
        });
    }

    /// <summary>Prints diagnostics to stderr; true when one of them is an error.</summary>
    public static bool Print(CliEnvironment env, IEnumerable<Diagnostic> diagnostics)
    {
        var error = false;
        foreach (var d in diagnostics)
        {
            env.Error.WriteLine(Credentials.Redact(d.ToString()));
            error |= d.Severity == Severity.Error;
        }

        return error;
    }

    /// <summary>Prints "error: message" (and a hint), without any password, and returns the exit code.</summary>
    public static int Fail(CliEnvironment env, int code, string message, string? hint = null)
    {
        env.Error.WriteLine("error: " + Credentials.Redact(message));
        if (hint is not null)
        {
            env.Error.WriteLine("  hint: " + Credentials.Redact(hint));
        }

        return code;
    }

    /// <summary>
    /// Checks a store location that a command is about to create: a SQLite path must not be a directory, and its
    /// missing parent folders are made. Null when fine, otherwise the error line (PostgreSQL URLs pass as they are).
    /// </summary>
    public static string? PrepareNewStore(string option, string location) =>
        StoreExists(location) ? null : OutputFiles.Prepare(option, location);

    /// <summary>True for a location that names an existing store (a SQLite file that exists, or any PostgreSQL URL).</summary>
    public static bool StoreExists(string location) => ResultStores.IsPostgres(location) || File.Exists(location);

    /// <summary>Runs the plan into the store, drawing a progress bar on a terminal and plain lines (about one a second) otherwise.</summary>
    public static RunOutcome Run(CliEnvironment env, PreparedExperiment prepared, IResultStore store, RunOptions options)
    {
        options = options with { Cancellation = env.Cancellation, Progress = null };
        if (env.ErrorIsTerminal)
        {
            RunOutcome? outcome = null;
            env.ErrorConsole().Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("runs");
                    var clock = Stopwatch.StartNew();
                    outcome = ExperimentRunner.Run(prepared.Plan, prepared.Model, store, options with
                    {
                        Advanced = (done, total) =>
                        {
                            task.MaxValue = Math.Max(1, total);
                            task.Value = done;
                            task.Description = string.Create(CultureInfo.InvariantCulture, $"{done:N0}/{total:N0} runs, {done / Math.Max(clock.Elapsed.TotalSeconds, 1e-3):N0} runs/s");
                        },
                    });
                });
            return outcome!;
        }

        var lines = new ProgressLines(env.Error, env.ProgressInterval, options.Advanced);
        return ExperimentRunner.Run(prepared.Plan, prepared.Model, store, options with { Advanced = lines.Report });
    }

    /// <summary>
    /// Writes the analysis of the runs of a finished experiment: for a paired war experiment the war's paired
    /// comparison (its measures with 95% intervals), otherwise the engine's report (with the first divergences of a
    /// paired siege experiment; a war's uncertainty or sensitivity report reads the war's outputs).
    /// </summary>
    public static void WriteAnalysis(CliEnvironment env, PreparedExperiment prepared, IReadOnlyList<RunRecord> rows, bool json)
    {
        if (prepared.Model is WarModel war && prepared.Plan.Experiment.Mode == ExperimentMode.Paired)
        {
            var warReport = WarComparison.Analyze(prepared.Plan.Experiment, war.ScenarioId, rows);
            if (json)
            {
                WarComparison.WriteJson(warReport, env.Out);
            }
            else
            {
                WarComparison.WriteText(warReport, env.Out);
            }

            return;
        }

        var report = ExperimentReport.Build(prepared.Plan, prepared.Model, rows, divergence: true);
        if (json)
        {
            ExperimentReportWriter.WriteJson(report, env.Out);
        }
        else
        {
            ExperimentReportWriter.WriteText(report, env.Out);
        }
    }

    /// <summary>Maps a runner outcome that is not a success to an exit code, saying what happened.</summary>
    public static int Unsuccessful(CliEnvironment env, RunOutcome outcome, string store, string resumeCommand)
    {
        if (outcome.Cancelled)
        {
            env.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cancelled: {outcome.Executed:N0} runs stored in {Credentials.Redact(store)} during this session; every finished batch is kept."));
            env.Error.WriteLine("  continue with: " + Credentials.Redact(resumeCommand));
            return ExitCodes.Cancelled;
        }

        Print(env, outcome.Diagnostics);
        return ExitCodes.InvalidData;
    }

    public static string Quote(string s) => s.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$' or '&' or ';' or '?' or '*' or '[' or '|' or '<' or '>' or '(' or ')' or '`') ? "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'" : s;

    /// <summary>Plain progress lines for a redirected stderr: at most one per interval.</summary>
    private sealed class ProgressLines(TextWriter error, double intervalSeconds, Action<long, long>? inner)
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private double last = double.NegativeInfinity;

        public void Report(long done, long total)
        {
            inner?.Invoke(done, total);
            var now = clock.Elapsed.TotalSeconds;
            if (now - last < intervalSeconds && done < total)
            {
                return;
            }

            last = now;
            var rate = done / Math.Max(now, 1e-3);
            var eta = rate > 0 ? TimeSpan.FromSeconds(Math.Ceiling((total - done) / rate)).ToString("c", CultureInfo.InvariantCulture) : "?";
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"experiment: {done:N0}/{total:N0} runs ({100.0 * done / Math.Max(1, total):0}%), {rate:N0} runs/s, ETA {eta}"));
        }
    }
}
