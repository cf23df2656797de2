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

    public SiegeDefinition Definition { get; private set; }

    public ulong Seed { get; private set; }

    public SimTime Now { get; private set; }

    public bool IsOver => outcome != Outcome.Undecided || horizonReached;

    public EventLog Events { get; private set; }

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

    /// <summary>
    /// A copy of this run as it stands: the same state, events, daily hashes and dice. Stepped with the same orders it
    /// continues exactly as this run would; the two are independent afterwards. The definition and its lookups are
    /// shared (they are immutable). Used to look ahead (sample futures from the current moment) and to branch a
    /// replay into an experiment without re-running from hour 0.
    /// </summary>
    public Simulation Fork()
    {
        var f = (Simulation)MemberwiseClone();
        f.Events = Events.Copy();
        f.dailyHashes = (ulong[])dailyHashes.Clone();
        f.dailySubsystemHashes = (ulong[])dailySubsystemHashes.Clone();
        f.present = (int[])present.Clone();
        f.arrived = (int[])arrived.Clone();
        f.killed = (int[])killed.Clone();
        f.wounded = (int[])wounded.Clone();
        f.deserted = (int[])deserted.Clone();
        f.captured = (int[])captured.Clone();
        f.morale = (int[])morale.Clone();
        f.food = (long[])food.Clone();
        f.shortToday = (long[])shortToday.Clone();
        f.lossesToday = (int[])lossesToday.Clone();
        f.hulls = (int[])hulls.Clone();
        f.patrolHulls = (int[])patrolHulls.Clone();
        f.engines = (int[])engines.Clone();
        f.enginesReady = (bool[])enginesReady.Clone();
        f.outerIntegrity = (int[])outerIntegrity.Clone();
        f.innerIntegrity = (int[])innerIntegrity.Clone();
        f.defendersAt = (int[])defendersAt.Clone();
        f.lodgementHours = (int[])lodgementHours.Clone();
        f.lodgementMen = (int[])lodgementMen.Clone();
        f.lodgementQuality = (int[])lodgementQuality.Clone();
        f.defenderFatigue = (int[])defenderFatigue.Clone();
        f.intentionSince = (int[])intentionSince.Clone();
        f.intentionDoneDay = (int[])intentionDoneDay.Clone();
        f.intentionFailures = (int[])intentionFailures.Clone();
        f.intentionAbandoned = (bool[])intentionAbandoned.Clone();
        return f;
    }

    /// <summary>
    /// A copy of this run as it stands whose dice are new: the copy's future draws from streams keyed by this run's
    /// seed, the current hour and <paramref name="sampleKey"/>, which the real continuation never uses. Two forks with
    /// the same key at the same hour draw the same dice (common random numbers: give every option of a decision the
    /// same keys, and differences between their futures come from the options, not from luck).
    /// </summary>
    public Simulation Fork(ulong sampleKey)
    {
        var f = Fork();
        f.Reseed(SampleSeed(sampleKey));
        return f;
    }

    /// <summary>
    /// A copy of this run as it stands that goes on under another definition of the same shape (same contingents,
    /// flotillas, engine parks, wall sectors, zones, intentions and horizon): a variant from this hour on. Its dice are
    /// keyed by <paramref name="sampleKey"/> as for <see cref="Fork(ulong)"/>. Throws when the shapes differ.
    /// </summary>
    public Simulation Branch(SiegeDefinition definition, ulong sampleKey)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!SameShape(Definition, definition))
        {
            throw new ArgumentException("The variant's definition does not have the same contingents, flotillas, engines, sectors, zones, intentions and horizon as the run it branches from.", nameof(definition));
        }

        var f = Fork(sampleKey);
        f.Definition = definition;
        f.Index = new DefinitionIndex(definition);
        return f;
    }

    /// <summary>Whether a run of <paramref name="a"/> can go on under <paramref name="b"/> (<see cref="Branch"/>).</summary>
    public static bool SameShape(SiegeDefinition a, SiegeDefinition b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Contingents.Length == b.Contingents.Length && a.Flotillas.Length == b.Flotillas.Length
            && a.Engines.Length == b.Engines.Length && a.WallSectors.Length == b.WallSectors.Length
            && a.Zones.Length == b.Zones.Length && a.Command.Khagan.Length == b.Command.Khagan.Length
            && a.Calendar.HorizonDays == b.Calendar.HorizonDays;
    }

    private ulong SampleSeed(ulong sampleKey) =>
        Randomness.SplitMix64.Derive(Randomness.SplitMix64.Derive(Seed ^ 0x5A4D_504C_4553_0000UL, (ulong)Now.Hours), sampleKey);

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
