using System.Globalization;
using System.Text.Json;
using Bosporos.Analysis.Statistics;
using Bosporos.Cli.Rendering;
using Bosporos.Kernel.Randomness;
using Bosporos.Kernel.War;
using Bosporos.Scenarios;
using Bosporos.Scenarios.Validation;
using Bosporos.Scenarios.War;

namespace Bosporos.Cli.Commands;

/// <summary>'run', 'mc' and 'validate' on a war scenario (kind: war), with the siege inside.</summary>
internal static class WarCommands
{
    private static WarLoadResult? Load(CliEnvironment env, string path, string label, IReadOnlyList<ScenarioOverride> overrides)
    {
        var result = WarScenarioLoader.LoadFile(path, overrides);
        var overridden = overrides.Select(o => o.Path).ToHashSet(StringComparer.Ordinal);
        var failed = !result.Succeeded;
        bool Shown(Diagnostic d) => d.Severity == Severity.Error || (!failed && overridden.Contains(d.Path));
        foreach (var d in result.Diagnostics.Where(Shown))
        {
            Loading.Print(env.Error, d);
        }

        if (failed)
        {
            env.Error.WriteLine(Loading.CountLine(label, result.Diagnostics));
            return null;
        }

        return result;
    }

    public static int Run(CliEnvironment env, string path, RunRequest request)
    {
        if (WarOutputs.Prepare(env, request) is { } unusable)
        {
            return unusable;
        }

        var loaded = Load(env, path, request.Scenario, request.Overrides);
        if (loaded is null)
        {
            return ExitCodes.InvalidData;
        }

        var sim = WarSimulation.Create(loaded.Definition!, loaded.Siege!, request.Seed);
        var replay = WarOutputs.Play(env, sim, request, loaded.ScenarioHash);
        if (!WarOutputs.Write(env, sim, replay, request))
        {
            return ExitCodes.InvalidData;
        }

        if (request.Json)
        {
            env.Out.WriteLine(WarChronicle.Json(sim, loaded.ScenarioHash));
            return ExitCodes.Success;
        }

        env.Out.WriteLine(sim.Definition.Name);
        env.Out.WriteLine(new string('=', Math.Min(100, sim.Definition.Name.Length)));
        WarChronicle.Write(env.Out, sim);
        WarChronicle.Summary(env.Out, sim);
        return ExitCodes.Success;
    }

    public static int Validate(CliEnvironment env, string path, string label, bool warningsAsErrors)
    {
        var result = WarScenarioLoader.LoadFile(path);
        foreach (var d in result.Diagnostics)
        {
            Loading.Print(env.Error, d);
        }

        env.Out.WriteLine(Loading.CountLine(label, result.Diagnostics));
        var failed = !result.Succeeded || (warningsAsErrors && result.Diagnostics.Any(d => d.Severity == Severity.Warning));
        return failed ? ExitCodes.InvalidData : ExitCodes.Success;
    }

