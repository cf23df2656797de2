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
    WallHeld = 5,
    DefendersNegotiated = 6,
    Horizon = 7,
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
    ulong StateHash);
