using System.Globalization;
using Bosporos.Analysis.Runs;
using Bosporos.Analysis.Statistics;
using Bosporos.Kernel.War;

namespace Bosporos.Analysis.War;

/// <summary>One check of a batch of wars: a count out of the runs it concerns, with its Wilson 95% interval.</summary>
public sealed record WarCheck(string Name, int Count, int Of)
{
    public double Share => Of == 0 ? 0 : Count / (double)Of;

    public double Low => Wilson.Interval(Count, Of).Low;

    public double High => Wilson.Interval(Count, Of).High;
}

/// <summary>
/// The calendar windows the war's checks read (late 627, early 628, a given year), in the campaign's own Julian
/// calendar: the same for <c>mc</c>'s checks and the experiments' measures, wherever the scenario starts.
/// </summary>
public static class WarWindows
{
    /// <summary>Whether day <paramref name="day"/> of the run (-1: never) falls on or after <paramref name="from"/> and before <paramref name="until"/>.</summary>
    public static bool Within(WarSummary s, int day, JulianDate from, JulianDate until) =>
        day >= 0 && s.StartDayNumber + day >= from.DayNumber && s.StartDayNumber + day < until.DayNumber;

    public static bool InYear(WarSummary s, int day, int year) => Within(s, day, new JulianDate(year, 1, 1), new JulianDate(year + 1, 1, 1));

    /// <summary>The decisive battle of the invasion won in September–December 627 (Nineveh: 12 December 627).</summary>
    public static bool DecisiveLate627(WarSummary s) =>
        s.DecisiveBattleWon && Within(s, s.DecisiveBattleDay, new JulianDate(627, 9, 1), new JulianDate(628, 1, 1));

    /// <summary>Khosrow deposed in January–April 628 (history: 25 February 628).</summary>
    public static bool FellEarly628(WarSummary s) => Within(s, s.KhosrowFallDay, new JulianDate(628, 1, 1), new JulianDate(628, 5, 1));
}

/// <summary>The checks of docs/war.md over a batch of wars, the dates things happened, and the batch's digest.</summary>
public static class WarChecks
{
    public static IReadOnlyList<WarCheck> Report(IReadOnlyList<WarSummary> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var invaded = runs.Where(r => r.InvasionDay >= 0).ToList();
        var decisive = invaded.Where(WarWindows.DecisiveLate627).ToList();
        var peace = runs.Where(r => r.Outcome == WarOutcome.Peace).ToList();
        return
        [
            new("Heraclius beats Shahrbaraz in 622", runs.Count(r => WarWindows.InYear(r, r.ShahrbarazBeatenDay, 622)), runs.Count),
            new("the khagan's threat keeps the emperor home", runs.Count(r => r.AvarThreat), runs.Count),
            new("Ganzak sacked in 624", runs.Count(r => WarWindows.InYear(r, r.CourtSackDay, 624)), runs.Count),
            new("  the king's trap beaten one army at a time (2+ wins)", runs.Count(r => r.TrapBattlesWon >= 2), runs.Count),
            new("the Sarus fought in 625", runs.Count(r => WarWindows.InYear(r, r.SarusDay, 625)), runs.Count),
            new("Theodore beats Shahin", runs.Count(r => r.TheodoreBeatShahin), runs.Count),
            new("the capital holds", runs.Count(r => r.Outcome != WarOutcome.Collapse), runs.Count),
            new("Heraclius invades Persia", invaded.Count, runs.Count),
            new("  decisive victory in Assyria, late 627 (of invasions)", decisive.Count, invaded.Count),
            new("  Khosrow falls Jan-Apr 628 (of those victories)", decisive.Count(WarWindows.FellEarly628), decisive.Count),
            new("Shahrbaraz turns", runs.Count(r => r.ShahrbarazTurnedDay >= 0), runs.Count),
            new("peace with Kavad", peace.Count, runs.Count),
            new("  all occupied provinces returned (of peaces)", peace.Count(r => r.ProvincesReturned == r.ProvincesOccupied), peace.Count),
            new("  frontier of 591 (of peaces)", peace.Count(r => r.Frontier == Frontier.Line591), peace.Count),
            new("  Euphrates line (of peaces)", peace.Count(r => r.Frontier == Frontier.Euphrates), peace.Count),
            new("the empire collapses (capital lost)", runs.Count(r => r.Outcome == WarOutcome.Collapse), runs.Count),
            new("Rome sues for peace (emperor's army broken)", runs.Count(r => r.Outcome == WarOutcome.PersianTerms), runs.Count),
            new("undecided at the horizon", runs.Count(r => r.Outcome == WarOutcome.Undecided), runs.Count),
        ];
    }

