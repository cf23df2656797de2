namespace Bosporos.Kernel.Events;

/// <summary>
/// What happened. Each kind names what its fields hold (see <see cref="EventFields"/>); the values are frozen
/// because event logs and state hashes depend on them.
/// </summary>
public enum EventKind : byte
{
    ContingentArrived = 1,
    FlotillaArrived = 2,
    AqueductCut = 3,
    ShowOfForce = 4,
    EnginesBuilt = 5,
    AssaultBegan = 6,
    Engagement = 7,
    AssaultRepulsed = 8,
    WallBattered = 9,
    WallRepaired = 10,
    EngineWrecked = 11,
    TowerBurned = 12,
    WallSeized = 13,
    LodgementRetaken = 14,
    CityFell = 15,
    CanoesLaunched = 16,
    EmbassyReceived = 17,
    EnvoysSent = 18,
    EnvoysIntercepted = 19,
    EnvoysArrived = 20,
    SignalLearned = 21,
    SignalLit = 22,
    BoatsSunk = 23,
    BoatsSlipped = 24,
    PersiansFerried = 25,
    ContingentRefused = 26,
    ContingentDeserted = 27,
    SurvivorsExecuted = 28,
    ProcessionHeld = 29,
    HostHungry = 30,
    KhaganWithdrew = 31,
    CityNegotiated = 32,
    SiegeUndecided = 33,
    SiegeLifted = 34,
    CityHungry = 35,
    KhaganDecided = 36,
    DefendersDecided = 37,
    SortieMade = 38,
    WindChanged = 39,
    WarshipDamaged = 40,
    Thanksgiving = 41,
    AlliesAnswered = 42,
    OrderGiven = 43,
}

/// <summary>What the khagan decided (<see cref="EventKind.KhaganDecided"/>'s first value). Values are frozen.</summary>
public enum KhaganDecision
{
    /// <summary>He storms a sector today (zone); second value: intention index.</summary>
    Assault = 1,

    /// <summary>He storms a breached sector instead of the written one (zone); second value: its standing wall, permille.</summary>
    AssaultBreach = 2,

    /// <summary>He gives up repeating an action that failed (second value: failures in a row).</summary>
    Abandon = 3,

    /// <summary>He keeps the boats ashore: the wind is too strong.</summary>
    WaitForWeather = 4,

    /// <summary>The host will not go forward: no assault today.</summary>
    HostUnwilling = 5,

    /// <summary>He commits the boats and the land attack together (zone); second value: how far the walls are worn toward a breach, permille.</summary>
    CombinedAttack = 6,

    /// <summary>He judged the siege lost (second value: prospects permille; third: factors).</summary>
    JudgedLost = 7,

    /// <summary>He sends boats to fetch the allies.</summary>
    FetchAllies = 8,

    /// <summary>Judging the siege lost, he throws in the boat attack he held back (second value: prospects permille; third: factors).</summary>
    LastCard = 9,
}

/// <summary>What the defenders decided (<see cref="EventKind.DefendersDecided"/>'s first value). Values are frozen.</summary>
public enum DefenderDecision
{
    /// <summary>They man the sector (zone) more thickly; second value: men there.</summary>
    ReinforceSector = 1,

    /// <summary>They mass warships on the boats' route (zone), having learned the signal; second value: hulls.</summary>
    SetTrap = 2,

    /// <summary>The patriarch calls a procession (second value: mean morale, permille).</summary>
    CallProcession = 3,

    /// <summary>They refuse the khagan's demand (second value: mean morale, permille).</summary>
    RefuseTerms = 4,

    /// <summary>They send a sortie against the engines at a sector (zone).</summary>
    Sortie = 5,
}
