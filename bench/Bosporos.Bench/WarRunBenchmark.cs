using BenchmarkDotNet.Attributes;
using Bosporos.Kernel;
using Bosporos.Kernel.Randomness;
using Bosporos.Kernel.War;
using Bosporos.Scenarios;
using Bosporos.Scenarios.War;

namespace Bosporos.Bench;

/// <summary>
/// One whole war run with the siege of the capital inside it, on a reused war simulation (Reset, then RunToEnd): what
/// one run of 'bosporos mc war-622-628' or of a war experiment costs. Runs per second per core is 1 / Mean; the memory
/// diagnoser's Allocated column is the garbage one war leaves.
/// </summary>
[MemoryDiagnoser]
public class WarRunBenchmark
{
    private WarSimulation sim = null!;
    private ulong run;

    [GlobalSetup]
    public void Setup()
    {
        var (war, siege) = WarScenario.Load();
        sim = WarSimulation.Create(war, siege, 1);
        sim.KeepsDailyHashes = false; // as in 'mc' and experiments, which keep each run's final hash only
        sim.RunToEnd(); // grow the event logs to their working size before measuring
    }

    [Benchmark(Description = "one war run with the siege inside (reset + run to end)")]
    public ulong OneWar()
    {
        sim.Reset(SplitMix64.Derive(628, run++));
        return sim.RunToEnd().StateHash;
    }
}

/// <summary>The war scenario the benchmarks run: $BOSPOROS_BENCH_WAR if set, otherwise the shipped war-622-628.</summary>
internal static class WarScenario
{
    public const string FileVariable = "BOSPOROS_BENCH_WAR";

    public static (WarDefinition War, SiegeDefinition Siege) Load()
    {
        var path = Environment.GetEnvironmentVariable(FileVariable);
        if (string.IsNullOrWhiteSpace(path))
        {
            path = ScenarioCatalog.Find("war-622-628")?.Path
                ?? throw new InvalidOperationException("The shipped scenario war-622-628 was not found; set BOSPOROS_SCENARIOS or BOSPOROS_BENCH_WAR.");
        }

        var result = WarScenarioLoader.LoadFile(path);
        if (!result.Succeeded)
        {
            var errors = string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == Scenarios.Validation.Severity.Error));
            throw new InvalidOperationException($"The benchmark war scenario {path} does not load:{Environment.NewLine}{errors}");
        }

        return (result.Definition!, result.Siege!);
    }
}
