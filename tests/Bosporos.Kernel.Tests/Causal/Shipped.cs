using System.Collections.Concurrent;
using Bosporos.Kernel.Randomness;
using Bosporos.Scenarios;

namespace Bosporos.Kernel.Tests.Causal;

/// <summary>
/// Runs of the shipped 626 scenario, with overrides, over the same seeds for every variant (so that comparisons are
/// paired: common random numbers), cached per variant for the test run.
/// </summary>
internal static class Shipped
{
    /// <summary>
    /// Paired seeds per variant: 400, unless BOSPOROS_CAUSAL_RUNS asks for another count (the mutation run uses fewer
    /// seeds to stay feasible; the normal test run and CI keep 400).
    /// </summary>
    public static readonly int Runs =
        int.TryParse(Environment.GetEnvironmentVariable("BOSPOROS_CAUSAL_RUNS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 400;

    private static readonly string[] HostIds = ["vanguard-horse", "vanguard-slavs", "slav-infantry", "armoured-infantry", "gepids", "canoe-crews", "bosporus-boatmen"];
    private static readonly string[] GarrisonIds = ["field-troops", "guards", "armenians", "sailors", "citizens"];
    private static readonly ConcurrentDictionary<string, SiegeSummary[]> Cache = new();
    private static readonly Lazy<string> Text = new(() => File.ReadAllText(Path.Combine(RepoRoot(), "scenarios", "constantinople-626.yaml")));
    private static readonly Lazy<SiegeDefinition> Base = new(() => Load([]));

    public static SiegeDefinition Definition => Base.Value;

    /// <summary>Summaries of <see cref="Runs"/> runs (seeds derived from 626) of the scenario with these overrides.</summary>
    public static SiegeSummary[] Run(params (string Path, string Value)[] sets) => Run(Runs, sets);

    public static SiegeSummary[] Run(int runs, params (string Path, string Value)[] sets) =>
        Cache.GetOrAdd(runs + "|" + string.Join(",", sets.Select(s => s.Path + "=" + s.Value)), _ =>
        {
            var sim = Kernel.Simulation.Create(Load(sets), 0);
            var result = new SiegeSummary[runs];
            for (var k = 0; k < runs; k++)
            {
                sim.Reset(SplitMix64.Derive(626, (ulong)k));
                result[k] = sim.RunToEnd();
            }

            return result;
        });

    /// <summary>One run with its events.</summary>
    public static Kernel.Simulation One(ulong seed, params (string Path, string Value)[] sets)
    {
        var sim = Kernel.Simulation.Create(Load(sets), seed);
        sim.RunToEnd();
        return sim;
    }

    public static SiegeDefinition Load((string Path, string Value)[] sets)
    {
        var result = ScenarioLoader.LoadText(Text.Value, "constantinople-626.yaml", sets.Select(s => new ScenarioOverride(s.Path, s.Value)).ToArray());
        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.ToString())));
        return result.Definition!;
    }

    /// <summary>Every host contingent's rations and the forage pool multiplied by <paramref name="k"/>.</summary>
    public static (string, string)[] Supplies(decimal k)
    {
        var d = Definition;
        var sets = HostIds.Select(id => ($"contingents.{id}.ration-days", ((int)(d.Contingents.Single(c => c.Id == id).RationDays * k)).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        sets.Add(("supply.forage-pool-man-days", ((long)(d.Supply.ForagePoolManDays * k)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return [.. sets];
    }

    /// <summary>Every host contingent's strength multiplied by <paramref name="k"/> (the whole host grows or shrinks alike).</summary>
    public static (string, string)[] Host(decimal k) => Scale(HostIds, k);

    /// <summary>Every defending contingent's strength multiplied by <paramref name="k"/>.</summary>
    public static (string, string)[] Garrison(decimal k) => Scale(GarrisonIds, k);

    private static (string, string)[] Scale(string[] ids, decimal k) =>
        ids.Select(id => ($"contingents.{id}.strength", ((int)(Definition.Contingents.Single(c => c.Id == id).Strength * k)).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();

    public static double Share(SiegeSummary[] runs, Func<SiegeSummary, bool> which) => runs.Count(which) / (double)runs.Length;

    public static double Fallen(SiegeSummary[] runs) => Share(runs, r => r.Outcome == Outcome.Fallen);

    public static double Quantile(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Round(q * (sorted.Length - 1))];
    }

    /// <summary>Mean and standard error of the paired difference b − a over the same seeds.</summary>
    public static (double Mean, double Se) Paired(SiegeSummary[] a, SiegeSummary[] b, Func<SiegeSummary, double> measure)
    {
        var d = a.Zip(b, (x, y) => measure(y) - measure(x)).ToArray();
        var mean = d.Average();
        var sd = Math.Sqrt(d.Sum(v => (v - mean) * (v - mean)) / (d.Length - 1));
        return (mean, sd / Math.Sqrt(d.Length));
    }

    public static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Bosporos.slnx")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("Bosporos.slnx not found above the test directory.");
    }
}
