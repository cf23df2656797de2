using Bosporos.Analysis.Experiments;
using Bosporos.Analysis.Stores;

namespace Bosporos.Analysis.Tests.Experiments;

public class AnalysisTests
{
    private static (RunPlan Plan, IReadOnlyList<RunRecord> Rows) PairedRun()
    {
        var plan = Fixtures.Plan(Fixtures.Paired);
        var (store, _) = Fixtures.Run(plan);
        return (plan, store.ReadAll().ToList());
    }

    [Fact]
    public void Removing_the_fleet_raises_the_fall_with_an_interval_clear_of_zero()
    {
        var (plan, rows) = PairedRun();
        var report = PairedAnalysis.Analyze(plan.Experiment, rows);
        var noFleet = report.Comparisons.Single(c => c.Variant == "no-fleet");
        var fallen = noFleet.Shares.Single(s => s.Outcome == "fallen");
        Assert.Equal(120, noFleet.Pairs);
        Assert.True(fallen.Difference.Low > 0, $"{fallen.Difference}");
        Assert.Equal(fallen.Variant.Value - fallen.Baseline.Value, fallen.Difference.Value, 12);
        Assert.Equal(120, report.BaselineRuns);
        Assert.Equal(1, report.BaselineShares.Sum(s => s.Share.Value), 12);
    }

    [Fact]
    public void A_variant_that_changes_nothing_shows_exactly_no_difference()
    {
        var (plan, rows) = PairedRun();
        var same = PairedAnalysis.Analyze(plan.Experiment, rows).Comparisons.Single(c => c.Variant == "same");
        Assert.Equal(0, same.DiscordantPairs);
        Assert.All(same.Shares, s => Assert.Equal((0.0, 0.0, 0.0), (s.Difference.Value, s.Difference.Low, s.Difference.High)));
        Assert.Equal(0, same.MedianCloseSiegeDaysChange.Value);
        Assert.Equal(0, same.MedianCloseSiegeDaysChange.HalfWidth);
        Assert.All(same.Quantities, q => Assert.Equal(0, q.Difference.Value));
    }

    [Fact]
    public void Paired_losses_reflect_the_bigger_garrison()
    {
        var (plan, rows) = PairedRun();
        var big = PairedAnalysis.Analyze(plan.Experiment, rows).Comparisons.Single(c => c.Variant == "big-garrison");
        var romans = big.Quantities.Single(q => q.Quantity == "roman-losses");
        // losses = garrison · 0.05 · (1 + u) with the same u in both arms: +3000 men → +150 to +300 per run
        Assert.InRange(romans.Difference.Low, 149, 300);
        Assert.InRange(romans.Difference.High, 150, 301);
        Assert.Equal(romans.VariantMean - romans.BaselineMean, romans.Difference.Value, 9);
    }

    [Fact]
    public void First_divergence_names_the_day_and_both_events()
    {
        var (plan, rows) = PairedRun();
        var sample = FirstDivergence.Sample(rows, "no-fleet", 3, 2);
        Assert.Equal(5, sample.Count);
        var groups = rows.GroupBy(r => r.Variant).ToDictionary(g => g.Key, g => g.ToDictionary(r => r.RunIndex));
        Assert.All(sample.Take(3), k => Assert.NotEqual(groups["baseline"][k].Outcome, groups["no-fleet"][k].Outcome));
        Assert.All(sample.Skip(3), k => Assert.Equal(groups["baseline"][k].Outcome, groups["no-fleet"][k].Outcome));

        var found = FirstDivergence.Find(plan, new ToyModel(), "no-fleet", sample);
        Assert.All(found, d =>
        {
            Assert.Equal(6, d.Hour); // the first patrol of day 0 already differs: no hulls, other odds
            Assert.Contains("day 0, 06:00", d.Sentence, StringComparison.Ordinal);
            Assert.Contains("in the baseline, the fleet sank", d.Sentence, StringComparison.Ordinal);
            Assert.Contains("with no-fleet, the fleet sank 0 boats", d.Sentence, StringComparison.Ordinal);
        });
        Assert.Equal(groups["no-fleet"][sample[0]].Outcome, found[0].VariantOutcome);
    }

