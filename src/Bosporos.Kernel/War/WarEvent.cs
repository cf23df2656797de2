namespace Bosporos.Kernel.War;

/// <summary>What happened in the campaign. Values are frozen (stored in event logs).</summary>
public enum WarEventKind : byte
{
    ArmySplit = 1,
    MarchBegan = 2,
    ArmyArrived = 3,
    BattleFought = 4,
    Storm = 5,
    ArmyDissolved = 6,
    SiegeBegan = 7,
    SiegeEnded = 8,
    AllianceSought = 9,
    TurksArrived = 10,
    TurksLeft = 11,
    Ravaged = 12,
    CitySiegeBegan = 13,
    CityFell = 14,
    InvasionBegan = 15,
    ArmyRaised = 16,
    Recalled = 17,
    Sacked = 18,
    CourierSent = 19,
    CourierCaught = 20,
    CourierDelivered = 21,
    GeneralTurned = 22,
    GeneralKilled = 23,
    LegitimacyFell = 24,
    KingDeposed = 25,
    EnvoyArrived = 26,
    PeaceMade = 27,
    EmpireCollapsed = 28,
    RomeSuedForPeace = 29,
    WarUndecided = 30,
    WinterQuarters = 31,
    Attrition = 32,
}

/// <summary>
/// One fact of a campaign. <see cref="Region"/>, <see cref="Army"/> and <see cref="Other"/> are indices into the
/// definition's regions and armies (-1 when unused). When the dice decided it, <see cref="Odds"/> (out of 10,000) and
/// <see cref="Roll"/> record how; otherwise both are -1.
/// </summary>
public readonly record struct WarEvent(
    int Day,
    WarEventKind Kind,
    short Region,
    short Army,
    short Other,
    int Value1,
    int Value2,
    int Value3,
    int Odds,
    int Roll);

/// <summary>How a war ended. Values are frozen.</summary>
public enum WarOutcome : byte
{
    Undecided = 0,

    /// <summary>A new Persian king made peace.</summary>
    Peace = 1,

    /// <summary>The capital fell and the empire collapsed.</summary>
    Collapse = 2,

    /// <summary>The emperor's army was broken and Rome sued for peace on Persian terms.</summary>
    PersianTerms = 3,
}

/// <summary>The frontier a peace draws. Values are frozen.</summary>
public enum Frontier : byte
{
    None = 0,

    /// <summary>The frontier of 591 (most of Armenia and western Iberia Roman; Dara Roman).</summary>
    Line591 = 1,

    /// <summary>The Euphrates line agreed at Arabissus in 629 (Chronicle of 724).</summary>
    Euphrates = 2,

    /// <summary>Persia keeps what it holds.</summary>
    AsHeld = 3,
}

/// <summary>The headline of one war run.</summary>
public readonly record struct WarSummary(
    WarOutcome Outcome,
    int EndDay,
    Outcome SiegeOutcome,
    int SiegeStartDay,
    int SiegeEndDay,
    int CapitalReinforcements,
    bool TheodoreBeatShahin,
    int InvasionDay,
    int DecisiveBattleDay,
    bool DecisiveBattleWon,
    int SackDay,
    int KhosrowFallDay,
    int ShahrbarazTurnedDay,
    int PeaceDay,
    int ProvincesReturned,
    int ProvincesOccupied,
    Frontier Frontier,
    bool TrueCross,
    bool Prisoners,
    int LegitimacyPermille,
    bool TurksAllied,
    ulong StateHash);
