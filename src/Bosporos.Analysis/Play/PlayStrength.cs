using System.Diagnostics;
using Bosporos.Analysis.Runs;
using Bosporos.Analysis.Statistics;
using Bosporos.Kernel;
using Bosporos.Kernel.Forces;

namespace Bosporos.Analysis.Play;

/// <summary>One pair of games on one seed: the AI in a seat against the doctrine, and the doctrine in that seat too.</summary>
public sealed record StrengthPair(
    int Index,
    ulong Seed,
    Outcome AiOutcome,
    Outcome DoctrineOutcome,
    long AiOwnLost,
    long DoctrineOwnLost,
    int AiEndDay,
    int DoctrineEndDay,
    int AiOrders);

/// <summary>
/// The measured strength of the AI in one seat: paired differences (AI minus doctrine, same seeds) with 95% intervals
/// in the share of games in which the city falls, is taken (fallen or opened on terms), is held, and in the seat's
/// own losses and the day the siege ended.
/// </summary>
public sealed record StrengthReport(
    Side Side,
    int Level,
    int Games,
    ulong MasterSeed,
    double AiFallen,
    double DoctrineFallen,
    Estimate Fallen,
    double AiTaken,
    double DoctrineTaken,
    Estimate Taken,
    Estimate Held,
    double AiOwnLoss,
    double DoctrineOwnLoss,
    Estimate OwnLoss,
    Estimate EndDay,
    double OrdersPerGame,
    double Seconds,
    IReadOnlyList<StrengthPair> Pairs);

/// <summary>
/// Plays paired games: for game k (seed SplitMix64.Derive(master, k), as a Monte Carlo batch), once with the AI at a
/// level commanding one side against the other side's doctrine, once with both doctrines. The result does not depend
/// on the number of threads.
/// </summary>
public static class PlayStrength
{
    public static StrengthPair PlayPair(SiegeDefinition definition, Side side, int level, ulong masterSeed, int index)
    {
        var seed = MonteCarloRunner.SeedOf(masterSeed, index);
        var session = PlaySession.Start(definition, new PlaySetup(definition.Id, string.Empty, [], seed, null, level));
        session.SetCommander(side, level > 0 ? Commander.Ai : Commander.Doctrine);
        session.SetCommander(PlaySides.Enemy(side), Commander.Doctrine);
        session.PlayToEnd();
        var ai = session.Snapshot();
        var doctrine = Simulation.Create(definition, seed);
        doctrine.RunToEnd();
        return new StrengthPair(index, seed, ai.Outcome, doctrine.Outcome, LookAhead.Lost(ai, side), LookAhead.Lost(doctrine, side),
            ai.Now.Day, doctrine.Now.Day, session.Orders.Count);
    }

    public static StrengthReport Run(SiegeDefinition definition, Side side, int level, int games, ulong masterSeed, int threads,
        Action<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentOutOfRangeException.ThrowIfLessThan(games, 1);
        _ = AiLevel.Of(level);
        var watch = Stopwatch.StartNew();
        var pairs = new StrengthPair[games];
        var done = 0;
        Parallel.For(0, games, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellationToken }, k =>
        {
            pairs[k] = PlayPair(definition, side, level, masterSeed, k);
            progress?.Invoke(Interlocked.Increment(ref done));
        });

        return Summarise(side, level, masterSeed, pairs, watch.Elapsed.TotalSeconds);
    }

    public static StrengthReport Summarise(Side side, int level, ulong masterSeed, IReadOnlyList<StrengthPair> pairs, double seconds)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        double[] Of(Func<StrengthPair, double> f) => pairs.Select(f).ToArray();
        var aiFallen = Of(p => p.AiOutcome == Outcome.Fallen ? 1 : 0);
        var docFallen = Of(p => p.DoctrineOutcome == Outcome.Fallen ? 1 : 0);
        var aiTaken = Of(p => PlaySides.Taken(p.AiOutcome) ? 1 : 0);
        var docTaken = Of(p => PlaySides.Taken(p.DoctrineOutcome) ? 1 : 0);
        var aiHeld = Of(p => PlaySides.Taken(p.AiOutcome) ? 0 : 1);
        var docHeld = Of(p => PlaySides.Taken(p.DoctrineOutcome) ? 0 : 1);
        var aiLoss = Of(p => p.AiOwnLost);
        var docLoss = Of(p => p.DoctrineOwnLost);
        return new StrengthReport(side, level, pairs.Count, masterSeed,
            Descriptive.Mean(aiFallen), Descriptive.Mean(docFallen), PairedDifference.Of(docFallen, aiFallen),
            Descriptive.Mean(aiTaken), Descriptive.Mean(docTaken), PairedDifference.Of(docTaken, aiTaken),
            PairedDifference.Of(docHeld, aiHeld),
            Descriptive.Mean(aiLoss), Descriptive.Mean(docLoss), PairedDifference.Of(docLoss, aiLoss),
            PairedDifference.Of(Of(p => p.DoctrineEndDay), Of(p => p.AiEndDay)),
            pairs.Average(p => p.AiOrders), seconds, pairs);
    }
}
