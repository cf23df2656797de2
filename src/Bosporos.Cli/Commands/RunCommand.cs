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
        var loaded = Loading.Load(env, request.Scenario, request.Overrides);
        if (loaded is null)
        {
            return ExitCodes.InvalidData;
        }

        var sim = Simulation.Create(loaded.Result.Definition!, request.Seed);
        ReplayPlayer.Play(sim, []);
        env.Cancellation.ThrowIfCancellationRequested();

        if (request.EventsFile is not null)
        {
            RunOutput.WriteEvents(request.EventsFile, sim.Definition, sim.Events.All);
        }

        if (request.ReplayFile is not null)
        {
            ReplayJson.WriteFile(request.ReplayFile, ReplayPlayer.Record(sim, loaded.Reference, loaded.Result.ScenarioHash, request.Overrides, []));
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