    [Fact]
    public void Identical_histories_never_part()
    {
        var (plan, rows) = PairedRun();
        var sample = FirstDivergence.Sample(rows, "same", 5, 2);
        Assert.Equal(2, sample.Count);
        var found = FirstDivergence.Find(plan, new ToyModel(), "same", sample);
        Assert.All(found, d =>
        {
            Assert.Null(d.Hour);
            Assert.Contains("never part", d.Sentence, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void First_divergence_refuses_the_baseline_or_unknown_names()
    {
        var (plan, _) = PairedRun();
        Assert.Throws<ArgumentException>(() => FirstDivergence.Find(plan, new ToyModel(), "baseline", [0]));
        Assert.Throws<ArgumentException>(() => FirstDivergence.Find(plan, new ToyModel(), "nope", [0]));
    }

    [Fact]
    public void Without_dice_all_variance_comes_from_the_inputs()
    {
        var plan = Fixtures.Plan("""
            id: u
            scenario: toy.yaml
            master-seed: 5
            mode: uncertainty
            baseline: { luck.weight: 0 }
            uncertainty: { draws: 40, seeds-per-draw: 4 }
            outputs: [fallen]
            """);
        var (store, _) = Fixtures.Run(plan);
        var report = UncertaintyAnalysis.Analyze(plan, store.ReadAll());
        var fallen = report.Variants.Single().Outputs.Single();
        Assert.Equal(0, fallen.Split.Chance);
        Assert.True(fallen.Split.Inputs > 0);
        Assert.Equal(1, fallen.Split.InputShare);
        Assert.InRange(fallen.Mean, 0, 1);
        Assert.True(fallen.DrawMeanP05 <= fallen.DrawMeanP50 && fallen.DrawMeanP50 <= fallen.DrawMeanP95);
    }

    [Fact]
    public void When_the_sampled_number_does_not_matter_the_variance_is_chance()
    {
        var plan = Fixtures.Plan("""
            id: u
            scenario: toy.yaml
            master-seed: 5
            mode: uncertainty
            uncertainty: { draws: 40, seeds-per-draw: 25 }
            parameters:
              - { path: combat.lethality, range: [0.2, 0.5] }
            outputs: [fallen, close-siege-days]
            """);
        var (store, _) = Fixtures.Run(plan);
        var report = UncertaintyAnalysis.Analyze(plan, store.ReadAll());
        Assert.All(report.Variants.Single().Outputs, o => Assert.True(o.Split.InputShare < 0.15, $"{o.Output}: {o.Split}"));
    }

    [Fact]
    public void Designed_analyses_refuse_an_incomplete_store()
    {
        var plan = Fixtures.Plan("id: u\nscenario: toy.yaml\nmaster-seed: 3\nmode: uncertainty\nuncertainty: { draws: 3, seeds-per-draw: 2 }\n");
        var (store, _) = Fixtures.Run(plan, new RunOptions { FirstRun = 0, EndRun = 4 });
        var ex = Assert.Throws<InvalidOperationException>(() => UncertaintyAnalysis.Analyze(plan, store.ReadAll()));
        Assert.Contains("run 4 is missing", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("morris", "morris: { trajectories: 6, levels: 4, seeds-per-point: 3 }", "mu*")]
    [InlineData("sobol", "sobol: { base-samples: 64, seeds-per-point: 3, bootstrap: 50 }", "ST")]
    public void Sensitivity_ranks_the_number_that_decides_the_output_first(string mode, string settings, string score)
    {
        var plan = Fixtures.Plan($"id: s\nscenario: toy.yaml\nmaster-seed: 9\nmode: {mode}\n{settings}\noutputs: [roman-losses]\n");
        var (store, _) = Fixtures.Run(plan, new RunOptions { Threads = 2 });
        var report = SensitivityAnalysis.Analyze(plan, store.ReadAll());
        var output = report.Variants.Single().Outputs.Single();
        Assert.Equal(score, output.ScoreName);
        Assert.Equal("garrison.strength", output.Ranking[0].Path);
        Assert.Equal("Theodore Syncellus", output.Ranking[0].Source);
        Assert.True(output.Ranking[0].Score > 0);
        Assert.All(output.Ranking.Skip(1), r => Assert.Equal(0, r.Score, 9)); // same seeds at every point: no noise
        Assert.Equal("garrison.strength", output.Tornado[0].Path);
        Assert.True(output.Tornado[0].AtHigh > output.Tornado[0].AtLow);
        Assert.Equal(0, output.Tornado[1].Swing, 9);
        Assert.Equal([1, 2, 3], output.Ranking.Select(r => r.Rank));
    }

    [Fact]
    public void Reports_render_as_text_and_json()
    {
        var (plan, rows) = PairedRun();
        var report = ExperimentReport.Build(plan, new ToyModel(), rows, divergence: true);
        var text = new StringWriter();
        ExperimentReportWriter.WriteText(report, text);
        Assert.Contains("Variant no-fleet", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("Where baseline and no-fleet part", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("median close-siege days", text.ToString(), StringComparison.Ordinal);
        var json = new StringWriter();
        ExperimentReportWriter.WriteJson(report, json);
        using var doc = System.Text.Json.JsonDocument.Parse(json.ToString());
        Assert.Equal("toy-paired", doc.RootElement.GetProperty("experiment-id").GetString());
        Assert.Equal(3, doc.RootElement.GetProperty("paired").GetProperty("comparisons").GetArrayLength());
        Assert.Equal(ExperimentDigest.Compute(rows), report.Digest);
    }
}
