using Bosporos.Analysis.Branching;
using Bosporos.Analysis.Experiments;
using Bosporos.Analysis.Stores;
using Bosporos.Analysis.Tests.Experiments;
using Bosporos.Kernel;
using Bosporos.Kernel.Command;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Time;
using Bosporos.Scenarios;
using Bosporos.Scenarios.Replays;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Analysis.Tests.Branching;

/// <summary>Branch experiments on the real kernel and the shipped scenario, from a replay of seed 26 (a run on the historical course: the boats on 7 August, the withdrawal on 8 August).</summary>
public sealed class BranchTests : IDisposable
{
    /// <summary>The morning of the boat attack in the replay of seed 26 (the boats put out at 08:00).</summary>
    private const string BoatMorning = "626-08-07T06:00";

    /// <summary>A seed whose run follows the historical course (the boat attack on 7 August, the withdrawal at dawn on 8 August).</summary>
    private const ulong HistoricalSeed = 26;

    private readonly string dir = Path.Combine(Path.GetTempPath(), "bosporos-branch-" + Guid.NewGuid().ToString("N"));

    public BranchTests() => Directory.CreateDirectory(dir);

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static string Scenario => ShippedExperimentTests.RepoFile("scenarios", "constantinople-626.yaml");

    private static SiegeDefinition Definition() => ScenarioLoader.LoadFile(Scenario).Definition!;

