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
}
