using Bosporos.Kernel.Time;

namespace Bosporos.Kernel.Events;

/// <summary>
/// One past-tense fact of a run. <see cref="Zone"/>, <see cref="Actor"/> and <see cref="Other"/> are indices into
/// the definition's zones, contingents, flotillas or engine parks, as <see cref="EventFields"/> says for the kind
/// (-1 when unused). When the event was decided by the dice, <see cref="Odds"/> (out of 10,000) and
/// <see cref="Roll"/> (0 to 9,999; the event happened when roll &lt; odds) record the resolution; otherwise both are -1.
/// </summary>
public readonly record struct SiegeEvent(
    SimTime Time,
    EventKind Kind,
    short Zone,
    short Actor,
    short Other,
    int Value1,
    int Value2,
    int Value3,
    int Odds,
    int Roll);

/// <summary>The kind of thing an event's actor or other index points at.</summary>
public enum EventRef : byte
{
    None,
    Contingent,
    Flotilla,
    EnginePark,
}

/// <summary>What the fields of each event kind mean: used to render event logs with names, never in the hot loop.</summary>
public sealed record EventFields(EventRef Actor, EventRef Other, string? Value1, string? Value2, string? Value3)
{
    public static EventFields For(EventKind kind) => kind switch
    {
        EventKind.ContingentArrived => new(EventRef.Contingent, EventRef.None, "men", null, null),
        EventKind.FlotillaArrived => new(EventRef.Flotilla, EventRef.None, "hulls", null, null),
        EventKind.AqueductCut => new(EventRef.None, EventRef.None, null, null, null),
        EventKind.ShowOfForce => new(EventRef.None, EventRef.None, "men", null, null),
        EventKind.EnginesBuilt => new(EventRef.EnginePark, EventRef.None, "engines", null, null),
        EventKind.AssaultBegan => new(EventRef.None, EventRef.None, "attackers", "defenders", "towers"),
        EventKind.Engagement => new(EventRef.None, EventRef.None, "attackerLosses", "defenderLosses", "effectiveRatioPercent"),
        EventKind.AssaultRepulsed => new(EventRef.None, EventRef.None, "attackerLosses", "defenderLosses", null),
        EventKind.WallBattered => new(EventRef.None, EventRef.None, "outerIntegrityPermille", "innerIntegrityPermille", "engines"),
        EventKind.WallRepaired => new(EventRef.None, EventRef.None, "outerIntegrityPermille", "innerIntegrityPermille", null),
        EventKind.EngineWrecked => new(EventRef.EnginePark, EventRef.None, "remaining", null, null),
        EventKind.TowerBurned => new(EventRef.EnginePark, EventRef.None, "remaining", null, null),
        EventKind.WallSeized => new(EventRef.None, EventRef.None, "attackersOnWall", "defendersOnWall", "effectiveRatioPercent"),
        EventKind.LodgementRetaken => new(EventRef.None, EventRef.None, "attackerLosses", "defenderLosses", null),
        EventKind.CityFell => new(EventRef.None, EventRef.None, "hoursHeld", null, null),
        EventKind.CanoesLaunched => new(EventRef.Flotilla, EventRef.None, "boats", "men", null),
        EventKind.EmbassyReceived => new(EventRef.None, EventRef.None, null, null, null),
        EventKind.EnvoysSent => new(EventRef.None, EventRef.None, "boats", null, null),
        EventKind.EnvoysIntercepted => new(EventRef.None, EventRef.None, "boats", null, null),
        EventKind.EnvoysArrived => new(EventRef.None, EventRef.None, "boats", null, null),
        EventKind.SignalLearned => new(EventRef.None, EventRef.None, "byCapture", null, null),
        EventKind.SignalLit => new(EventRef.None, EventRef.None, "byDefenders", null, null),
        EventKind.BoatsSunk => new(EventRef.Flotilla, EventRef.Contingent, "boatsLost", "menKilled", "menCaptured"),
        EventKind.BoatsSlipped => new(EventRef.Flotilla, EventRef.None, "boats", null, null),
        EventKind.PersiansFerried => new(EventRef.Contingent, EventRef.None, "men", "totalLanded", null),
        EventKind.ContingentRefused => new(EventRef.Contingent, EventRef.None, "moralePermille", null, null),
        EventKind.ContingentDeserted => new(EventRef.Contingent, EventRef.None, "men", "moralePermille", null),
        EventKind.SurvivorsExecuted => new(EventRef.Contingent, EventRef.None, "men", null, null),
        EventKind.ProcessionHeld => new(EventRef.None, EventRef.None, null, null, null),
        EventKind.HostHungry => new(EventRef.None, EventRef.None, "foodDaysLeft", "shortfallManDays", null),
        EventKind.KhaganWithdrew => new(EventRef.None, EventRef.None, "cause", "prospectsPermille", "factors"),
        EventKind.CityNegotiated => new(EventRef.None, EventRef.None, "moralePermille", null, null),
        EventKind.SiegeUndecided => new(EventRef.None, EventRef.None, null, null, null),
        EventKind.SiegeLifted => new(EventRef.None, EventRef.None, null, null, null),
        EventKind.CityHungry => new(EventRef.None, EventRef.None, "foodDaysLeft", null, null),
        EventKind.KhaganDecided => new(EventRef.None, EventRef.None, "decision", "detail", "factors"),
        EventKind.DefendersDecided => new(EventRef.None, EventRef.None, "decision", "detail", null),
        EventKind.SortieMade => new(EventRef.None, EventRef.None, "enginesBurned", "sortieLosses", "sortieMen"),
        EventKind.WindChanged => new(EventRef.None, EventRef.None, "wind", null, null),
        EventKind.WarshipDamaged => new(EventRef.None, EventRef.None, "warshipsLeft", null, null),
        EventKind.Thanksgiving => new(EventRef.None, EventRef.None, "moralePermille", null, null),
        EventKind.AlliesAnswered => new(EventRef.Contingent, EventRef.None, "willing", "envoysReached", null),
        EventKind.OrderGiven => new(EventRef.None, EventRef.None, "order", "value", "source"),
        _ => new(EventRef.None, EventRef.None, null, null, null),
    };
}
