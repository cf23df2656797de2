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
        var days = Math.Max(replay.DailyHashes.Count, daily.Length);
        for (var d = 0; d < days; d++)
        {
            ulong? expected = d < replay.DailyHashes.Count ? replay.DailyHashes[d] : null;
            ulong? actual = d < daily.Length ? daily[d] : null;
            if (expected != actual)
            {
                const int n = Simulation.SubsystemCount;
                var recorded = replay.SubsystemHashes;
                var compared = (d + 1) * n <= recorded.Count && (d + 1) * n <= subsystems.Length;
                var differing = new List<Subsystem>();
                for (var s = 0; compared && s < n; s++)
                {
                    if (recorded[(d * n) + s] != subsystems[(d * n) + s])
                    {
                        differing.Add((Subsystem)s);
                    }
                }

                return new ReplayCheck(d, d, expected, actual, replay.FinalHash == finalHash)
                {
                    SubsystemsCompared = compared,
                    DifferingSubsystems = differing,
                };
            }
        }

        return new ReplayCheck(days, -1, null, null, replay.FinalHash == finalHash);
    }
}
