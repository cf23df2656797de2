using Bosporos.Kernel.Time;

namespace Bosporos.Kernel;

public enum Outcome : byte
{
    Undecided = 0,
    Lifted = 1,
    Fallen = 2,
    Negotiated = 3,
}

/// <summary>Why a run ended as it did. Values are frozen.</summary>
public enum EndCause : byte
{
    None = 0,
    HostStarving = 1,
    CohesionBroken = 2,
    PlanSpent = 3,
    Ordered = 4,
    /// <summary>The attackers held a stretch of the wall long enough: the city fell.</summary>
    WallHeld = 5,
    DefendersNegotiated = 6,
    Horizon = 7,

    /// <summary>The khagan weighed his prospects and judged the siege lost.</summary>
    AimLost = 8,
}

/// <summary>
/// What weighed on the khagan when he withdrew: the state of his means and what had happened to them. Several can
/// hold at once; values are frozen (stored in result files).
/// </summary>
[Flags]
public enum WithdrawalFactors : ushort
{
    None = 0,

    /// <summary>A boat attack lost most of its boats.</summary>
    CanoesMassacred = 1,

    /// <summary>Contingents refused to attack or deserted: the host was breaking up.</summary>
    HostBrokeUp = 2,

    /// <summary>At least two assault days in a row failed to hold any stretch of wall.</summary>
    AssaultsFailed = 4,

    /// <summary>Half or more of his engines were wrecked or burned.</summary>
    EnginesLost = 8,

    /// <summary>No allies stood on his shore.</summary>
    AlliesNotAcross = 16,

    /// <summary>Men went unfed in the last three days.</summary>
    Hunger = 32,

    /// <summary>No wall was breached.</summary>
    WallsIntact = 64,

    /// <summary>The host had lost a sixth or more of its men.</summary>
    HeavyLosses = 128,
}

/// <summary>How one contingent's men are accounted for: start + arrived = present + killed + wounded + deserted + captured.</summary>
public readonly record struct ContingentLedger(int Arrived, int Present, int Killed, int Wounded, int Deserted, int Captured)
{
    public bool Balances => Arrived == Present + Killed + Wounded + Deserted + Captured;
}

/// <summary>The headline numbers of one finished run: a value type, so Monte Carlo batches allocate nothing per run.</summary>
public readonly record struct SiegeSummary(
    Outcome Outcome,
    EndCause Cause,
    SimTime End,
    int CloseSiegeDays,
    int PersiansFerried,
    int AssaultAttackerLosses,
    int AssaultDefenderLosses,
    int CanoesLaunched,
    int CanoesLost,
    int EnginesLost,
    int TowersBurned,
    int RomanLosses,
    int HostLosses,
    int PersianLosses,
    int MinWallIntegrityPermille,
    bool EnvoysCaught,
    bool SignalLearned,
    ulong StateHash)
{
    /// <summary>What weighed on the khagan when he withdrew (none when he did not).</summary>
    public WithdrawalFactors Factors { get; init; }

    /// <summary>Man-days the host went short of food over the whole siege.</summary>
    public long ShortfallManDays { get; init; }

    /// <summary>Warships put out of action by the boats they caught.</summary>
    public int WarshipsDamaged { get; init; }

    /// <summary>Men of the host who deserted.</summary>
    public int HostDeserted { get; init; }
}
