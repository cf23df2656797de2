using Bosporos.Kernel.Command;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.Time;

namespace Bosporos.Kernel;

/// <summary>
/// One deterministic run of a siege. Create it from a validated <see cref="SiegeDefinition"/> and a seed, step it
/// hour by hour with orders (or let the written plans give them), read its events, state hash and summary.
/// Same definition + seed + orders give the same event log and hashes on any machine and thread.
/// </summary>
public sealed partial class Simulation
{
    /// <summary>Creates a run. The definition must come from the scenario validator (it is not re-checked here).</summary>
    public static Simulation Create(SiegeDefinition definition, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var sim = new Simulation(definition);
        sim.Reset(seed);
        return sim;
    }

    public SiegeDefinition Definition { get; }

    public ulong Seed { get; private set; }

    public SimTime Now { get; private set; }

    public bool IsOver => outcome != Outcome.Undecided || horizonReached;

    public EventLog Events { get; }

    /// <summary>The state hash folded at the end of each simulated day (index = day).</summary>
    public ReadOnlySpan<ulong> DailyHashes => dailyHashes.AsSpan(0, dailyHashCount);

    /// <summary>Starts the run again from hour 0 with another seed, reusing all storage (no allocation).</summary>
    public void Reset(ulong seed)
    {
        Seed = seed;
        Now = new SimTime(0);
        Events.Clear();
        dailyHashCount = 0;
        ResetState();
    }

    /// <summary>Advances one hour. External orders for this hour are applied before the plans act.</summary>
    public void Step(ReadOnlySpan<Order> orders = default)
    {
        if (IsOver)
        {
            return;
        }

        StepHour(orders);
    }

    /// <summary>Steps until the siege ends or reaches its horizon, with no external orders.</summary>
    public SiegeSummary RunToEnd()
    {
        while (!IsOver)
        {
            StepHour(default);
        }

        return Summary;
    }
}
