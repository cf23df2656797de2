using Bosporos.Analysis.Experiments;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Analysis.Tests.Experiments;

internal static class Fixtures
{
    public const string Paired = """
        id: toy-paired
        scenario: toy.yaml
        master-seed: 626
        runs: 120
        batch: 25
        record: { divergence-pairs: 3, agreeing-pairs: 2 }
        variants:
          - name: no-fleet
            set: { fleet.hulls: 0 }
          - name: same
            set: { fleet.hulls: 70 }
          - name: big-garrison
            set: { garrison.strength: 15000 }
        """;

    public static ExperimentDefinition Experiment(string text, string file = "exp.yaml")
    {
        var r = ExperimentLoader.LoadText(text, file);
        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics));
        return r.Experiment!;
    }

    public static RunPlan Plan(string text, ISiegeModel? model = null)
    {
        var diagnostics = new List<Diagnostic>();
        var plan = RunPlan.Build(Experiment(text), model ?? new ToyModel(), diagnostics);
        Assert.True(plan is not null, string.Join("\n", diagnostics));
        return plan!;
    }

    public static (MemoryResultStore Store, RunOutcome Outcome) Run(RunPlan plan, RunOptions? options = null, MemoryResultStore? store = null, ISiegeModel? model = null)
    {
        store ??= new MemoryResultStore();
        var outcome = ExperimentRunner.Run(plan, model ?? new ToyModel(), store, options ?? new RunOptions { CreatedUtc = DateTimeOffset.UnixEpoch });
        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Diagnostics));
        return (store, outcome);
    }
}
