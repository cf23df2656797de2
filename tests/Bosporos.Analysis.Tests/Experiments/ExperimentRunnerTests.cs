using Bosporos.Analysis.Experiments;
using Bosporos.Analysis.Statistics;
using Bosporos.Analysis.Stores;
using CsCheck;

namespace Bosporos.Analysis.Tests.Experiments;

public class ExperimentRunnerTests
{
    [Fact]
    public void Digest_is_the_same_for_one_and_two_threads()
    {
        var plan = Fixtures.Plan(Fixtures.Paired);
        var (one, r1) = Fixtures.Run(plan, new RunOptions { Threads = 1 });
        var (two, r2) = Fixtures.Run(plan, new RunOptions { Threads = 2 });
        Assert.Equal(r1.Digest, r2.Digest);
        Assert.Equal(ExperimentDigest.Compute(one.ReadAll()), r1.Digest);
        Assert.Equal(one.ReadAll().Select(r => r with { Parameters = null! }), two.ReadAll().Select(r => r with { Parameters = null! }));
        Assert.Equal(4 * 120, one.ReadAll().Count());
        Assert.Equal(r1.Digest, one.CompleteDigest);
    }

    [Fact]
    public void Digest_is_the_same_for_one_range_and_three_ranges_merged_in_order()
    {
        var plan = Fixtures.Plan(Fixtures.Paired);
        var (whole, r) = Fixtures.Run(plan);
        var merged = new MemoryResultStore();
        for (var k = 0; k < 3; k++)
        {
            var (first, end) = ExperimentRunner.Shard(plan.RunCount, k, 3);
            var (shard, _) = Fixtures.Run(plan, new RunOptions { FirstRun = first, EndRun = end, ShardIndex = k, ShardCount = 3, Threads = 2 });
            Assert.Equal(4 * (end - first), shard.ReadAll().Count());
            merged.MergeFrom(shard);
        }

        Assert.Equal(r.Digest, ExperimentDigest.Compute(merged.ReadAll()));
    }

    [Fact]
    public void Sampled_designs_are_thread_independent_too()
    {
        var plan = Fixtures.Plan("id: s\nscenario: toy.yaml\nmaster-seed: 3\nmode: sobol\nsobol: { base-samples: 6, seeds-per-point: 3 }\n");
        var (_, one) = Fixtures.Run(plan, new RunOptions { Threads = 1 });
        var (_, two) = Fixtures.Run(plan, new RunOptions { Threads = 2 });
        Assert.Equal(one.Digest, two.Digest);
    }

