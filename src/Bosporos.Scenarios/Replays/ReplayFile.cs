using Bosporos.Kernel.Command;

namespace Bosporos.Scenarios.Replays;

/// <summary>
/// Everything needed to play a run again and check it: the scenario (a shipped id or a path) and its hash, the
/// seed, the --set overrides, the external orders, and the state hash of every simulated day plus the final one.
/// Written as JSON, format version 1.
/// </summary>
public sealed record ReplayFile(
    string Scenario,
    string ScenarioHash,
    ulong Seed,
    IReadOnlyList<ScenarioOverride> Overrides,
    IReadOnlyList<Order> Orders,
    IReadOnlyList<ulong> DailyHashes,
    ulong FinalHash)
{
    public const int CurrentFormat = 1;

    /// <summary>
    /// Per-subsystem state hashes at the end of each day, flattened as [day * Simulation.SubsystemCount + subsystem];
    /// empty when the replay does not record them. They let a failed verification name the subsystem that parted.
    /// </summary>
    public IReadOnlyList<ulong> SubsystemHashes { get; init; } = [];

    /// <summary>
    /// Set when the file is a saved game: the hour play stopped at (orders from that hour on are the ones pending
    /// there), the side a player commanded (null when none) and the AI level of the other sides. The recorded hashes
    /// are those of the game continued from that hour by the doctrines, so the file plays and verifies as any replay.
    /// </summary>
    public SavedPlay? Play { get; init; }
}

/// <summary>Where a saved game stopped and who commanded (see <see cref="ReplayFile.Play"/>).</summary>
public sealed record SavedPlay(int Hour, string? Human, int AiLevel);
