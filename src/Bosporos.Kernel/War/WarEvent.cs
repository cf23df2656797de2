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

    /// <summary>The khagan threatens the capital; the emperor goes home (Value1: days until the peace).</summary>
    AvarThreat = 33,

    /// <summary>A peace with the khagan frees the emperor.</summary>
    AvarPeace = 34,

    /// <summary>The king flees his court before a Roman army.</summary>
    KingFled = 35,

    /// <summary>The emperor catches an enemy that would draw off and forces battle (Odds and Roll say how).</summary>
    Surprise = 36,

    /// <summary>The emperor's army has finished its drill (Value1: its morale, Ratio raw).</summary>
    Trained = 37,

    /// <summary>Armies that went home after the king's trap (Value1: men).</summary>
    ArmyDisbanded = 38,

    /// <summary>Levies joined an army at rest on its own ground (Value1: men, told when the levying stops).</summary>
    Levied = 39,
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
    ulong StateHash)
{
    /// <summary>The first day the emperor beat Shahrbaraz in the field (-1: never).</summary>
    public int ShahrbarazBeatenDay { get; init; } = -1;

    /// <summary>The day the king's court (Ganzak) was sacked (-1: never).</summary>
    public int CourtSackDay { get; init; } = -1;

    /// <summary>Battles the emperor won against the armies of the king's trap.</summary>
    public int TrapBattlesWon { get; init; }

    /// <summary>The first day the emperor fought Shahrbaraz west of the Euphrates after the court was sacked (the Sarus, 625; -1: never).</summary>
    public int SarusDay { get; init; } = -1;

    /// <summary>Whether the khagan's threat kept the emperor at home before the siege.</summary>
    public bool AvarThreat { get; init; }

    /// <summary>The Julian day number of the campaign's day 0.</summary>
    public int StartDayNumber { get; init; }
}