    [Theory]
    [InlineData("id: p\nscenario: toy.yaml\nmaster-seed: 3\nruns: 40\nbatch: 7\nvariants: [{ name: v, set: { fleet.hulls: 50 } }]\n")]
    [InlineData("id: s\nscenario: toy.yaml\nmaster-seed: 3\nmode: sobol\nsobol: { base-samples: 6, seeds-per-point: 3 }\nbatch: 10\n")]
    [InlineData("id: u\nscenario: toy.yaml\nmaster-seed: 3\nmode: uncertainty\nuncertainty: { draws: 5, seeds-per-draw: 4 }\nbatch: 3\n")]
    public void Range_runners_and_worker_threads_give_the_same_records(string text)
    {
        var plan = Fixtures.Plan(text);
        var (_, loose) = Fixtures.Run(plan, new RunOptions { Threads = 2 });
        var (_, ranged) = Fixtures.Run(plan, new RunOptions { Threads = 2 }, model: new ToyModel(ranges: true));
        Assert.Equal(loose.Digest, ranged.Digest);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Designs_hold_only_the_current_points_configurations(bool ranges)
    {
        var plan = Fixtures.Plan("id: s\nscenario: toy.yaml\nmaster-seed: 3\nmode: sobol\nsobol: { base-samples: 8, seeds-per-point: 4 }\nvariants: [{ name: v, set: { luck.weight: 0.5 } }]\n");
        var model = new ToyModel(ranges: ranges);
        var executor = new RunExecutor(plan, model, 2);
        var work = Enumerable.Range(0, 2).SelectMany(v => Enumerable.Range(0, (int)plan.RunCount).Select(k => (v, (long)k))).ToList();
        var records = executor.Execute(work);
        Assert.Equal(work.Count, records.Count);
        Assert.True(executor.CachedConfigurations <= 2, $"{executor.CachedConfigurations} configurations held");
        Assert.Equal(2 * plan.PointCount, model.Configurations); // each point configured once per variant
    }

    [Fact]
    public void A_stopped_run_resumes_where_it_left_off()
    {
        var plan = Fixtures.Plan(Fixtures.Paired);
        var (_, uninterrupted) = Fixtures.Run(plan);
        var store = new MemoryResultStore();
        Fixtures.Run(plan, new RunOptions { FirstRun = 0, EndRun = 50 }, store);
        var (_, resumed) = Fixtures.Run(plan, null, store);
        Assert.Equal(4 * 50, resumed.Skipped);
        Assert.Equal(4 * 70, resumed.Executed);
        Assert.Equal(uninterrupted.Digest, resumed.Digest);
    }

    [Fact]
    public void A_store_of_another_experiment_is_refused()
    {
        var store = new MemoryResultStore();
        Fixtures.Run(Fixtures.Plan(Fixtures.Paired), null, store);
        var other = Fixtures.Plan(Fixtures.Paired.Replace("master-seed: 626", "master-seed: 627", StringComparison.Ordinal));
        var outcome = ExperimentRunner.Run(other, new ToyModel(), store, new RunOptions());
        var d = Assert.Single(outcome.Diagnostics);
        Assert.Equal("BOSX070", d.Code);
        Assert.Equal("exp.yaml", d.File);
        Assert.False(outcome.StoreFailed);
        Assert.Contains("master seed", d.Message, StringComparison.Ordinal);
        Assert.Contains("experiment hash", d.Message, StringComparison.Ordinal);

        var otherScenario = ExperimentRunner.Run(Fixtures.Plan(Fixtures.Paired), new ToyModel(hash: "changed"), store, new RunOptions());
        Assert.Contains("scenario hash", Assert.Single(otherScenario.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Until_ci_stops_at_the_first_batch_where_every_share_is_precise_enough()
    {
        const double target = 0.04;
        var text = Fixtures.Paired.Replace("runs: 120", "runs: 5000", StringComparison.Ordinal) + "\nuntil-ci: 0.04\n";
        var plan = Fixtures.Plan(text);
        var (store, outcome) = Fixtures.Run(plan);
        Assert.True(outcome.StoppedEarly);
        Assert.True(outcome.EndRun < 5000);
        Assert.Equal(0, outcome.EndRun % 25);
        bool Precise(long n) => plan.Variants.All(v => Metrics.OutcomeNames.All(o =>
            ShareInterval.Wilson(store.ReadAll().Count(r => r.Variant == v && r.RunIndex < n && r.Outcome == o), n).HalfWidth < target));
        Assert.True(Precise(outcome.EndRun));
        Assert.False(Precise(outcome.EndRun - 25));
        Assert.Equal(plan.Variants.Count * outcome.EndRun, store.ReadAll().Count());
    }

    [Fact]
    public void Until_ci_cannot_be_sharded()
    {
        var plan = Fixtures.Plan(Fixtures.Paired + "\nuntil-ci: 0.04\n");
        var outcome = ExperimentRunner.Run(plan, new ToyModel(), new MemoryResultStore(), new RunOptions { FirstRun = 0, EndRun = 60 });
        Assert.Equal("BOSX072", Assert.Single(outcome.Diagnostics).Code);
    }

    [Fact]
    public void Ranges_outside_the_experiment_are_refused()
    {
        var plan = Fixtures.Plan(Fixtures.Paired);
        var outcome = ExperimentRunner.Run(plan, new ToyModel(), new MemoryResultStore(), new RunOptions { FirstRun = 100, EndRun = 500 });
        Assert.Equal("BOSX071", Assert.Single(outcome.Diagnostics).Code);
    }

    [Fact]
    public void A_variant_the_scenario_rejects_is_reported_before_any_run()
    {
        var plan = Fixtures.Plan(Fixtures.Paired + "\n  - name: broken\n    set: { fleet.hullz: 3 }\n");
        var store = new MemoryResultStore();
        var outcome = ExperimentRunner.Run(plan, new ToyModel(), store, new RunOptions());
        Assert.Equal(["BOSX055", "BOS2001"], outcome.Diagnostics.Select(d => d.Code));
        Assert.Contains("broken", outcome.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Equal(0, store.Appends);
    }

    [Fact]
    public void A_failing_store_becomes_a_diagnostic()
    {
        var store = new MemoryResultStore { FailOnAppend = new ResultStoreException("disk full") };
        var outcome = ExperimentRunner.Run(Fixtures.Plan(Fixtures.Paired), new ToyModel(), store, new RunOptions());
        var d = Assert.Single(outcome.Diagnostics);
        Assert.Equal("BOSX073", d.Code);
        Assert.Contains("disk full", d.Message, StringComparison.Ordinal);
        Assert.True(outcome.StoreFailed);
    }

    [Fact]
    public void Records_carry_the_design_point_parameters()
    {
        var plan = Fixtures.Plan("id: u\nscenario: toy.yaml\nmaster-seed: 3\nmode: uncertainty\nuncertainty: { draws: 3, seeds-per-draw: 2 }\n");
        var (store, _) = Fixtures.Run(plan);
        foreach (var r in store.ReadAll())
        {
            Assert.Equal(plan.ParametersAt(plan.PointOf(r.RunIndex)), r.Parameters);
            Assert.Equal(plan.SeedOf(r.RunIndex), r.Seed);
        }
    }

    [Fact]
    public void Shards_are_contiguous_and_cover_every_run_exactly_once() =>
        Gen.Select(Gen.Long[0, 100_000], Gen.Long[1, 64]).Sample((count, n) =>
        {
            var expected = 0L;
            for (var k = 0; k < n; k++)
            {
                var (first, end) = ExperimentRunner.Shard(count, k, n);
                if (first != expected || end < first)
                {
                    return false;
                }

                expected = end;
            }

            return expected == count;
        });

    [Fact]
    public void Kebab_case_of_causes() => Assert.Equal("host-starving", RunExecutor.Kebab("HostStarving"));
}
