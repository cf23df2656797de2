using Bosporos.Analysis.Exporters;
using Bosporos.Analysis.War;
using Bosporos.Kernel.War;
using Bosporos.Scenarios;

namespace Bosporos.Cli.Commands;

/// <summary>
/// What 'run' writes beside its output for a war: the event log (--events, JSON Lines) and the war replay
/// (--replay, <see cref="WarReplay"/>). Paths follow the same rules as a siege's (<see cref="OutputFiles"/>).
/// </summary>
internal static class WarOutputs
{
    /// <summary>Checks the output paths before the run (making missing folders); the exit code when one is unusable.</summary>
    public static int? Prepare(CliEnvironment env, RunRequest request)
    {
        foreach (var (option, path) in new[] { ("--events", request.EventsFile), ("--replay", request.ReplayFile) })
        {
            if (path is not null && OutputFiles.Prepare(option, path) is { } problem)
            {
                env.Error.WriteLine("error: " + problem);
                return ExitCodes.Usage;
            }
        }

        return null;
    }

    /// <summary>Runs the war to its end; recording the replay on the way when one was asked for.</summary>
    public static WarReplay? Play(CliEnvironment env, WarSimulation sim, RunRequest request, string scenarioHash)
    {
        if (request.ReplayFile is not null)
        {
            return WarReplayBuilder.Run(sim, request.Scenario, scenarioHash, request.Overrides, env.Cancellation);
        }

        while (!sim.IsOver)
        {
            env.Cancellation.ThrowIfCancellationRequested();
            sim.Step();
        }

        return null;
    }

    /// <summary>Writes the files asked for; false (the error printed) when one could not be written.</summary>
    public static bool Write(CliEnvironment env, WarSimulation sim, WarReplay? replay, RunRequest request)
    {
        if (request.EventsFile is { } events && !OutputFiles.Write(env, "--events", events, () => Atomic(events, s => WarEventLog.Write(s, sim))))
        {
            return false;
        }

        if (request.ReplayFile is { } path && replay is not null
            && !OutputFiles.Write(env, "--replay", path, () => Atomic(path, s => s.Write(System.Text.Encoding.UTF8.GetBytes(WarReplayBuilder.Write(replay))))))
        {
            return false;
        }

        return true;
    }

    private static void Atomic(string path, Action<Stream> write)
    {
        try
        {
            AtomicFile.Write(path, write);
        }
        catch (ExportException e)
        {
            throw new IOException(e.Message, e);
        }
    }
}
