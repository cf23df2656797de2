using Bosporos.Analysis.Experiments;
using Bosporos.Analysis.Stores;
using Bosporos.Analysis.Tests.Experiments;
using Bosporos.Analysis.War;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Analysis.Tests.War;

/// <summary>Uncertainty, Morris and Sobol designs on the shipped war: its contested numbers in, its outputs out.</summary>
public sealed class WarDesignTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "bosporos-war-design-" + Guid.NewGuid().ToString("N"));

    public WarDesignTests() => Directory.CreateDirectory(dir);

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static string War => ShippedExperimentTests.RepoFile("scenarios", "war-622-628.yaml");

    private static string Siege => ShippedExperimentTests.RepoFile("scenarios", "constantinople-626.yaml");

    private string Write(string body, string scenario)
    {
        var path = Path.Combine(dir, "exp.yaml");
        File.WriteAllText(path, $"id: war-design\nscenario: {scenario}\nmaster-seed: 628\n{body}");
        return path;
    }

    private static (RunPlan? Plan, ISiegeModel? Model, List<Diagnostic> Diagnostics) Build(string path)
    {
        var loaded = ExperimentLoader.LoadFile(path);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var diagnostics = new List<Diagnostic>();
        var model = ScenarioSiegeModel.Open(loaded.Experiment!, diagnostics);
        var plan = model is null ? null : RunPlan.Build(loaded.Experiment!, model, diagnostics);
        return (plan, model, diagnostics);
    }

    private static RunRecord Row(string outcome, long khosrowFallDay, long decisive = 1) =>
        new("baseline", 0, 1, outcome, "horizon", 24 * 2000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1000, false, false, 7, new Dictionary<string, decimal>())
        {
            Measures = new Dictionary<string, long>(StringComparer.Ordinal)
            {
                ["capital-held"] = 1,
                ["decisive-victory"] = decisive,
                ["khosrow-fell"] = khosrowFallDay >= 0 ? 1 : 0,
                ["khosrow-fall-day"] = khosrowFallDay,
                ["roman-losses"] = 16_000,
            },
        };

    [Fact]
    public void War_outputs_read_the_war_record_and_censor_a_day_that_never_came_at_the_horizon()
    {
        var catalog = WarMetrics.For(2828);
        double Read(string name, RunRecord r) => catalog.Find(name)!.Read(r);
        var fell = Row("peace", 2150);
        var never = Row("undecided", -1, decisive: 0);
        Assert.Equal(1, Read("khosrow-fell", fell));
        Assert.Equal(0, Read("khosrow-fell", never));
        Assert.Equal(2150, Read("khosrow-fall-day", fell));
        Assert.Equal(2828, Read("khosrow-fall-day", never));
        Assert.Equal(1, Read("peace", fell));
        Assert.Equal(0, Read("peace", never));
        Assert.Equal(1, Read("undecided", never));
        Assert.Equal(0, Read("decisive-victory", never));
        Assert.Equal(16_000, Read("roman-losses", fell));
        Assert.True(catalog.Find("peace")!.IsShare);
        Assert.False(catalog.Find("khosrow-fall-day")!.IsShare);
        Assert.Contains("day 2828", catalog.Find("khosrow-fall-day")!.Description, StringComparison.Ordinal);
        Assert.All(WarMetrics.DefaultOutputs, n => Assert.NotNull(catalog.Find(n)));
        Assert.Equal(WarMetrics.Names, catalog.All.Select(m => m.Name));
    }

    [Fact]
    public void A_war_design_samples_every_contested_number_of_the_war_and_defaults_to_the_wars_outputs()
    {
        var (plan, model, diagnostics) = Build(Write("mode: morris\nmorris: { trajectories: 2, seeds-per-point: 1 }\n", War));
        Assert.True(plan is not null, string.Join("\n", diagnostics));
        Assert.IsType<WarModel>(model);
        var ranged = model!.Numbers.Where(n => n.RangeLow < n.RangeHigh).Select(n => n.Path).Distinct().ToList();
        Assert.Equal(ranged, plan!.Parameters.Select(p => p.Path));
        Assert.Contains("armies.capital-garrison.strength", ranged);
        Assert.Contains("battle.lethality", ranged);
        Assert.Equal(WarMetrics.DefaultOutputs, plan.Experiment.Outputs);
        Assert.Equal(WarMetrics.DefaultOutputs, plan.Outputs.Select(m => m.Name));
        Assert.Equal((2 * (ranged.Count + 1)) + 1 + (2 * ranged.Count), plan.RunCount);
    }

    [Fact]
    public void The_siege_inside_the_war_keeps_its_own_numbers_out_of_reach()
    {
        // The war's --set paths address the war file only: a number of the siege scenario is not one of the war's.
        var (plan, _, diagnostics) = Build(Write("mode: morris\nparameters: [armies.capital-garrison.strength, contingents.field-troops.strength]\n", War));
        Assert.Null(plan);
        var d = Assert.Single(diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("BOSX061", 5, 48), (d.Code, d.Line, d.Column));
        Assert.Contains("no number at 'contingents.field-troops.strength'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_siege_output_named_for_a_war_is_an_error_at_its_place_listing_the_wars_outputs()
    {
        var (plan, _, diagnostics) = Build(Write("mode: uncertainty\noutputs:\n  - khosrow-fell\n  - close-siege-days\n", War));
        Assert.Null(plan);
        var d = Assert.Single(diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("BOSX064", 7, 5), (d.Code, d.Line, d.Column));
        Assert.EndsWith("exp.yaml", d.File, StringComparison.Ordinal);
        Assert.Contains("'close-siege-days' is an output of siege scenarios", d.Message, StringComparison.Ordinal);
        Assert.Contains("war-622-628", d.Message, StringComparison.Ordinal);
        Assert.Contains("Outputs of a war scenario: capital-held,", d.Hint, StringComparison.Ordinal);
        Assert.Contains("khosrow-fall-day", d.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_war_output_named_for_a_siege_is_an_error_at_its_place_listing_the_sieges_outputs()
    {
        var (plan, _, diagnostics) = Build(Write("mode: uncertainty\noutputs: [fallen, khosrow-fell]\n", Siege));
        Assert.Null(plan);
        var d = Assert.Single(diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("BOSX064", 5, 19), (d.Code, d.Line, d.Column));
        Assert.Contains("'khosrow-fell' is an output of war scenarios, and 'constantinople-626' is a siege scenario", d.Message, StringComparison.Ordinal);
        Assert.Contains("Outputs of a siege scenario: lifted, fallen,", d.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_of_neither_kind_is_refused_by_the_loader_with_both_lists()
    {
        var r = ExperimentLoader.LoadText("id: a\nscenario: s\nmaster-seed: 1\nmode: morris\noutputs: [khosrow-fel]\n", "exp.yaml");
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(("BOSX044", 5, 11), (d.Code, d.Line, d.Column));
        Assert.Contains("Did you mean 'khosrow-fell'?", d.Hint, StringComparison.Ordinal);
        Assert.Contains("Outputs of a siege scenario:", d.Hint, StringComparison.Ordinal);
        Assert.Contains("Outputs of a war scenario:", d.Hint, StringComparison.Ordinal);
        Assert.True(ExperimentLoader.LoadText("id: a\nscenario: s\nmaster-seed: 1\nmode: morris\noutputs: [khosrow-fell, fallen]\n", "exp.yaml").Succeeded);
    }

    [Fact]
    public void Until_ci_stays_refused_for_a_war_with_its_reason()
    {
        var (plan, model, diagnostics) = Build(Write("runs: 4\nuntil-ci: 0.05\n", War));
        Assert.Null(plan);
        Assert.Null(model);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("BOSX056", 2, 11), (d.Code, d.Line, d.Column));
        Assert.Contains("siege's outcome shares", d.Message, StringComparison.Ordinal);
        Assert.Contains("fixed 'runs'", d.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mode: uncertainty\nuncertainty: { draws: 2, seeds-per-draw: 2 }\n", "Uncertainty: 2 Latin hypercube draws of 2 numbers x 2 seeds each", 4)]
    [InlineData("mode: morris\nmorris: { trajectories: 2, seeds-per-point: 1 }\n", "Sensitivity (morris): 11 design points x 1 seeds", 11)]
    [InlineData("mode: sobol\nsobol: { base-samples: 2, seeds-per-point: 1, bootstrap: 10 }\n", "Sensitivity (sobol): 13 design points x 1 seeds", 13)]
    public void Each_design_runs_whole_wars_and_reports_the_wars_outputs(string design, string header, int runs)
    {
        var path = Write(design + "parameters: [armies.heraclius.strength, battle.lethality]\noutputs: [khosrow-fell, peace, khosrow-fall-day, roman-losses]\n", War);
        var store = new MemoryResultStore();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.True(new ExperimentCommands(_ => store).Run(new ExperimentRunArguments(path, "mem") { Threads = 2 }, stdout, stderr) == 0, stderr.ToString());
        var rows = store.ReadAll().ToList();
        Assert.Equal(runs, rows.Count);
        Assert.All(rows, r => Assert.Contains("khosrow-fall-day", r.Measures.Keys));
        Assert.All(rows, r => Assert.Contains(r.Outcome, WarMeasures.OutcomeNames));
        Assert.All(rows, r => Assert.Equal(["armies.heraclius.strength", "battle.lethality"], r.Parameters.Keys.Order(StringComparer.Ordinal)));
        var text = stdout.ToString();
        Assert.Contains("Experiment war-design on war-622-628", text, StringComparison.Ordinal);
        Assert.Contains(header, text, StringComparison.Ordinal);
        foreach (var output in new[] { "khosrow-fell", "peace", "khosrow-fall-day", "roman-losses" })
        {
            Assert.Contains(output, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("close-siege-days", text, StringComparison.Ordinal);
    }
}
