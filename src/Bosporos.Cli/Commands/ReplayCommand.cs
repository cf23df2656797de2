using System.Globalization;
using System.Text;
using Bosporos.Cli.Rendering;
using Bosporos.Kernel;
using Bosporos.Scenarios;
using Bosporos.Scenarios.Narrative;
using Bosporos.Scenarios.Replays;

namespace Bosporos.Cli.Commands;

internal static class ReplayCommand
{
    private const long MaxReplayBytes = 16 * 1024 * 1024;

    public static int Execute(CliEnvironment env, string file, bool verify)
    {
        if (Directory.Exists(file))
        {
            env.Error.WriteLine($"error: '{file}' is a directory, not a replay file.");
            return ExitCodes.InvalidData;
        }

        if (!File.Exists(file))
        {
            env.Error.WriteLine($"error: replay file '{file}' does not exist.");
            return ExitCodes.InvalidData;
        }

        // Read like a scenario: never more than the cap (a replay of the longest siege is a few hundred KiB), strict UTF-8.
        string text;
        try
        {
            var bytes = BoundedFile.Read(file, MaxReplayBytes);
            if (bytes.Length > MaxReplayBytes)
            {
                env.Error.WriteLine($"error: '{file}' is larger than {MaxReplayBytes / (1024 * 1024)} MiB, so it is not a replay file.");
                return ExitCodes.InvalidData;
            }

            text = BoundedFile.StrictUtf8.GetString(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            env.Error.WriteLine($"error: replay file '{file}' cannot be read: {e.Message}");
            return ExitCodes.InvalidData;
        }

        var read = ReplayJson.Read(text, file);
        foreach (var d in read.Diagnostics)
        {
            Loading.Print(env.Error, d);
        }

        if (read.Replay is not { } replay)
        {
            return ExitCodes.InvalidData;
        }

        var loaded = Loading.Load(env, replay.Scenario, replay.Overrides);
        if (loaded is null)
        {
            return ExitCodes.InvalidData;
        }

        if (!string.Equals(loaded.Result.ScenarioHash, replay.ScenarioHash, StringComparison.Ordinal))
        {
            env.Error.WriteLine(
                $"error: the scenario '{replay.Scenario}' has changed since this replay was recorded " +
                $"(replay expects {replay.ScenarioHash}, the file now hashes to {loaded.Result.ScenarioHash}).");
            env.Error.WriteLine("    hint: restore the scenario file the replay was recorded with, or record the run again.");
            return ExitCodes.InvalidData;
        }

        var sim = Simulation.Create(loaded.Result.Definition!, replay.Seed);
        ReplayPlayer.Play(sim, replay.Orders);
        env.Cancellation.ThrowIfCancellationRequested();
        if (!verify)
        {
            RunCommand.Render(env, sim, loaded.Result.ScenarioHash, json: false);
            return ExitCodes.Success;
        }

        var check = ReplayPlayer.Compare(replay, sim.DailyHashes, sim.StateHash, sim.DailySubsystemHashes);
        if (check.Identical)
        {
            env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"verified: {check.DaysCompared} days identical, final state hash {RunOutput.Hex(sim.StateHash)}"));
            return ExitCodes.Success;
        }

        var dates = new JulianDates(sim.Definition.Calendar);
        if (check.FirstDifferentDay >= 0)
        {
            var day = check.FirstDifferentDay;
            env.Out.WriteLine(check.OnlySubsystemHashesDiffer
                ? string.Create(CultureInfo.InvariantCulture,
                    $"differs: day {day} ({dates.Heading(day)}): its daily hash {Show(check.Expected)} agrees with the re-run, but recorded subsystem hashes do not, so the file's subsystem hashes were altered")
                : string.Create(CultureInfo.InvariantCulture,
                    $"differs: day {day} ({dates.Heading(day)}) is the first day whose state differs: recorded {Show(check.Expected)}, replayed {Show(check.Actual)}"));
            env.Out.WriteLine("identical before it: " + check.AgreeingDays);
        }
        else
        {
            env.Out.WriteLine($"differs: every daily hash agrees but the final state hash does not (recorded {RunOutput.Hex(replay.FinalHash)}, replayed {RunOutput.Hex(sim.StateHash)})");
        }

        env.Out.WriteLine(SubsystemLine(check));
        return ExitCodes.InvalidData;
    }

    private static string SubsystemLine(ReplayCheck check)
    {
        if (check.FirstDifferentDay < 0)
        {
            return "subsystem: every daily hash agrees; only the final state differs";
        }

        if (!check.SubsystemsCompared)
        {
            return check.Expected is null || check.Actual is null
                ? "subsystem: unknown - one of the two runs has no state for that day (the runs ended on different days)"
                : "subsystem: unknown - the replay does not record subsystem hashes for that day";
        }

        return check.DifferingSubsystems.Count == 0
            ? "subsystem: none - every subsystem hash agrees with the re-run, so the recorded daily hash itself was altered"
            : "subsystem: " + string.Join(", ", check.DifferingSubsystems.Select(s => Scenarios.Narrative.Names.Kebab(s.ToString())));
    }

    private static string Show(ulong? hash) => hash is { } h ? RunOutput.Hex(h) : "(no such day)";
}
