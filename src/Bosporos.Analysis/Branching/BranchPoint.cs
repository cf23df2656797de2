using System.Security.Cryptography;
using Bosporos.Kernel;
using Bosporos.Kernel.Command;
using Bosporos.Scenarios;
using Bosporos.Scenarios.Narrative;
using Bosporos.Scenarios.Replays;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Analysis.Branching;

/// <summary>Why a branch point could not be made: the replay or its scenario (data), or the moment asked for (usage).</summary>
public enum BranchProblem
{
    None,

    /// <summary>The replay file is missing, unreadable, malformed, of a changed scenario, or does not verify.</summary>
    Replay,

    /// <summary>The moment is malformed, before the start, or at or after the replay's end.</summary>
    Moment,
}

/// <summary>A branch point, or why there is none (every diagnostic located, with a hint).</summary>
public sealed record BranchOpenResult(BranchPoint? Point, IReadOnlyList<Diagnostic> Diagnostics, BranchProblem Problem);

/// <summary>
/// A replay played to a chosen hour: the run as it stands then (never stepped again; every arm of a branch experiment
/// is a copy of it), the replay's own definition, and the orders still to come. Made once per experiment; reading it
/// from several threads at once is safe.
/// </summary>
public sealed class BranchPoint
{
    /// <summary>A replay of the longest siege is a few hundred KiB; anything above this is not one.</summary>
    public const long MaxReplayBytes = 16 * 1024 * 1024;

    private BranchPoint(ReplayFile replay, string replayPath, string replayHash, Func<IReadOnlyList<ScenarioOverride>, LoadResult?> load, LoadResult loaded, Simulation trunk, int endHour, string replayOutcome, IReadOnlyList<Order> remaining)
    {
        Replay = replay;
        ReplayPath = replayPath;
        ReplayHash = replayHash;
        this.load = load;
        Loaded = loaded;
        Trunk = trunk;
        EndHour = endHour;
        ReplayOutcome = replayOutcome;
        RemainingOrders = remaining;
        Dates = new JulianDates(trunk.Definition.Calendar);
    }

    public ReplayFile Replay { get; }

    /// <summary>The replay file's full path.</summary>
    public string ReplayPath { get; }

    /// <summary>SHA-256 of the replay file's bytes (lower-case hex).</summary>
    public string ReplayHash { get; }

    private readonly Func<IReadOnlyList<ScenarioOverride>, LoadResult?> load;

    /// <summary>The replay's scenario with these overrides (the replay's own first, then a variant's), read from the same source as the replay.</summary>
    public LoadResult? Load(IReadOnlyList<ScenarioOverride> overrides) => load(overrides);

    /// <summary>The scenario with the replay's overrides.</summary>
    public LoadResult Loaded { get; }

    public SiegeDefinition Definition => Trunk.Definition;

    /// <summary>The replay's run at <see cref="Hour"/>: copy it (Fork, Branch), never step it.</summary>
    public Simulation Trunk { get; }

    public int Hour => Trunk.Now.Hours;

    /// <summary>The hour at which the replay's run is over (its last simulated hour is one before).</summary>
    public int EndHour { get; }

    /// <summary>How the replay's own run ends ("lifted", "fallen", ...).</summary>
    public string ReplayOutcome { get; }

    /// <summary>The replay's orders at or after <see cref="Hour"/>, given to every arm.</summary>
    public IReadOnlyList<Order> RemainingOrders { get; }

    public JulianDates Dates { get; }

    /// <summary>"3 August 626, 06:00".</summary>
    public string Moment => Dates.Format(Hour);

