using Bosporos.Analysis.Stores;
using Bosporos.Kernel.Randomness;

namespace Bosporos.StoreKill;

/// <summary>
/// Deterministic stand-in results for store, shard and export tests: every field is a pure function of
/// (master seed, variant, run index), so two processes, shard layouts or resumes produce identical rows.
/// </summary>
public static class SyntheticRuns
{
    public const ulong MasterSeed = 626;

    private static readonly string[] Outcomes = ["lifted", "fallen", "negotiated", "undecided"];
    private static readonly string[] Causes = ["host-starving", "cohesion-broken", "plan-spent", "wall-held", "horizon"];

    public static ExperimentManifest Manifest(
        long runCount,
        IReadOnlyList<string>? variants = null,
        long shardIndex = 0,
        long shardCount = 1,
        long? firstRun = null,
        long? endRun = null,
        string mode = "paired",
        string engineVersion = "0.1.0-test",
        string scenarioHash = "5c3a1e0000000000000000000000000000000000000000000000000000000626",
        string experimentHash = "e1e1e10000000000000000000000000000000000000000000000000000000626") =>
        new(
            ExperimentId: "synthetic",
            EngineVersion: engineVersion,
            ScenarioId: "constantinople-626",
            ScenarioHash: scenarioHash,
            ExperimentHash: experimentHash,
            ExperimentText: "id: synthetic\nruns: " + runCount,
            MasterSeed: MasterSeed,
            RunCount: runCount,
            Variants: variants ?? ["baseline", "no-signal"],
            Mode: mode,
            ShardIndex: shardIndex,
            ShardCount: shardCount,
            FirstRun: firstRun ?? 0,
            EndRun: endRun ?? runCount,
            Machine: "test-host",
            CreatedUtc: new DateTimeOffset(2026, 7, 29, 6, 0, 0, TimeSpan.Zero));

    public static RunRecord Row(string variant, long runIndex, bool withParameters = false)
    {
        var seed = SplitMix64.Derive(MasterSeed, (ulong)runIndex);
        var rng = new SplitMix64(seed ^ (ulong)variant.GetHashCodeStable());
        int Next(int max) => (int)(rng.Next() % (ulong)max);
        var endHour = 24 + Next(120 * 24);
        var parameters = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (withParameters)
        {
            parameters["contingents.field-troops.strength"] = 10000 + Next(5001);
            parameters["combat.defender-lethality"] = Next(10000) / 10000m;
        }
        return new RunRecord(
            variant,
            runIndex,
            seed,
            Outcomes[Next(Outcomes.Length)],
            Causes[Next(Causes.Length)],
            endHour,
            Math.Min(endHour / 24, 10 + Next(40)),
            Next(4000),
            Next(3000),
            Next(800),
            Next(1000),
            Next(600),
            Next(12),
            Next(5),
            Next(5000),
            Next(30000),
            Next(8000),
            Next(1001),
            Next(2) == 1,
            Next(2) == 1,
            rng.Next(),
            parameters);
    }

    public static IEnumerable<RunRecord> Rows(ExperimentManifest manifest, bool withParameters = false)
    {
        foreach (var variant in manifest.Variants)
        {
            for (var k = manifest.FirstRun; k < manifest.EndRun; k++)
            {
                yield return Row(variant, k, withParameters);
            }
        }
    }

    private static int GetHashCodeStable(this string text)
    {
        var h = 17;
        foreach (var c in text)
        {
            h = unchecked((h * 31) + c);
        }
        return h;
    }
}
