using System.Collections.Concurrent;
using Bosporos.Kernel.Randomness;
using Bosporos.Kernel.Tests.Causal;
using Bosporos.Kernel.War;
using Bosporos.Scenarios;
using Bosporos.Scenarios.War;

namespace Bosporos.Kernel.Tests.War;

/// <summary>
/// Runs of the shipped war scenario (with its siege inside), with overrides, over the same seeds for every variant
/// (paired comparisons: common random numbers), cached per variant for the test run.
/// </summary>
internal static class WarShipped
{
    private static readonly ConcurrentDictionary<string, WarSummary[]> Cache = new();
    private static readonly ConcurrentDictionary<string, (WarDefinition, SiegeDefinition)> Loaded = new();

    public static (WarDefinition War, SiegeDefinition Siege) Load(params (string Path, string Value)[] sets) =>
        Loaded.GetOrAdd(string.Join(",", sets.Select(s => s.Path + "=" + s.Value)), _ =>
        {
            var path = Path.Combine(Shipped.RepoRoot(), "scenarios", "war-622-628.yaml");
            var result = WarScenarioLoader.LoadFile(path, sets.Select(s => new ScenarioOverride(s.Path, s.Value)).ToArray());
            Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.ToString())));
            return (result.Definition!, result.Siege!);
        });

    public static ulong Seed(int k) => SplitMix64.Derive(628, (ulong)k);

    /// <summary>Summaries of <paramref name="runs"/> runs (seeds derived from 628) of the scenario with these overrides.</summary>
    public static WarSummary[] Run(int runs, params (string Path, string Value)[] sets) =>
        Cache.GetOrAdd(runs + "|" + string.Join(",", sets.Select(s => s.Path + "=" + s.Value)), _ =>
        {
            var (war, siege) = Load(sets);
            var sim = WarSimulation.Create(war, siege, 0);
            var result = new WarSummary[runs];
            for (var k = 0; k < runs; k++)
            {
                sim.Reset(Seed(k));
                result[k] = sim.RunToEnd();
            }

            return result;
        });

    public static WarSimulation One(ulong seed, params (string Path, string Value)[] sets)
    {
        var (war, siege) = Load(sets);
        var sim = WarSimulation.Create(war, siege, seed);
        sim.RunToEnd();
        return sim;
    }

    public static double Share(IReadOnlyCollection<WarSummary> runs, Func<WarSummary, bool> which) =>
        runs.Count == 0 ? 0 : runs.Count(which) / (double)runs.Count;

    /// <summary>Day numbers (from the shipped scenario's start) of the calendar windows the checks use.</summary>
    public static int DayOf(int year, int month, int day) =>
        new JulianDate(year, month, day).DayNumber - JulianDate.Of(Load().War.Calendar).DayNumber;

    /// <summary>The war as it was shipped before 622-625 were added (starts 1 March 626), a test fixture.</summary>
    public static (WarDefinition War, SiegeDefinition Siege) Load626() =>
        Loaded.GetOrAdd("fixture:626", _ =>
        {
            var path = Path.Combine(Shipped.RepoRoot(), "tests", "Bosporos.Kernel.Tests", "War", "war-626-start.yaml");
            var result = WarScenarioLoader.LoadFile(path);
            Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.ToString())));
            return (result.Definition!, result.Siege!);
        });

    public static bool CapitalHeld(WarSummary s) => s.Outcome != WarOutcome.Collapse;
}
