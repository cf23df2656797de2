using System.Collections.Concurrent;
using System.Security.Cryptography;
using Bosporos.Analysis.Play;
using Bosporos.Scenarios;
using Bosporos.Web.Replay;

namespace Bosporos.Web.Play;

/// <summary>
/// One game of the Play page: the session, what it was loaded from, the map description of its scenario, and a
/// lock so that one request at a time reads or moves it (a session is not thread-safe).
/// </summary>
internal sealed class Game(string id, PlaySession session, LoadResult loaded, ReplayDto mapBase, long now)
{
    public string Id { get; } = id;

    public PlaySession Session { get; } = session;

    public LoadResult Loaded { get; } = loaded;

    /// <summary>The scenario's zones, sectors, contingents, flotillas and engines as the replay describes them (no frames).</summary>
    public ReplayDto MapBase { get; } = mapBase;

    public Lock Sync { get; } = new();

    /// <summary>Timestamp (<see cref="TimeProvider.GetTimestamp"/>) of the last request that named this game.</summary>
    public long LastUsed = now;
}

/// <summary>Counts the odds and advances being computed by this site, for every game together.</summary>
internal sealed class PlayGate : ComputeGate
{
    /// <summary>Does <paramref name="work"/> if fewer than the allowed computations are under way, else answers 429.</summary>
    public Task<IResult> RunAsync(WebOptions options, Func<Task<IResult>> work) =>
        RunAsync(options.MaxConcurrentPlayComputations, work, () => PlayEndpoints.Problem(429, "Too many computations at once",
            $"At most {options.MaxConcurrentPlayComputations} odds or advances are computed at once on this site.", "Try again in a moment."));
}

/// <summary>
/// The games in memory, keyed by an unguessable id (128 random bits): at most <see cref="WebOptions.MaxGames"/> at
/// once, each forgotten after <see cref="WebOptions.GameIdleTimeout"/> without a request.
/// </summary>
internal sealed class GameStore(WebOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Game> games = new(StringComparer.Ordinal);
    private readonly Lock adding = new();

    public int IdleMinutes => (int)options.GameIdleTimeout.TotalMinutes;

    public int Count
    {
        get
        {
            Purge();
            return games.Count;
        }
    }

    /// <summary>A game id: 32 lower-case hex digits. Anything else is never looked up.</summary>
    public static bool IsId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    /// <summary>The game with this id, marked as used now; null when there is none (or it expired).</summary>
    public Game? Find(string id)
    {
        Purge();
        if (!IsId(id) || !games.TryGetValue(id, out var game))
        {
            return null;
        }

        Interlocked.Exchange(ref game.LastUsed, clock.GetTimestamp());
        return game;
    }

    /// <summary>Adds a game built by <paramref name="create"/> under a new id; null when the site holds its maximum already.</summary>
    public Game? TryAdd(Func<string, long, Game> create)
    {
        lock (adding)
        {
            Purge();
            if (games.Count >= options.MaxGames)
            {
                return null;
            }

            var game = create(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), clock.GetTimestamp());
            games[game.Id] = game;
            return game;
        }
    }

    public bool Remove(string id)
    {
        return IsId(id) && games.TryRemove(id, out _);
    }

    /// <summary>Forgets every game idle for longer than the timeout.</summary>
    public void Purge()
    {
        foreach (var (id, game) in games)
        {
            if (clock.GetElapsedTime(Interlocked.Read(ref game.LastUsed)) > options.GameIdleTimeout)
            {
                games.TryRemove(id, out _);
            }
        }
    }

}