    /// <summary>A batch of war runs: run k uses SplitMix64.Derive(seed, k), so the results do not depend on the thread count.</summary>
    public static int Mc(CliEnvironment env, string path, McRequest request)
    {
        var loaded = Load(env, path, request.Scenario, request.Overrides);
        if (loaded is null)
        {
            return ExitCodes.InvalidData;
        }

        var results = new WarSummary[request.Runs];
        var finished = new bool[request.Runs];
        var threads = Math.Max(1, request.Threads <= 0 ? Environment.ProcessorCount : request.Threads);
        var next = -1;
        var workers = Enumerable.Range(0, Math.Min(threads, request.Runs)).Select(_ => Task.Run(() =>
        {
            var sim = WarSimulation.Create(loaded.Definition!, loaded.Siege!, 0);
            int k;
            while ((k = Interlocked.Increment(ref next)) < request.Runs && !env.Cancellation.IsCancellationRequested)
            {
                sim.Reset(SplitMix64.Derive(request.Seed, (ulong)k));
                results[k] = sim.RunToEnd();
                finished[k] = true;
            }
        })).ToArray();
        Task.WaitAll(workers);
        var done = results.Where((_, k) => finished[k]).ToArray();
        var report = Report(done);
        if (request.Json)
        {
            env.Out.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["scenario"] = loaded.Definition!.Id,
                ["scenarioHash"] = loaded.ScenarioHash,
                ["runs"] = done.Length,
                ["seed"] = request.Seed,
                ["checks"] = report.Select(r => new Dictionary<string, object?> { ["name"] = r.Name, ["count"] = r.Count, ["of"] = r.Of, ["share"] = r.Share, ["low"] = r.Low, ["high"] = r.High }).ToArray(),
                ["dates"] = Dates(done).ToDictionary(d => d.Name, d => d.Text),
                ["digest"] = Digest(done),
                ["interrupted"] = done.Length < request.Runs,
            }));
        }
        else
        {
            env.Out.WriteLine($"{loaded.Definition!.Name}: {done.Length:N0} runs, master seed {request.Seed}");
            env.Out.WriteLine();
            foreach (var r in report)
            {
                env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {r.Name,-52} {r.Share,7:P1}  [{r.Low:P1}, {r.High:P1}]  ({r.Count:N0} of {r.Of:N0})"));
            }

            env.Out.WriteLine();
            foreach (var (name, dates) in Dates(done))
            {
                env.Out.WriteLine($"  {name,-52} {dates}");
            }

            env.Out.WriteLine();
            env.Out.WriteLine($"digest: {Digest(done)}");
        }

        if (done.Length < request.Runs)
        {
            env.Error.WriteLine($"interrupted after {done.Length:N0} of {request.Runs:N0} runs");
            return ExitCodes.Cancelled;
        }

        return ExitCodes.Success;
    }

    internal sealed record Line(string Name, int Count, int Of)
    {
        public double Share => Of == 0 ? 0 : Count / (double)Of;

        public double Low => Wilson.Interval(Count, Of).Low;

        public double High => Wilson.Interval(Count, Of).High;
    }

    /// <summary>The checks of docs/war.md: each a count out of the runs it concerns.</summary>
    internal static List<Line> Report(IReadOnlyList<WarSummary> runs)
    {
        var start = runs.Count > 0 ? runs[0].StartDayNumber : new JulianDate(626, 3, 1).DayNumber;
        int Day(int y, int m, int d) => new JulianDate(y, m, d).DayNumber - start;
        bool In(int day, int year) => day >= Day(year, 1, 1) && day < Day(year + 1, 1, 1);
        var invaded = runs.Where(r => r.InvasionDay >= 0).ToList();
        var decisive = invaded.Where(r => r.DecisiveBattleWon && r.DecisiveBattleDay >= Day(627, 9, 1) && r.DecisiveBattleDay < Day(628, 1, 1)).ToList();
        var peace = runs.Where(r => r.Outcome == WarOutcome.Peace).ToList();
        return
        [
            new("Heraclius beats Shahrbaraz in 622", runs.Count(r => In(r.ShahrbarazBeatenDay, 622)), runs.Count),
            new("the khagan's threat keeps the emperor home", runs.Count(r => r.AvarThreat), runs.Count),
            new("Ganzak sacked in 624", runs.Count(r => In(r.CourtSackDay, 624)), runs.Count),
            new("  the king's trap beaten one army at a time (2+ wins)", runs.Count(r => r.TrapBattlesWon >= 2), runs.Count),
            new("the Sarus fought in 625", runs.Count(r => In(r.SarusDay, 625)), runs.Count),
            new("Theodore beats Shahin", runs.Count(r => r.TheodoreBeatShahin), runs.Count),
            new("the capital holds", runs.Count(r => r.Outcome != WarOutcome.Collapse), runs.Count),
            new("Heraclius invades Persia", invaded.Count, runs.Count),
            new("  decisive victory in Assyria, late 627 (of invasions)", decisive.Count, invaded.Count),
            new("  Khosrow falls Jan-Apr 628 (of those victories)", decisive.Count(r => r.KhosrowFallDay >= Day(628, 1, 1) && r.KhosrowFallDay < Day(628, 5, 1)), decisive.Count),
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
    internal static List<(string Name, string Text)> Dates(IReadOnlyList<WarSummary> runs)
    {
        var start = runs.Count > 0 ? runs[0].StartDayNumber : new JulianDate(626, 3, 1).DayNumber;
        string Spread(IEnumerable<int> days)
        {
            var sorted = days.Where(d => d >= 0).Order().ToArray();
            if (sorted.Length == 0)
            {
                return "never";
            }

            string At(double q) => JulianDate.FromDayNumber(start + sorted[(int)Math.Round(q * (sorted.Length - 1))]).ToString();
            return $"median {At(0.5)} (p10 {At(0.1)}, p90 {At(0.9)}; {sorted.Length:N0} runs)";
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

    private static string Digest(IReadOnlyList<WarSummary> runs)
    {
        ulong h = 0xCBF2_9CE4_8422_2325UL;
        foreach (var r in runs)
        {
            h = (h ^ r.StateHash) * 0x0000_0100_0000_01B3UL;
        }

        return h.ToString("x16", CultureInfo.InvariantCulture);
    }
}
