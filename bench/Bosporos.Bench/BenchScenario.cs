using Bosporos.Kernel;
using Bosporos.Scenarios;

namespace Bosporos.Bench;

/// <summary>The scenario the benchmarks run: $BOSPOROS_BENCH_SCENARIO if set, otherwise the shipped constantinople-626.</summary>
internal static class BenchScenario
{
    public const string FileVariable = "BOSPOROS_BENCH_SCENARIO";

    public static SiegeDefinition Load()
    {
        var path = Environment.GetEnvironmentVariable(FileVariable);
        if (string.IsNullOrWhiteSpace(path))
        {
            path = ScenarioCatalog.Find("constantinople-626")?.Path
                ?? throw new InvalidOperationException("The shipped scenario constantinople-626 was not found; set BOSPOROS_SCENARIOS or BOSPOROS_BENCH_SCENARIO.");
        }

        var result = ScenarioLoader.LoadFile(path);
        if (!result.Succeeded)
        {
            var errors = string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == Scenarios.Validation.Severity.Error));
            throw new InvalidOperationException($"The benchmark scenario {path} does not load:{Environment.NewLine}{errors}");
        }

        return result.Definition!;
    }
}