    /// <summary>When things happened, over the runs where they did: median (p10, p90) as Julian dates.</summary>
    public static IReadOnlyList<(string Name, string Text)> Dates(IReadOnlyList<WarSummary> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var start = runs.Count > 0 ? runs[0].StartDayNumber : 0;
        string Spread(IEnumerable<int> days)
        {
            var sorted = days.Where(d => d >= 0).Order().ToArray();
            if (sorted.Length == 0)
            {
                return "never";
            }

            string At(double q) => JulianDate.FromDayNumber(start + sorted[(int)Math.Round(q * (sorted.Length - 1))]).ToString();
            return string.Create(CultureInfo.InvariantCulture, $"median {At(0.5)} (p10 {At(0.1)}, p90 {At(0.9)}; {sorted.Length:N0} runs)");
        }

        return
        [
            ("Heraclius beats Shahrbaraz (history: autumn 622)", Spread(runs.Select(r => r.ShahrbarazBeatenDay))),
            ("Ganzak sacked (history: summer 624)", Spread(runs.Select(r => r.CourtSackDay))),
            ("the Sarus (history: April 625)", Spread(runs.Select(r => r.SarusDay))),
            ("end of the siege of the capital", Spread(runs.Select(r => r.SiegeEndDay))),
            ("decisive battle of the invasion", Spread(runs.Select(r => r.DecisiveBattleDay))),
            ("Shahrbaraz turns", Spread(runs.Select(r => r.ShahrbarazTurnedDay))),
            ("Khosrow falls (history: 0628-02-25)", Spread(runs.Select(r => r.KhosrowFallDay))),
            ("peace (history: Kavad's envoy 0628-04-03)", Spread(runs.Select(r => r.PeaceDay))),
        ];
    }

    /// <summary>FNV-1a over the runs' final state hashes, in run order: the same on any thread count.</summary>
    public static string Digest(IReadOnlyList<WarSummary> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ulong h = 0xCBF2_9CE4_8422_2325UL;
        foreach (var r in runs)
        {
            h = (h ^ r.StateHash) * 0x0000_0100_0000_01B3UL;
        }

        return h.ToString("x16", CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// A batch of wars of one scenario: run k seeded with <c>SplitMix64.Derive(seed, k)</c>, any number of threads, each
/// with its own reused <see cref="WarSimulation"/>. Stopped early, it returns the runs completed from run 0 on without
/// a gap, so that its figures and digest cover runs 0 to n-1 as a siege batch does.
/// </summary>
public static class WarMonteCarlo
{
    public static WarSummary[] Run(WarDefinition war, Kernel.SiegeDefinition siege, ulong seed, int runs, int threads,
        IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(war);
        ArgumentNullException.ThrowIfNull(siege);
        ArgumentOutOfRangeException.ThrowIfNegative(runs);
        var results = new WarSummary[runs];
        var finished = new bool[runs];
        var next = -1;
        var completed = 0;
        var workers = Enumerable.Range(0, Math.Max(1, Math.Min(threads <= 0 ? Environment.ProcessorCount : threads, runs))).Select(_ => Task.Run(() =>
        {
            var sim = WarSimulation.Create(war, siege, 0);
            sim.KeepsDailyHashes = false; // only each run's final hash is reported
            int k;
            while (!cancellationToken.IsCancellationRequested && (k = Interlocked.Increment(ref next)) < runs)
            {
                sim.Reset(Kernel.Randomness.SplitMix64.Derive(seed, (ulong)k));
                results[k] = sim.RunToEnd();
                Volatile.Write(ref finished[k], true);
                Interlocked.Increment(ref completed);
            }
        })).ToArray();

        // Progress is reported from this thread only, a few times a second.
        while (!Task.WaitAll(workers, TimeSpan.FromMilliseconds(250)))
        {
            progress?.Report(new RunProgress(Volatile.Read(ref completed), runs));
        }

        var prefix = Array.IndexOf(finished, false);
        var done = prefix < 0 ? runs : prefix;
        progress?.Report(new RunProgress(done, runs));
        return results[..done];
    }
}
