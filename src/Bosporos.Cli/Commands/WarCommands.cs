using System.Globalization;
using System.Text.Json;
using Bosporos.Analysis.War;
using Bosporos.Cli.Rendering;
using Bosporos.Kernel.War;
using Bosporos.Scenarios;
using Bosporos.Scenarios.Validation;
using Bosporos.Scenarios.War;

namespace Bosporos.Cli.Commands;

/// <summary>'run', 'mc' and 'validate' on a war scenario (kind: war), with the siege inside.</summary>
internal static class WarCommands
{
    private static WarLoadResult? Load(CliEnvironment env, string path, string label, IReadOnlyList<ScenarioOverride> overrides)
    {
        var result = WarScenarioLoader.LoadFile(path, overrides);
        var overridden = overrides.Select(o => o.Path).ToHashSet(StringComparer.Ordinal);
        var failed = !result.Succeeded;
        bool Shown(Diagnostic d) => d.Severity == Severity.Error || (!failed && overridden.Contains(d.Path));
        foreach (var d in result.Diagnostics.Where(Shown))
        {
            Loading.Print(env.Error, d);
        }

        if (failed)
        {
            env.Error.WriteLine(Loading.CountLine(label, result.Diagnostics));
            return null;
        }

        return result;
    }

    public static int Run(CliEnvironment env, string path, RunRequest request)
    {
        if (WarOutputs.Prepare(env, request) is { } unusable)
        {
            return unusable;
        }

        var loaded = Load(env, path, request.Scenario, request.Overrides);
        if (loaded is null)
        {
            return ExitCodes.InvalidData;
        }

        var sim = WarSimulation.Create(loaded.Definition!, loaded.Siege!, request.Seed);
        var replay = WarOutputs.Play(env, sim, request, loaded.ScenarioHash);
        if (!WarOutputs.Write(env, sim, replay, request))
        {
            return ExitCodes.InvalidData;
        }

        if (request.Json)
        {
            env.Out.WriteLine(WarChronicle.Json(sim, loaded.ScenarioHash));
            return ExitCodes.Success;
        }

        env.Out.WriteLine(sim.Definition.Name);
        env.Out.WriteLine(new string('=', Math.Min(100, sim.Definition.Name.Length)));
        WarChronicle.Write(env.Out, sim);
        WarChronicle.Summary(env.Out, sim);
        return ExitCodes.Success;
    }

    public static int Validate(CliEnvironment env, string path, string label, bool warningsAsErrors)
    {
        var result = WarScenarioLoader.LoadFile(path);
        foreach (var d in result.Diagnostics)
        {
            Loading.Print(env.Error, d);
        }

        env.Out.WriteLine(Loading.CountLine(label, result.Diagnostics));
        var failed = !result.Succeeded || (warningsAsErrors && result.Diagnostics.Any(d => d.Severity == Severity.Warning));
        return failed ? ExitCodes.InvalidData : ExitCodes.Success;
    }

    /// <summary>A batch of war runs: run k uses SplitMix64.Derive(seed, k), so the results do not depend on the thread count.</summary>
    public static int Mc(CliEnvironment env, string path, McRequest request)
    {
        var loaded = Load(env, path, request.Scenario, request.Overrides);
        if (loaded is null)
        {
            return ExitCodes.InvalidData;
        }

        WarSummary[] done = [];
        McCommand.WithProgress(env, request.Runs, progress =>
            (done = WarMonteCarlo.Run(loaded.Definition!, loaded.Siege!, request.Seed, request.Runs, request.Threads, progress, env.Cancellation)).Length);
        var report = WarChecks.Report(done);
        if (request.Json)
        {
            env.Out.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["scenario"] = loaded.Definition!.Id,
                ["scenarioHash"] = loaded.ScenarioHash,
                ["runs"] = done.Length,
                ["seed"] = request.Seed,
                ["checks"] = report.Select(r => new Dictionary<string, object?> { ["name"] = r.Name, ["count"] = r.Count, ["of"] = r.Of, ["share"] = r.Share, ["low"] = r.Low, ["high"] = r.High }).ToArray(),
                ["dates"] = WarChecks.Dates(done).ToDictionary(d => d.Name, d => d.Text),
                ["digest"] = WarChecks.Digest(done),
                ["interrupted"] = done.Length < request.Runs,
            }));
        }
        else
        {
            env.Out.WriteLine($"{loaded.Definition!.Name}: {done.Length:N0} runs, master seed {request.Seed}");
            env.Out.WriteLine();
            foreach (var r in report)
            {
                env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {r.Name,-52} {r.Share,7:P1}  [{r.Low:P1}, {r.High:P1}]  ({r.Count:N0} of {r.Of:N0})"));
            }

            env.Out.WriteLine();
            foreach (var (name, dates) in WarChecks.Dates(done))
            {
                env.Out.WriteLine($"  {name,-52} {dates}");
            }

            env.Out.WriteLine();
            env.Out.WriteLine($"digest: {WarChecks.Digest(done)}");
        }

        if (done.Length < request.Runs)
        {
            env.Error.WriteLine($"interrupted after {done.Length:N0} of {request.Runs:N0} runs");
            return ExitCodes.Cancelled;
        }

        return ExitCodes.Success;
    }
}
