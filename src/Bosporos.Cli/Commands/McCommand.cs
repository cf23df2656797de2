using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Bosporos.Analysis.Runs;
using Bosporos.Cli.Rendering;
using Bosporos.Kernel;
using Bosporos.Scenarios;
using Spectre.Console;

namespace Bosporos.Cli.Commands;

internal sealed record McRequest(string Scenario, int Runs, ulong Seed, IReadOnlyList<ScenarioOverride> Overrides, int Threads, bool Json);

internal static class McCommand
{
    private static readonly Outcome[] Order = [Outcome.Lifted, Outcome.Fallen, Outcome.Negotiated, Outcome.Undecided];

    public static int Execute(CliEnvironment env, McRequest request)
    {
        if (env.Scenarios.WarPath(request.Scenario) is { } war)
        {
            return WarCommands.Mc(env, war, request);
        }

        var loaded = Loading.Load(env, request.Scenario, request.Overrides);
        if (loaded is null)
        {
            return ExitCodes.InvalidData;
        }

        var definition = loaded.Result.Definition!;
        var runner = new MonteCarloRunner(definition, request.Threads);
        using var stats = new BatchStatistics(request.Runs);
        var done = WithProgress(env, request.Runs, progress => runner.Run(request.Seed, 0, request.Runs, stats, progress, env.Cancellation));
        var report = stats.Report();
        if (request.Json)
        {
            env.Out.WriteLine(Json(definition, loaded.Result.ScenarioHash, request, report, done < request.Runs));
        }
        else
        {
            Text(env, definition, loaded.Result.ScenarioHash, request, report);
        }

        if (done < request.Runs)
        {
            env.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cancelled: {done} of {request.Runs} runs completed; the figures above cover runs 0 to {done - 1}"));
            return ExitCodes.Cancelled;
        }

        return ExitCodes.Success;
    }

    /// <summary>Runs a batch with progress on stderr: a bar on a terminal, otherwise a plain line now and then.</summary>
    internal static long WithProgress(CliEnvironment env, long total, Func<IProgress<RunProgress>, long> run)
    {
        if (env.ErrorIsTerminal)
        {
            long done = 0;
            env.ErrorConsole().Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(ctx => done = run(new BarProgress(ctx.AddTask("runs", maxValue: total))));
            return done;
        }

        var lines = new LineProgress(env.Error, env.ProgressInterval);
        var completed = run(lines);
        lines.Finish(completed, total);
        return completed;
    }

    private static string Percent(double share) => Analysis.Statistics.Percent.Of(share);

    private static string Interval(double low, double high)
    {
        var (l, h) = Analysis.Statistics.Percent.Bounds(low, high);
        return $"{l} - {h}";
    }

    private static string Number(double v) => double.IsNaN(v) ? "-" : v.ToString("0.##", CultureInfo.InvariantCulture);

    private static void Text(CliEnvironment env, SiegeDefinition d, string scenarioHash, McRequest request, BatchReport r)
    {
        var o = env.Out;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{d.Name}: {r.Runs:N0} runs, master seed {request.Seed}, {request.Threads} thread(s)"));
        o.WriteLine($"scenario {d.Id} ({scenarioHash})");
        var table = new Table()
            .AddColumn("Outcome")
            .AddColumn(new TableColumn("Runs").RightAligned())
            .AddColumn(new TableColumn("Share").RightAligned())
            .AddColumn(new TableColumn("95% interval (Wilson)").RightAligned());
        foreach (var outcome in Order)
        {
            var s = r.Outcomes[outcome];
            table.AddRow(RunOutput.Outcome(outcome), s.Count.ToString("N0", CultureInfo.InvariantCulture), Percent(s.Share), Interval(s.Low, s.High));
        }

        env.OutConsole().Write(table);
        o.WriteLine($"close-siege days: median {Number(r.CloseSiegeDaysMedian)}, p10 {Number(r.CloseSiegeDaysP10)}, p90 {Number(r.CloseSiegeDaysP90)}");
        o.WriteLine($"Persians ferried across: {Percent(r.PersiansFerriedShare)} of runs");
        o.WriteLine(r.AssaultLossRatioMedian is { } ratio
            ? string.Create(CultureInfo.InvariantCulture, $"land assaults: median attacker:defender loss ratio {ratio:0.00}:1 (over {r.AssaultRatioRuns:N0} runs with defender losses)")
            : "land assaults: no run had defender losses, so there is no loss ratio");
        o.WriteLine(r.CanoeRuns > 0
            ? $"canoes: most of those launched were lost in {Percent(r.CanoesMostlyLostRuns / (double)r.CanoeRuns)} of the {r.CanoeRuns.ToString("N0", CultureInfo.InvariantCulture)} runs that launched them"
            : "canoes: no run launched any");
        if (r.EndCauses.Count > 0)
        {
            o.WriteLine("end causes: " + string.Join(", ", r.EndCauses.OrderByDescending(kv => kv.Value)
                .Select(kv => $"{Scenarios.Narrative.Names.Cause(kv.Key)} {Percent(kv.Value / (double)r.Runs)}")));
        }

        var lifted = r.Outcomes[Outcome.Lifted].Count;
        if (lifted > 0 && r.Factors.Count > 0)
        {
            o.WriteLine("what weighed on the khagan when he withdrew (share of lifted runs): " + string.Join(", ", r.Factors.OrderByDescending(kv => kv.Value)
                .Select(kv => $"{Scenarios.Narrative.Names.Factor(kv.Key)} {Percent(kv.Value / (double)lifted)}")));
            o.WriteLine($"canoe massacre or the host's breakup among them: {Percent(r.MassacreOrBreakupRuns / (double)lifted)}; host went hungry in {Percent(r.HungryRuns / (double)r.Runs)} of runs");
        }
        o.WriteLine($"digest: {r.Digest}");
    }