    /// <summary>Reads, loads and verifies a replay file and plays it to the moment <paramref name="at"/>.</summary>
    public static BranchOpenResult Open(string replayPath, string at, string? expectedReplayHash = null)
    {
        ArgumentNullException.ThrowIfNull(replayPath);
        ArgumentNullException.ThrowIfNull(at);
        if (Directory.Exists(replayPath))
        {
            return Fail(replayPath, "BOSX092", $"'{replayPath}' is a folder, not a replay file.", "Record one with 'bosporos run SCENARIO --seed N --replay FILE'.");
        }

        if (!File.Exists(replayPath))
        {
            return Fail(replayPath, "BOSX092", $"The replay file '{replayPath}' does not exist.", "Record one with 'bosporos run SCENARIO --seed N --replay FILE'.");
        }

        byte[] bytes;
        string text;
        try
        {
            bytes = BoundedFile.Read(replayPath, MaxReplayBytes);
            if (bytes.Length > MaxReplayBytes)
            {
                return Fail(replayPath, "BOSX092", $"'{replayPath}' is larger than {MaxReplayBytes / (1024 * 1024)} MiB, so it is not a replay file.", "Give a file written by 'bosporos run --replay'.");
            }

            text = BoundedFile.StrictUtf8.GetString(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
        {
            return Fail(replayPath, "BOSX092", $"The replay file '{replayPath}' cannot be read: {e.Message}", "Check that it exists, is readable and is UTF-8 JSON.");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (expectedReplayHash is not null && !string.Equals(hash, expectedReplayHash, StringComparison.OrdinalIgnoreCase))
        {
            return Fail(replayPath, "BOSX093", $"The replay file '{replayPath}' has changed since this branch experiment was made (expected SHA-256 {expectedReplayHash}, the file now hashes to {hash}).",
                "Restore the replay file the experiment was made from, or start a new experiment in a new store.");
        }

        var read = ReplayJson.Read(text, replayPath);
        if (read.Replay is not { } replay)
        {
            return new BranchOpenResult(null, read.Diagnostics, BranchProblem.Replay);
        }

        var fullPath = Path.GetFullPath(replayPath);
        var scenarioPath = ResolveScenario(replay.Scenario);
        if (scenarioPath is null)
        {
            return Fail(fullPath, "BOSX094", $"The replay's scenario '{replay.Scenario}' is neither a shipped scenario nor an existing file.", "Record the replay again, or restore the scenario file it names.");
        }

        // Read once: every variant is loaded from the same bytes (and hashed as they are).
        var file = ScenarioLoader.ReadFile(scenarioPath);
        if (file.Bytes is not { } scenarioBytes)
        {
            return new BranchOpenResult(null, file.Diagnostics, BranchProblem.Replay);
        }

        return Open(replay, o => ScenarioLoader.LoadBytes(scenarioBytes, scenarioPath, o), fullPath, hash, at);
    }

    /// <summary>
    /// Loads the replay's scenario through <paramref name="load"/> (given every override: the replay's, then a
    /// variant's), verifies the replay and plays it to the moment <paramref name="at"/>.
    /// </summary>
    public static BranchOpenResult Open(ReplayFile replay, Func<IReadOnlyList<ScenarioOverride>, LoadResult?> load, string replayPath, string replayHash, string at)
    {
        ArgumentNullException.ThrowIfNull(replay);
        ArgumentNullException.ThrowIfNull(load);
        var loaded = load(replay.Overrides);
        if (loaded is null)
        {
            return Fail(replayPath, "BOSX094", $"The replay's scenario '{replay.Scenario}' cannot be found.", "Record the replay again, or restore the scenario it names.");
        }

        if (!loaded.Succeeded)
        {
            return new BranchOpenResult(null, loaded.Diagnostics.Where(d => d.Severity == Severity.Error).ToList(), BranchProblem.Replay);
        }

        if (!string.Equals(loaded.ScenarioHash, replay.ScenarioHash, StringComparison.Ordinal))
        {
            return Fail(replayPath, "BOSX094", $"The scenario '{replay.Scenario}' has changed since this replay was recorded (the replay expects {replay.ScenarioHash}, the file now hashes to {loaded.ScenarioHash}).",
                "Restore the scenario file the replay was recorded with, or record the run again.");
        }

        // The replay must play back exactly as recorded: a branch of a run that cannot be reproduced means nothing.
        var whole = Simulation.Create(loaded.Definition!, replay.Seed);
        ReplayPlayer.Play(whole, replay.Orders);
        var check = ReplayPlayer.Compare(replay, whole.DailyHashes, whole.StateHash, whole.DailySubsystemHashes);
        if (!check.Identical)
        {
            var where = check.FirstDifferentDay >= 0 ? $"day {check.FirstDifferentDay} is the first whose state differs" : "the final state differs";
            return Fail(replayPath, "BOSX094", $"The replay does not play back as recorded: {where}.", $"Check it with 'bosporos replay {replayPath} --verify'; record the run again with this engine.");
        }

        var dates = new JulianDates(loaded.Definition!.Calendar);
        var end = whole.Now.Hours;
        if (!dates.TryParseMoment(at, out var hour, out var problem))
        {
            return Fail("--at", "BOSX091", problem, "Write the moment as the chronicle dates it, in the Julian calendar: 626-08-03T06:00.", BranchProblem.Moment);
        }

        if (hour < 0)
        {
            return Fail("--at", "BOSX095", $"{dates.Format(hour)} is before the siege begins ({dates.Format(0)}).",
                $"Branch between {dates.Moment(0)} and {dates.Moment(end - 1)}, the replay's last hour.", BranchProblem.Moment);
        }

        if (hour >= end)
        {
            return Fail("--at", "BOSX095", $"{dates.Format(hour)} is not within the replay: its siege is over at {dates.Format(end)} (after {end} hours).",
                $"Branch between {dates.Moment(0)} and {dates.Moment(end - 1)}, the replay's last hour.", BranchProblem.Moment);
        }

        var trunk = Simulation.Create(loaded.Definition!, replay.Seed);
        var orders = replay.Orders.OrderBy(o => o.Time.Hours).ToArray(); // stable: orders of one hour keep their order
        PlayUntil(trunk, orders, hour);
        var remaining = orders.Where(o => o.Time.Hours >= hour).ToArray();
        return new BranchOpenResult(new BranchPoint(replay, replayPath, replayHash, load, loaded, trunk, end, whole.Summary.Outcome.ToString().ToLowerInvariant(), remaining), [], BranchProblem.None);
    }

    /// <summary>Steps <paramref name="sim"/> with the orders of each hour until its clock reads <paramref name="hour"/> (or it ends).</summary>
    public static void PlayUntil(Simulation sim, IReadOnlyList<Order> sortedOrders, int hour)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(sortedOrders);
        var next = 0;
        var buffer = new Order[Math.Max(1, sortedOrders.Count)];
        while (!sim.IsOver && sim.Now.Hours < hour)
        {
            while (next < sortedOrders.Count && sortedOrders[next].Time < sim.Now)
            {
                next++;
            }

            var n = 0;
            while (next < sortedOrders.Count && sortedOrders[next].Time == sim.Now)
            {
                buffer[n++] = sortedOrders[next++];
            }

            sim.Step(buffer.AsSpan(0, n));
        }
    }

    /// <summary>A shipped scenario id's file, or the path itself when it exists; null otherwise.</summary>
    internal static string? ResolveScenario(string scenario)
    {
        var looksLikePath = scenario.Contains('/', StringComparison.Ordinal) || scenario.Contains('\\', StringComparison.Ordinal) ||
            scenario.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || scenario.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
        if (looksLikePath)
        {
            return File.Exists(scenario) ? Path.GetFullPath(scenario) : null;
        }

        try
        {
            return ScenarioCatalog.Find(scenario)?.Path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotImplementedException or ArgumentException)
        {
            return null;
        }
    }

    private static BranchOpenResult Fail(string file, string code, string message, string hint, BranchProblem problem = BranchProblem.Replay) =>
        new(null, [new Diagnostic(Severity.Error, code, file, 0, 0, code == "BOSX091" || code == "BOSX095" ? "branch.at" : "branch.replay", message, hint)], problem);
}
