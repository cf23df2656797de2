using Bosporos.Analysis.Play;
using Bosporos.Web.Replay;

namespace Bosporos.Web.Play;

/// <summary>POST /api/games: a new game of a catalogue scenario.</summary>
public sealed record NewGameRequest
{
    public string? Scenario { get; init; }

    public ulong Seed { get; init; } = 626;

    /// <summary>"roman" or "avar"; absent or "none" for a game the AI and the doctrines play alone.</summary>
    public string? Side { get; init; }

    public int AiLevel { get; init; } = Analysis.Play.AiLevel.Default;

    public Dictionary<string, System.Text.Json.JsonElement>? Overrides { get; init; }
}

/// <summary>
/// POST /api/games/{id}/orders: either an option of the side (<see cref="Option"/>, as listed by the options
/// endpoint) or one order (<see cref="Kind"/>, <see cref="Target"/> a zone id or absent, <see cref="Value"/>).
/// </summary>
public sealed record OrderRequest
{
    public string? Side { get; init; }

    public string? Option { get; init; }

    public string? Kind { get; init; }

    public string? Target { get; init; }

    public int Value { get; init; }
}

/// <summary>POST /api/games/{id}/commanders: who commands a side from now on ("player", "ai" or "doctrine").</summary>
public sealed record CommanderRequest
{
    public string? Side { get; init; }

    public string? Commander { get; init; }
}

/// <summary>An order waiting for the next advance (or given at a past hour), as the page lists it.</summary>
public sealed record PendingOrderDto(string Side, string Kind, string? Target, int Value, string Source, string Text);

/// <summary>
/// A game as the page draws it: who commands, where play stands (the session's view), the orders pending, the AI's
/// last choices, and <see cref="Map"/>: the game so far in the shape of a replay with one frame (the current hour),
/// so the map of the replay page draws it unchanged.
/// </summary>
public sealed record GameDto(
    string Id,
    string Scenario,
    string Name,
    ulong Seed,
    int AiLevel,
    string? Human,
    IReadOnlyDictionary<string, string> Commanders,
    string Date,
    PlayView View,
    IReadOnlyList<PendingOrderDto> Pending,
    IReadOnlyDictionary<string, string> LastAi,
    ReplayDto Map,
    string? Message);

/// <summary>One option of a side now; <see cref="Target"/> is the zone it acts on (the sector, the patrol's destination).</summary>
public sealed record OptionDto(string Id, string Group, string Label, string? Target);

public sealed record OptionsDto(string Side, int Hour, IReadOnlyList<OptionDto> Options);

/// <summary>What the model expects of one option over sampled futures (see <see cref="OptionOdds"/>).</summary>
public sealed record OptionOddsDto(
    string Id,
    string Group,
    string Label,
    string? Target,
    double Taken,
    double TakenLow,
    double TakenHigh,
    double Lifted,
    double LiftedLow,
    double LiftedHigh,
    double OwnLossMean,
    double OwnLossSd,
    double EnemyLossMean,
    double EnemyLossSd,
    double Gain,
    double GainError,
    bool AiChoice);

public sealed record OddsDto(string Side, int Hour, int Level, int Samples, int HorizonDays, IReadOnlyList<OptionOddsDto> Options);

/// <summary>GET /api/play/limits: what a client may ask of the play endpoints.</summary>
public sealed record PlayLimitsDto(int MaxGames, int IdleMinutes, int MaxOddsFutures, int MaxAiLevel);