    private static string Json(SiegeDefinition d, string scenarioHash, McRequest request, BatchReport r, bool cancelled)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("runs", r.Runs);
            w.WriteNumber("requestedRuns", request.Runs);
            w.WriteBoolean("cancelled", cancelled);
            w.WriteNumber("seed", request.Seed);
            w.WriteString("scenario", d.Id);
            w.WriteString("scenarioHash", scenarioHash);
            w.WriteStartObject("outcomes");
            foreach (var outcome in Order)
            {
                var s = r.Outcomes[outcome];
                w.WriteStartObject(RunOutput.Outcome(outcome));
                w.WriteNumber("count", s.Count);
                w.WriteNumber("share", Math.Round(s.Share, 6));
                w.WriteStartArray("ci95");
                w.WriteNumberValue(Math.Round(s.Low, 6));
                w.WriteNumberValue(Math.Round(s.High, 6));
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartObject("closeSiegeDays");
            WriteNumberOrNull(w, "median", r.CloseSiegeDaysMedian);
            WriteNumberOrNull(w, "p10", r.CloseSiegeDaysP10);
            WriteNumberOrNull(w, "p90", r.CloseSiegeDaysP90);
            w.WriteEndObject();
            w.WriteNumber("persiansFerriedShare", Math.Round(r.PersiansFerriedShare, 6));
            WriteNumberOrNull(w, "assaultLossRatioMedian", r.AssaultLossRatioMedian ?? double.NaN);
            w.WriteNumber("assaultLossRatioRuns", r.AssaultRatioRuns);
            w.WriteStartObject("canoes");
            w.WriteNumber("runsLaunched", r.CanoeRuns);
            w.WriteNumber("runsMostLost", r.CanoesMostlyLostRuns);
            w.WriteNumber("mostLostShare", r.CanoeRuns == 0 ? 0 : Math.Round(r.CanoesMostlyLostRuns / (double)r.CanoeRuns, 6));
            w.WriteEndObject();
            w.WriteStartObject("endCauses");
            // Every cause and factor is written, 0 when no run had it, so that the keys do not depend on the runs.
            foreach (var cause in Enum.GetValues<EndCause>().Where(c => c != EndCause.None))
            {
                w.WriteNumber(Scenarios.Naming.Kebab(cause.ToString()), r.EndCauses.GetValueOrDefault(cause));
            }

            w.WriteEndObject();
            w.WriteStartObject("withdrawalFactors");
            foreach (var factor in Enum.GetValues<WithdrawalFactors>().Where(f => f != WithdrawalFactors.None))
            {
                w.WriteNumber(Scenarios.Naming.Kebab(factor.ToString()), r.Factors.GetValueOrDefault(factor));
            }

            w.WriteEndObject();
            w.WriteNumber("massacreOrBreakupRuns", r.MassacreOrBreakupRuns);
            w.WriteNumber("hungryRuns", r.HungryRuns);
            w.WriteString("digest", r.Digest);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteNumberOrNull(Utf8JsonWriter w, string name, double v)
    {
        if (double.IsNaN(v))
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteNumber(name, Math.Round(v, 6));
        }
    }

    /// <summary>Feeds the Spectre progress bar; the description carries runs done and runs per second.</summary>
    private sealed class BarProgress(ProgressTask task) : IProgress<RunProgress>
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();

        public void Report(RunProgress value)
        {
            var rate = value.Completed / Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
            task.Description = string.Create(CultureInfo.InvariantCulture, $"{value.Completed:N0}/{value.Total:N0} runs, {rate:N0} runs/s");
            task.Value = value.Completed;
        }
    }

    /// <summary>Plain progress lines for redirected stderr: at most one per interval, never one per run.</summary>
    private sealed class LineProgress(TextWriter error, double intervalSeconds) : IProgress<RunProgress>
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private double lastLine;

        public void Report(RunProgress value)
        {
            var now = clock.Elapsed.TotalSeconds;
            if (now - lastLine < intervalSeconds || value.Completed >= value.Total)
            {
                return;
            }

            lastLine = now;
            error.WriteLine(Line(value.Completed, value.Total, now));
        }

        public void Finish(long done, long total)
        {
            if (lastLine > 0)
            {
                error.WriteLine(Line(done, total, clock.Elapsed.TotalSeconds));
            }
        }

        private static string Line(long done, long total, double seconds)
        {
            var rate = done / Math.Max(seconds, 1e-3);
            var eta = rate > 0 ? (total - done) / rate : double.NaN;
            return string.Create(CultureInfo.InvariantCulture,
                $"mc: {done:N0}/{total:N0} runs ({100.0 * done / Math.Max(1, total):0}%), {rate:N0} runs/s, ETA {(double.IsNaN(eta) ? "?" : TimeSpan.FromSeconds(Math.Ceiling(eta)).ToString("c", CultureInfo.InvariantCulture))}");
        }
    }
}
