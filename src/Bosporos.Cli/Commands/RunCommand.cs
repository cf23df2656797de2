using Bosporos.Cli.Rendering;
using Bosporos.Kernel;
using Bosporos.Scenarios;
using Bosporos.Scenarios.Replays;

namespace Bosporos.Cli.Commands;

internal sealed record RunRequest(string Scenario, ulong Seed, IReadOnlyList<ScenarioOverride> Overrides, bool Json, string? EventsFile, string? ReplayFile);

internal static class RunCommand
{
    public static int Execute(CliEnvironment env, RunRequest request)
    {
        if (env.Scenarios.WarPath(request.Scenario) is { } war)
        {
            return WarCommands.Run(env, war, request);
        }

        // Output paths are checked (and their folders made) before the run, so a typo costs nothing.
        foreach (var (option, path) in new[] { ("--events", request.EventsFile), ("--replay", request.ReplayFile) })
        {
            if (path is not null && OutputFiles.Prepare(option, path) is { } problem)
            {
                env.Error.WriteLine("error: " + problem);
                return ExitCodes.Usage;
            }
        }

        var loaded = Loading.Load(env, request.Scenario, request.Overrides);
        if (loaded is null)
        {
            return ExitCodes.InvalidData;
        }

        var sim = Simulation.Create(loaded.Result.Definition!, request.Seed);
        ReplayPlayer.Play(sim, []);
        env.Cancellation.ThrowIfCancellationRequested();

        if (request.EventsFile is { } events && !OutputFiles.Write(env, "--events", events, () => RunOutput.WriteEvents(events, sim.Definition, sim.Events.All)))
        {
            return ExitCodes.InvalidData;
        }

        if (request.ReplayFile is { } replay && !OutputFiles.Write(env, "--replay", replay,
            () => ReplayJson.WriteFile(replay, ReplayPlayer.Record(sim, loaded.Reference, loaded.Result.ScenarioHash, request.Overrides, []))))
        {
            return ExitCodes.InvalidData;
        }

        Render(env, sim, loaded.Result.ScenarioHash, request.Json);
        return ExitCodes.Success;
    }

    public static void Render(CliEnvironment env, Simulation sim, string scenarioHash, bool json)
    {
        if (json)
        {
            env.Out.WriteLine(RunOutput.Json(sim, scenarioHash));
            return;
        }

        env.Out.WriteLine(sim.Definition.Name);
        env.Out.WriteLine(new string('=', Math.Min(100, sim.Definition.Name.Length)));
        env.Out.WriteLine();
        Chronicle.Write(env.Out, sim.Definition, sim.Events.All);
        env.Out.WriteLine();
        RunOutput.WriteSummaryTable(env.OutConsole(), sim);
    }
}
