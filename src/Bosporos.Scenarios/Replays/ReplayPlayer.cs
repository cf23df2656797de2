using Bosporos.Kernel;
using Bosporos.Kernel.Command;

namespace Bosporos.Scenarios.Replays;

/// <summary>
/// The first day whose state hash differs between a replay and its re-run (FirstDifferentDay = -1 when all agree),
/// and, when the replay recorded them for that day, the subsystems whose hashes differ on it.
/// </summary>
public sealed record ReplayCheck(int DaysCompared, int FirstDifferentDay, ulong? Expected, ulong? Actual, bool FinalHashMatches)
{
    public bool Identical => FirstDifferentDay < 0 && FinalHashMatches;

    /// <summary>True when both the replay and the re-run have subsystem hashes for the first differing day.</summary>
    public bool SubsystemsCompared { get; init; }

    public IReadOnlyList<Subsystem> DifferingSubsystems { get; init; } = [];

    /// <summary>
    /// True when the first differing day's daily hash agrees with the re-run but some of its recorded subsystem hashes
    /// do not: the file's subsystem hashes were edited (the state itself was reproduced).
    /// </summary>
    public bool OnlySubsystemHashesDiffer { get; init; }

    /// <summary>The days before the first differing one, in words ("days 0 to 4", "day 0", or none before day 0).</summary>
    public string AgreeingDays => FirstDifferentDay switch
    {
        < 0 => DaysCompared == 1 ? "day 0" : $"days 0 to {DaysCompared - 1}",
        0 => "none: day 0 already differs",
        1 => "day 0",
        _ => $"days 0 to {FirstDifferentDay - 1}",
    };
}

/// <summary>Plays runs with a list of external orders and checks them against recorded hashes.</summary>
public static class ReplayPlayer
{
    /// <summary>
    /// Steps <paramref name="sim"/> (already reset to the seed) to the end, giving each hour the orders whose time is
    /// that hour (orders are taken in time order; those of one hour in the order given).
    /// </summary>
    public static void Play(Simulation sim, IReadOnlyList<Order> orders)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(orders);
        if (!IsSorted(orders))
        {
            orders = orders.OrderBy(o => o.Time.Hours).ToArray(); // stable: orders of one hour keep their order
        }

        var next = 0;
        var buffer = new Order[Math.Max(1, orders.Count)];
        while (!sim.IsOver)
        {
            while (next < orders.Count && orders[next].Time < sim.Now)
            {
                next++;
            }

            var n = 0;
            while (next < orders.Count && orders[next].Time == sim.Now)
            {
                buffer[n++] = orders[next++];
            }

            sim.Step(buffer.AsSpan(0, n));
        }
    }

    private static bool IsSorted(IReadOnlyList<Order> orders)
    {
        for (var i = 1; i < orders.Count; i++)
        {
            if (orders[i].Time < orders[i - 1].Time)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Builds the replay record of a finished run.</summary>
    public static ReplayFile Record(Simulation sim, string scenario, string scenarioHash, IReadOnlyList<ScenarioOverride> overrides, IReadOnlyList<Order> orders)
    {
        ArgumentNullException.ThrowIfNull(sim);
        return new ReplayFile(scenario, scenarioHash, sim.Seed, overrides, orders, sim.DailyHashes.ToArray(), sim.StateHash)
        {
            SubsystemHashes = sim.DailySubsystemHashes.ToArray(),
        };
    }

    /// <summary>Compares a finished re-run with the replay's recorded hashes, day by day.</summary>
    public static ReplayCheck Compare(ReplayFile replay, ReadOnlySpan<ulong> daily, ulong finalHash) => Compare(replay, daily, finalHash, []);

    /// <summary>
    /// Compares a finished re-run with the replay's recorded hashes, day by day; on the first differing day also
    /// compares the subsystem hashes (<paramref name="subsystems"/> laid out like <see cref="Simulation.DailySubsystemHashes"/>).
    /// </summary>
    public static ReplayCheck Compare(ReplayFile replay, ReadOnlySpan<ulong> daily, ulong finalHash, ReadOnlySpan<ulong> subsystems)
    {
        ArgumentNullException.ThrowIfNull(replay);
        const int n = Simulation.SubsystemCount;
        var recorded = replay.SubsystemHashes;
        var days = Math.Max(replay.DailyHashes.Count, daily.Length);
        for (var d = 0; d < days; d++)
        {
            ulong? expected = d < replay.DailyHashes.Count ? replay.DailyHashes[d] : null;
            ulong? actual = d < daily.Length ? daily[d] : null;
            // Every recorded hash is checked: the daily one and, when the file has them, each subsystem's of that day.
            var compared = (d + 1) * n <= recorded.Count && (d + 1) * n <= subsystems.Length;
            var differing = new List<Subsystem>();
            for (var s = 0; compared && s < n; s++)
            {
                if (recorded[(d * n) + s] != subsystems[(d * n) + s])
                {
                    differing.Add((Subsystem)s);
                }
            }

            if (expected != actual || differing.Count > 0)
            {
                return new ReplayCheck(d, d, expected, actual, replay.FinalHash == finalHash)
                {
                    SubsystemsCompared = compared,
                    DifferingSubsystems = differing,
                    OnlySubsystemHashesDiffer = expected == actual,
                };
            }
        }

        return new ReplayCheck(days, -1, null, null, replay.FinalHash == finalHash);
    }
}
