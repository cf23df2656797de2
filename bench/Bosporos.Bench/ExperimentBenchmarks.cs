using BenchmarkDotNet.Attributes;
using Bosporos.Analysis.Experiments;
using Bosporos.Analysis.Stores;
using Bosporos.Scenarios;

namespace Bosporos.Bench;

/// <summary>
/// Experiments end to end on 2 threads, each invocation into a new SQLite store: a 10,000-run paired experiment
/// (baseline and no-fleet, 5,000 seeds each) stored and digested; and a 14,000-run paired comparison (7,000 seeds each)
/// stored, digested and analysed, first-divergence replays included. Mean is per experiment.
/// </summary>
public class ExperimentBenchmarks
{
    private string directory = null!;
    private string store = null!;
    private PreparedPlan tenThousand = null!;
    private PreparedPlan fourteenThousand = null!;

    [GlobalSetup]
    public void Setup()
    {
        directory = Path.Combine(Path.GetTempPath(), "bosporos-bench-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(directory);
        tenThousand = Prepare(5_000);
        fourteenThousand = Prepare(7_000);
    }

    [IterationSetup]
    public void NewStore() => store = Path.Combine(directory, Guid.NewGuid().ToString("n") + ".db");

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(directory, recursive: true);

    [Benchmark(Description = "experiment, 10,000 runs, 2 threads, SQLite")]
    public string Experiment() => Run(tenThousand, analyse: false);

    [Benchmark(Description = "paired comparison, 14,000 runs, end to end")]
    public string Comparison() => Run(fourteenThousand, analyse: true);

    private string Run(PreparedPlan prepared, bool analyse)
    {
        using var s = ResultStores.Open(store);
        var outcome = ExperimentRunner.Run(prepared.Plan, prepared.Model, s, new RunOptions { Threads = 2 });
        if (outcome.Digest is null)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, outcome.Diagnostics));
        }

        if (analyse)
        {
            var report = ExperimentReport.Build(prepared.Plan, prepared.Model, s.ReadAll().ToList(), divergence: true);
            return report.Digest ?? outcome.Digest;
        }

        return outcome.Digest;
    }

    private static PreparedPlan Prepare(int runs)
    {
        var scenario = Environment.GetEnvironmentVariable(BenchScenario.FileVariable);
        if (string.IsNullOrWhiteSpace(scenario))
        {
            scenario = ScenarioCatalog.Find("constantinople-626")?.Path ?? throw new InvalidOperationException("The shipped scenario constantinople-626 was not found.");
        }

        var text = $"""
            format: 1
            id: bench-paired
            scenario: '{Path.GetFullPath(scenario)}'
            master-seed: 626
            runs: {runs}
            batch: 1000
            mode: paired
            variants:
              - name: no-fleet
                set:
                  flotillas.roman-galleys.hulls: 0
                  flotillas.roman-light-craft.hulls: 0
            """;
        var loaded = ExperimentLoader.LoadText(text, "bench.yaml");
        var diagnostics = new List<Scenarios.Validation.Diagnostic>(loaded.Diagnostics);
        var model = loaded.Experiment is null ? null : ScenarioSiegeModel.Open(loaded.Experiment, diagnostics);
        var plan = model is null ? null : RunPlan.Build(loaded.Experiment!, model, diagnostics);
        return plan is null || model is null
            ? throw new InvalidOperationException(string.Join(Environment.NewLine, diagnostics))
            : new PreparedPlan(plan, model);
    }

    private sealed record PreparedPlan(RunPlan Plan, ISiegeModel Model);
}