    /// <summary>Runs the shipped scenario with a seed and orders and writes its replay file.</summary>
    private string RecordReplay(ulong seed, IReadOnlyList<Order> orders, string name = "r.json")
    {
        var loaded = ScenarioLoader.LoadFile(Scenario);
        var sim = Simulation.Create(loaded.Definition!, seed);
        ReplayPlayer.Play(sim, orders);
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, ReplayJson.Write(ReplayPlayer.Record(sim, Scenario, loaded.ScenarioHash, [], orders)));
        return path;
    }

    private BranchPoint Open(string replay, string at = BoatMorning)
    {
        var opened = BranchPoint.Open(replay, at);
        Assert.True(opened.Point is not null, string.Join("\n", opened.Diagnostics));
        return opened.Point!;
    }

    private (RunPlan Plan, ISiegeModel Model, List<RunRecord> Rows, string Digest) Run(BranchPoint point, IReadOnlyList<BranchVariant> variants, long runs, int threads = 1)
    {
        var loaded = ExperimentLoader.LoadText(BranchExperiment.Text(point, variants, runs, "a test"), Path.Combine(dir, "branch.yaml"));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var diagnostics = new List<Diagnostic>();
        var model = ScenarioSiegeModel.Open(loaded.Experiment!, diagnostics);
        Assert.IsType<BranchSiegeModel>(model);
        var plan = RunPlan.Build(loaded.Experiment!, model!, diagnostics)!;
        var store = new MemoryResultStore();
        var outcome = ExperimentRunner.Run(plan, model!, store, new RunOptions { Threads = threads });
        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Diagnostics));
        var rows = store.ReadAll().ToList();
        return (plan, model!, rows, outcome.Digest!);
    }

    private static BranchVariant Variant(string name, params string[] set) =>
        new(name, [.. set.Select(s => ScenarioOverride.Parse(s)!)]);

    /// <summary>The replay's run, stepped afresh to the branch hour with its orders, copied with sample key k and played on.</summary>
    private static SiegeSummary Reference(SiegeDefinition definition, ulong seed, IReadOnlyList<Order> orders, int hour, ulong key)
    {
        var sim = Simulation.Create(definition, seed);
        BranchPoint.PlayUntil(sim, orders, hour);
        Assert.Equal(hour, sim.Now.Hours);
        var fork = sim.Fork(key);
        ReplayPlayer.Play(fork, orders);
        return fork.Summary;
    }

    [Fact]
    public void Without_a_change_every_run_is_the_replay_forked_at_the_hour_with_its_run_index_as_sample_key()
    {
        var point = Open(RecordReplay(HistoricalSeed, []));
        Assert.Equal(942, point.Hour); // 7 August is day 39: 39 x 24 + 6
        // 'same' sets a number to the value it has: it goes through Branch onto an equal definition.
        var (_, _, rows, _) = Run(point, [Variant("same", "contingents.field-troops.strength=12000")], runs: 12);
        var definition = Definition();
        foreach (var r in rows)
        {
            var expected = Reference(definition, HistoricalSeed, [], 942, (ulong)r.RunIndex);
            Assert.Equal((ulong)r.RunIndex, r.Seed);
            Assert.Equal(expected.StateHash, r.StateHash);
            Assert.Equal(expected.End.Hours, r.EndHour);
            Assert.Equal(expected.Outcome.ToString().ToLowerInvariant(), r.Outcome);
        }

        // The arms share their dice run for run, and the dice are the sample streams, not the replay's own future.
        var baseline = rows.Where(r => r.Variant == "baseline").OrderBy(r => r.RunIndex).Select(r => r.StateHash).ToList();
        Assert.Equal(baseline, rows.Where(r => r.Variant == "same").OrderBy(r => r.RunIndex).Select(r => r.StateHash));
        Assert.DoesNotContain(point.Replay.FinalHash, baseline);
        Assert.True(baseline.Distinct().Count() > 6, "different sample keys should give different histories");
    }

    [Fact]
    public void The_replays_orders_after_the_hour_are_given_to_every_arm()
    {
        Order[] orders = [new(new SimTime(950), Side.Avar, OrderKind.Withdraw, 0, 0) { Source = OrderSource.Script }];
        var point = Open(RecordReplay(HistoricalSeed, orders, "ordered.json"));
        Assert.Single(point.RemainingOrders);
        var (_, _, rows, _) = Run(point, [Variant("slow", "naval.intercept-by-day=0.05")], runs: 6);
        // Every arm withdraws at 10:00 on the order, unless the city fell to the boats before it.
        Assert.All(rows.Where(r => r.Variant == "baseline" || r.Outcome != "fallen"), r => Assert.Equal("ordered", r.Cause));
        var definition = Definition();
        foreach (var r in rows.Where(r => r.Variant == "baseline"))
        {
            Assert.Equal(Reference(definition, HistoricalSeed, orders, 942, (ulong)r.RunIndex).StateHash, r.StateHash);
        }
    }

    [Fact]
    public void Taking_the_light_craft_off_the_Horn_on_the_morning_of_the_boat_attack_lets_the_city_fall()
    {
        var point = Open(RecordReplay(HistoricalSeed, []));
        var (plan, model, rows, _) = Run(point, [Variant("no-light-craft", "orders.patrol.golden-horn-upper=0"), Variant("slow-intercept", "naval.intercept-by-day=0.05")], runs: 150);
        var report = ExperimentReport.Build(plan, model, rows, divergence: false);
        foreach (var name in new[] { "no-light-craft", "slow-intercept" })
        {
            var fallen = report.Paired!.Comparisons.Single(c => c.Variant == name).Shares.Single(s => s.Outcome == "fallen").Difference;
            Assert.True(fallen.Low > 0, $"{name}: change in the fallen share {fallen.Value} [{fallen.Low}, {fallen.High}] should exclude zero");
        }

        var ends = report.Branch!.EndDates;
        Assert.Equal(["baseline", "no-light-craft", "slow-intercept"], ends.Select(e => e.Variant));
        Assert.All(ends, e => Assert.Equal(150, e.Runs));
        Assert.All(ends, e => Assert.True(e.P10Hour >= 942 && e.P10Hour <= e.MedianHour && e.MedianHour <= e.P90Hour));
        Assert.Equal("0626-08-07T06:00", report.Branch.At);
    }

    [Fact]
    public void Branch_runs_give_the_same_digest_on_one_and_two_threads()
    {
        var point = Open(RecordReplay(HistoricalSeed, []));
        var variants = new[] { Variant("no-light-craft", "orders.patrol.golden-horn-upper=0") };
        Assert.Equal(Run(point, variants, 40, threads: 1).Digest, Run(point, variants, 40, threads: 2).Digest);
    }

    [Fact]
    public void A_variant_that_changes_the_shape_of_the_siege_is_refused()
    {
        var point = Open(RecordReplay(HistoricalSeed, []));
        var model = new BranchSiegeModel(point);
        var c = model.Configure([new ScenarioOverride("calendar.horizon-days", "50")]);
        Assert.False(c.Succeeded);
        var d = Assert.Single(c.Diagnostics);
        Assert.Equal("BOSX096", d.Code);
        Assert.Contains("shape", d.Message, StringComparison.Ordinal);
        Assert.NotNull(d.Hint);
    }

    [Theory]
    [InlineData("orders.patrl.golden-horn-upper", "0", "Did you mean 'patrol'?")]
    [InlineData("orders.patrol.golden-horn-uper", "0", "Did you mean 'golden-horn-upper'")]
    [InlineData("orders.patrol", "0", "needs a zone")]
    [InlineData("orders.patrol.golden-horn-upper", "-1", "whole number")]
    [InlineData("orders.patrol.golden-horn-upper", "5000", "would be refused")]
    public void A_bad_order_in_a_variant_is_refused_with_a_hint(string path, string value, string expected)
    {
        var model = new BranchSiegeModel(Open(RecordReplay(HistoricalSeed, [])));
        var c = model.Configure([new ScenarioOverride(path, value)]);
        Assert.False(c.Succeeded);
        var d = Assert.Single(c.Diagnostics);
        Assert.Equal("BOSX097", d.Code);
        Assert.Contains(expected, d.Message + " " + d.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("626-06-28T23:00", "before the siege begins")]
    [InlineData("626-08-08T05:00", "not within the replay")]
    [InlineData("626-12-01T00:00", "not within the replay")]
    public void A_moment_outside_the_replay_is_refused_as_a_moment_problem(string at, string expected)
    {
        var opened = BranchPoint.Open(RecordReplay(HistoricalSeed, []), at);
        Assert.Null(opened.Point);
        Assert.Equal(BranchProblem.Moment, opened.Problem);
        var d = Assert.Single(opened.Diagnostics);
        Assert.Equal("BOSX095", d.Code);
        Assert.Contains(expected, d.Message, StringComparison.Ordinal);
        Assert.Contains("0626-08-08T04:00", d.Hint, StringComparison.Ordinal); // the last hour one can branch at
    }

    [Theory]
    [InlineData("626-02-29T00:00", "has 28 days")]
    [InlineData("626-08-07T06:30", "minutes must be 00")]
    [InlineData("7 August 626", "not a date")]
    [InlineData("626-08-07T24:00", "no hour 24")]
    public void A_malformed_moment_is_refused(string at, string expected)
    {
        var opened = BranchPoint.Open(RecordReplay(HistoricalSeed, []), at);
        Assert.Equal(BranchProblem.Moment, opened.Problem);
        Assert.Contains(expected, Assert.Single(opened.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_replay_that_does_not_play_back_or_has_changed_is_refused()
    {
        var path = RecordReplay(HistoricalSeed, []);
        var changed = BranchPoint.Open(path, BoatMorning, expectedReplayHash: new string('0', 64));
        Assert.Equal("BOSX093", Assert.Single(changed.Diagnostics).Code);

        var text = File.ReadAllText(path);
        var replay = ReplayJson.Read(text, path).Replay!;
        var tampered = replay with { DailyHashes = [.. replay.DailyHashes.Select((h, i) => i == 3 ? h ^ 1 : h)] };
        File.WriteAllText(path, ReplayJson.Write(tampered));
        var opened = BranchPoint.Open(path, BoatMorning);
        Assert.Equal(BranchProblem.Replay, opened.Problem);
        var d = Assert.Single(opened.Diagnostics);
        Assert.Equal("BOSX094", d.Code);
        Assert.Contains("day 3", d.Message, StringComparison.Ordinal);

        Assert.Equal(BranchProblem.Replay, BranchPoint.Open(Path.Combine(dir, "missing.json"), BoatMorning).Problem);
    }

    [Fact]
    public void The_loader_reads_a_branch_section_and_refuses_it_outside_paired_mode()
    {
        var ok = ExperimentLoader.LoadText("id: b\nscenario: constantinople-626\nmaster-seed: 1\nruns: 3\nbranch: { replay: r.json, at: '626-08-07T06:00' }\n", "b.yaml");
        Assert.True(ok.Succeeded, string.Join("\n", ok.Diagnostics));
        Assert.Equal(new BranchSpec("r.json", "626-08-07T06:00", null, 5, 9), ok.Experiment!.Branch);

        var sobol = ExperimentLoader.LoadText("id: b\nscenario: constantinople-626\nmaster-seed: 1\nmode: sobol\nbranch: { replay: r.json, at: '626-08-07T06:00' }\n", "b.yaml");
        Assert.Contains(sobol.Diagnostics, d => d.Code == "BOSX090");

        var bad = ExperimentLoader.LoadText("id: b\nscenario: constantinople-626\nmaster-seed: 1\nruns: 3\nbranch: { replay: r.json, at: 'soon' }\n", "b.yaml");
        Assert.Contains(bad.Diagnostics, d => d.Code == "BOSX091" && d.Line == 5);
    }
}
