using System.Text.Json;

namespace Bosporos.Analysis.War;

/// <summary>
/// Everything a viewer needs to watch one war run day by day: the map (regions with their holders over time, routes),
/// where every army stood or marched each day with its men and morale, the battles, sacks, sieges and the king's
/// couriers, his legitimacy, the outcome and treaty, the daily state hashes, the dated chronicle and, for the summer
/// of 626, the siege of the capital's own replay record. Written as JSON, format version 1 (see docs/war.md); seeds
/// are decimal strings, as in siege replay files, since JSON readers lose whole numbers above 2^53.
/// </summary>
public sealed record WarReplay(
    int Format,
    string Kind,
    string Scenario,
    string Name,
    string ScenarioHash,
    string Seed,
    IReadOnlyList<WarReplayOverride> Overrides,
    string StartDate,
    int Days,
    IReadOnlyList<WarReplayRegion> Regions,
    IReadOnlyList<WarReplayRoute> Routes,
    IReadOnlyList<WarReplayArmy> Armies,
    string ArmyFrameLayout,
    IReadOnlyList<WarReplayDay> Frames,
    IReadOnlyList<WarReplayBattle> Battles,
    IReadOnlyList<WarReplaySack> Sacks,
    IReadOnlyList<WarReplaySiege> Sieges,
    IReadOnlyList<WarReplayMessage> Messages,
    IReadOnlyList<WarReplayEvent> Events,
    IReadOnlyList<WarReplayLine> Chronicle,
    WarReplayOutcome Outcome,
    WarReplayCapitalSiege? CapitalSiege)
{
    public const int CurrentFormat = 1;
}

public sealed record WarReplayOverride(string Path, string Value);

/// <summary>A change of holder: from <see cref="Day"/> on, <see cref="Holder"/> holds the region.</summary>
public sealed record WarReplayHolding(int Day, string Date, string Holder);

public sealed record WarReplayRegion(
    string Id, string Name, double Lat, double Lon, bool Capital, bool Roman602, string Holder, IReadOnlyList<WarReplayHolding> Changes);

/// <summary>A route between two regions (indices into the regions), its kind and days in summer and winter (0: closed).</summary>
public sealed record WarReplayRoute(int From, int To, string Kind, int Days, int WinterDays);

public sealed record WarReplayArmy(string Id, string Name, string Side, string Commander, string Role, int Strength);

/// <summary>
/// The state at the end of one day: per army (in the order of <see cref="WarReplay.Armies"/>) null when it does not
/// exist (not raised, dissolved, gone home), else [region, next region (-1 when standing), progress along the leg in
/// permille, men present, morale in permille, 1 when inside the siege of the capital]; the king's legitimacy in
/// permille; the region of the courier on the road (-1 when none); each region's holder is in the regions' changes.
/// </summary>
public sealed record WarReplayDay(int Day, string Date, IReadOnlyList<int[]?> Armies, int LegitimacyPermille, int Courier, string Hash);

public sealed record WarReplayBattle(
    int Day, string Date, int Region, IReadOnlyList<int> RomanSide, IReadOnlyList<int> PersianSide, int RomanLead, int PersianLead,
    int RomanLosses, int PersianLosses, string? Broke, bool Decisive, string Text);

public sealed record WarReplaySack(int Day, string Date, int Region, int Army, string Text);

/// <summary>
/// A siege: the capital's (run hour by hour inside; result held or fallen) or a city's (by the daily odds while the
/// emperor and the Turks both stand before it; result fallen, lifted when one of them left, or held at the end).
/// EndDay is its last day, -1 when it was still going on when the run ended.
/// </summary>
public sealed record WarReplaySiege(string Kind, int Region, int StartDay, int EndDay, string Result, string Text);

/// <summary>One courier of the king: where he set out, the route, and where he was caught or delivered the letter.</summary>
public sealed record WarReplayMessage(
    int Number, int SentDay, IReadOnlyList<int> Route, string Fate, int FateDay, int FateRegion, bool Turned, string Text);

/// <summary>One event of the war's log, with the ids of its region and armies and the chronicle's sentence (null when it tells nothing).</summary>
public sealed record WarReplayEvent(
    int Index, int Day, string Date, string Kind, int Region, int Army, int Other, int Value1, int Value2, int Value3, int Odds, int Roll, string? Text);

public sealed record WarReplayLine(int Day, string Date, int Event, string Text);

public sealed record WarReplayTreaty(string Date, int ProvincesReturned, int ProvincesOccupied, IReadOnlyList<string> Returned, string Frontier, bool Prisoners, bool TrueCross);

public sealed record WarReplayOutcome(
    string Result, string LastDate, string Capital, string? ShahrbarazTurned, string? KhosrowFall, string? DecisiveBattle, bool TurksAllied,
    int LegitimacyPermille, WarReplayTreaty? Treaty, string StateHash);

/// <summary>
/// The siege of the capital inside this run: its days in the campaign, its seed (derived from the war's), its outcome
/// and its replay record in the siege's own format (scenario, seed, daily and subsystem hashes), and a note that the
/// siege definition is the one the campaign built on its first day (so the record is checked by re-running the war).
/// </summary>
public sealed record WarReplayCapitalSiege(int StartDay, int EndDay, string SiegeScenario, string Seed, string Outcome, string StateHash, string Note, JsonElement Replay);
