namespace Bosporos.Web.Replay;

public sealed record RunRequest
{
    public string? Scenario { get; init; }

    public ulong Seed { get; init; } = 1;

    public Dictionary<string, System.Text.Json.JsonElement>? Overrides { get; init; }
}

public sealed record CalendarDto(int StartYear, int StartMonth, int StartDay, int HorizonDays);

public sealed record ZoneDto(string Id, string Name, string Kind, double Lat, double Lon);

public sealed record SectorDto(string Zone, string Name, int LengthMetres, int Towers, bool OuterWall, bool InnerWall, bool Sea);

public sealed record ContingentDto(string Id, string Name, string Side, string People, string Troop, string Role, int Strength, int Zone, int ArrivalDay);

public sealed record FlotillaDto(string Id, string Name, string Side, string Craft, int Hulls, int Station, int ArrivalDay);

/// <summary>Zone indices the map needs to draw the envoys' route, the signal fire and the Persian landing.</summary>
public sealed record DiplomacyMapDto(IReadOnlyList<int> EnvoyRoute, int SignalZone, int LandingZone, int PersianContingent);

public sealed record EngineParkDto(string Id, string Side, string Kind, int Count, int Sector);

/// <summary>
/// How a snapshot frame's numbers are laid out: [hour, present × contingents, morale‰ × contingents,
/// outer wall‰ × sectors, inner wall‰ × sectors, hulls × flotillas, engines × parks]; and a position frame's:
/// [hour, warships on station × zones, Persians ashore, boat crews ashore, zone of the crews and their contingent (-1 when none),
/// ready (1) or not (0) × parks].
/// </summary>
public sealed record FrameLayoutDto(int Contingents, int Sectors, int Flotillas, int Engines, string Order, int Zones, string PositionOrder);

public sealed record EventDto(
    int Index,
    int Hour,
    string Date,
    string Kind,
    int Zone,
    string? ZoneName,
    string? Actor,
    string? Other,
    IReadOnlyDictionary<string, int> Values,
    int Odds,
    int Roll,
    string Text,
    bool Major);

public sealed record SummaryDto(
    string Outcome,
    string Cause,
    int EndHour,
    string EndDate,
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
    string StateHash);

public sealed record ReplayDto(
    string Scenario,
    string Name,
    string ScenarioHash,
    ulong Seed,
    CalendarDto Calendar,
    int Hours,
    IReadOnlyList<ZoneDto> Zones,
    IReadOnlyList<SectorDto> Sectors,
    IReadOnlyList<ContingentDto> Contingents,
    IReadOnlyList<FlotillaDto> Flotillas,
    IReadOnlyList<EngineParkDto> Engines,
    DiplomacyMapDto Diplomacy,
    FrameLayoutDto Layout,
    IReadOnlyList<int[]> Frames,
    IReadOnlyList<int[]> Positions,
    IReadOnlyList<EventDto> Events,
    IReadOnlyList<string> Chronicle,
    SummaryDto Summary,
    IReadOnlyList<string> Warnings);
