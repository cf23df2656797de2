using Bosporos.Analysis.Experiments;
using Bosporos.Analysis.Statistics;
using Bosporos.Kernel.Randomness;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Analysis.Tests.Experiments;

public class RunPlanTests
{
    private const string Uncertainty = """
        id: toy-uncertainty
        scenario: toy.yaml
        master-seed: 7
        mode: uncertainty
        uncertainty: { draws: 12, seeds-per-draw: 5 }
        """;

    [Fact]
    public void Paired_runs_share_seeds_across_variants()
    {
        var plan = Fixtures.Plan(Fixtures.Paired);
        Assert.Equal(120, plan.RunCount);
        Assert.Equal(["baseline", "no-fleet", "same", "big-garrison"], plan.Variants);
        for (long k = 0; k < 120; k++)
        {
            Assert.Equal(SplitMix64.Derive(626, (ulong)k), plan.SeedOf(k));
            Assert.Equal(0, plan.PointOf(k));
        }

        Assert.Empty(plan.ParametersAt(0));
        Assert.Equal("fleet.hulls", plan.OverridesFor(1, 0).Single().Path);
    }

    [Fact]
    public void Uncertainty_samples_every_ranged_number_by_default()
    {
        var plan = Fixtures.Plan(Uncertainty);
        Assert.Equal(["fleet.hulls", "garrison.strength", "host.ration-days"], plan.Parameters.Select(p => p.Path));
        Assert.Equal(60, plan.RunCount);
        Assert.Equal(12, plan.PointCount);
        Assert.Equal(2, plan.PointOf(13));
        Assert.Equal(SplitMix64.Derive(7, 13), plan.SeedOf(13));
        for (var j = 0; j < plan.PointCount; j++)
        {
            var values = plan.ParametersAt(j);
            Assert.InRange(values["garrison.strength"], 10000, 15000);
            Assert.Equal(decimal.Truncate(values["garrison.strength"]), values["garrison.strength"]);
        }
    }

    [Fact]
    public void Epistemic_draws_come_from_their_own_stream_not_the_dice()
    {
        var plan = Fixtures.Plan(Uncertainty);
        var lhs = LatinHypercube.Sample(12, 3, 7, RunPlan.EpistemicSalt);
        for (var j = 0; j < 12; j++)
        {
            Assert.Equal(plan.Parameters[0].ValueAt(lhs[j][0]), plan.ParametersAt(j)["fleet.hulls"]);
        }

        // Adding a variant changes neither the draws nor the seeds.
        var withVariant = Fixtures.Plan(Uncertainty + "\nvariants:\n  - { name: v, set: { combat.lethality: 0.5 } }\n");
        for (var j = 0; j < 12; j++)
        {
            Assert.Equal(plan.ParametersAt(j), withVariant.ParametersAt(j));
        }
    }

    [Fact]
    public void Sensitivity_designs_reuse_the_same_seeds_at_every_point()
    {
        var plan = Fixtures.Plan("id: m\nscenario: toy.yaml\nmaster-seed: 3\nmode: morris\nmorris: { trajectories: 4, levels: 4, seeds-per-point: 6 }\n");
        var d = plan.Parameters.Count;
        Assert.Equal(((4 * (d + 1)) + 1 + (2 * d)) * 6, plan.RunCount);
        Assert.Equal(4 * (d + 1), plan.TornadoOffset);
        for (long k = 0; k < plan.RunCount; k++)
        {
            Assert.Equal(SplitMix64.Derive(3, (ulong)(k % 6)), plan.SeedOf(k));
        }

        var sobol = Fixtures.Plan("id: s\nscenario: toy.yaml\nmaster-seed: 3\nmode: sobol\nsobol: { base-samples: 8, seeds-per-point: 2 }\n");
        Assert.Equal(((8 * (d + 2)) + 1 + (2 * d)) * 2, sobol.RunCount);
    }

    [Fact]
    public void Explicit_ranges_and_decimals_are_honoured()
    {
        var plan = Fixtures.Plan("id: s\nscenario: toy.yaml\nmaster-seed: 3\nmode: uncertainty\nparameters:\n  - { path: combat.lethality, range: [0.2, 0.5] }\n");
        var p = Assert.Single(plan.Parameters);
        Assert.False(p.Integer);
        Assert.Equal(0.35m, p.Nominal);
        Assert.All(Enumerable.Range(0, plan.PointCount), j =>
        {
            var v = plan.ParametersAt(j)["combat.lethality"];
            Assert.InRange(v, 0.2m, 0.5m);
            Assert.Equal(v, Math.Round(v, 4));
        });
        Assert.Equal(0.5, p.NominalUnit, 9);
    }

    [Fact]
    public void A_sampled_number_fixed_by_a_variant_keeps_the_fixed_value_with_a_warning()
    {
        var diagnostics = new List<Diagnostic>();
        var e = Fixtures.Experiment(Uncertainty + "\nvariants:\n  - { name: no-fleet, set: { fleet.hulls: 0 } }\n");
        var plan = RunPlan.Build(e, new ToyModel(), diagnostics)!;
        var d = Assert.Single(diagnostics);
        Assert.Equal((Severity.Warning, "BOSX063", 7, 5), (d.Severity, d.Code, d.Line, d.Column));
        Assert.Equal("0", plan.OverridesFor(1, 3).Last(o => o.Path == "fleet.hulls").Value);
        Assert.Equal(0, plan.ParametersUsed(1, 3)["fleet.hulls"]);
        Assert.Equal(plan.ParametersAt(3)["garrison.strength"], plan.ParametersUsed(1, 3)["garrison.strength"]);
        Assert.Same(plan.ParametersAt(3), plan.ParametersUsed(0, 3));

        var (store, _) = Fixtures.Run(plan);
        Assert.All(store.ReadAll().Where(r => r.Variant == "no-fleet"), r => Assert.Equal(0, r.Parameters["fleet.hulls"]));
    }

    [Fact]
    public void Unknown_parameter_paths_are_located_with_a_hint()
    {
        var diagnostics = new List<Diagnostic>();
        var e = Fixtures.Experiment("id: s\nscenario: toy.yaml\nmaster-seed: 3\nmode: morris\nparameters:\n  - fleet.hull\n");
        Assert.Null(RunPlan.Build(e, new ToyModel(), diagnostics));
        var d = Assert.Single(diagnostics);
        Assert.Equal(("BOSX061", 6, 5), (d.Code, d.Line, d.Column));
        Assert.Contains("fleet.hulls", d.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_without_a_range_are_refused()
    {
        var diagnostics = new List<Diagnostic>();
        var e = Fixtures.Experiment("id: s\nscenario: toy.yaml\nmaster-seed: 3\nmode: morris\nparameters: [luck.weight]\n");
        Assert.Null(RunPlan.Build(e, new ToyModel(), diagnostics));
        Assert.Equal("BOSX062", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void A_scenario_without_ranges_has_nothing_to_sample()
    {
        var diagnostics = new List<Diagnostic>();
        var unranged = ToyModel.DefaultNumbers.Select(n => n with { RangeLow = null, RangeHigh = null }).ToList();
        Assert.Null(RunPlan.Build(Fixtures.Experiment(Uncertainty), new ToyModel(unranged), diagnostics));
        Assert.Equal("BOSX060", Assert.Single(diagnostics).Code);
    }
}
