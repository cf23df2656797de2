using Bosporos.Analysis.Experiments;
using Bosporos.Analysis.Stores;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Analysis.Tests.Experiments;

public sealed class ExperimentCommandsTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "bosporos-exp-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, MemoryResultStore> stores = [];
    private readonly StringWriter stdout = new();
    private readonly StringWriter stderr = new();

    public ExperimentCommandsTests() => Directory.CreateDirectory(dir);

    public void Dispose()
    {
        Directory.Delete(dir, recursive: true);
        stdout.Dispose();
        stderr.Dispose();
    }

    private ExperimentCommands Commands(Func<string, IResultStore>? open = null) =>
        new(open ?? (location => stores.TryGetValue(location, out var s) ? s : stores[location] = new MemoryResultStore()), (_, _) => new ToyModel());

    private string Write(string text, string name = "exp.yaml")
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Run_writes_the_runs_and_a_paired_report()
    {
        var code = Commands().Run(new ExperimentRunArguments(Write(Fixtures.Paired), "s.db") { Threads = 2 }, stdout, stderr);
        Assert.Equal(ExperimentCommands.Ok, code);
        var text = stdout.ToString();
        Assert.Contains("480 runs done, 0 already in the store; digest ", text, StringComparison.Ordinal);
        Assert.Contains("Variant no-fleet: 120 pairs", text, StringComparison.Ordinal);
        Assert.Contains("part on day 0, 06:00: in the baseline", text, StringComparison.Ordinal);
        Assert.Equal(480, stores["s.db"].ReadAll().Count());
        Assert.Contains("runs 120/120 per variant", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_as_json_is_machine_readable()
    {
        var code = Commands().Run(new ExperimentRunArguments(Write(Fixtures.Paired), "s.db") { Format = "json", Divergence = false }, stdout, stderr);
        Assert.Equal(0, code);
        var json = stdout.ToString();
        using var doc = System.Text.Json.JsonDocument.Parse(json[json.IndexOf('{', StringComparison.Ordinal)..]);
        Assert.Equal("paired", doc.RootElement.GetProperty("mode").GetString());
    }

    [Fact]
    public void Shards_then_report_give_the_whole_experiment()
    {
        var path = Write(Fixtures.Paired);
        var commands = Commands();
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(0, commands.Run(new ExperimentRunArguments(path, "s.db") { Shard = $"{k}/3" }, stdout, stderr));
        }

        Assert.Equal(480, stores["s.db"].ReadAll().Count());
        Assert.Equal(0, commands.Report(new ExperimentReportArguments(path, "s.db") { Variants = ["no-fleet"], Divergence = false }, stdout, stderr));
        Assert.Contains("Variant no-fleet", stdout.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Variant same", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_validates_without_running()
    {
        Assert.Equal(0, Commands().Check(Write(Fixtures.Paired), stdout, stderr));
        Assert.Contains("4 variants (baseline, no-fleet, same, big-garrison), 120 runs each", stdout.ToString(), StringComparison.Ordinal);
        Assert.Empty(stores);
    }

    [Fact]
    public void Check_reports_variants_the_scenario_rejects()
    {
        var code = Commands().Check(Write(Fixtures.Paired + "\n  - name: broken\n    set: { nowhere: 1 }\n"), stdout, stderr);
        Assert.Equal(ExperimentCommands.BadInput, code);
        Assert.Contains("error BOSX055", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("error BOS2001", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_experiment_file_prints_located_diagnostics_and_exits_2()
    {
        var path = Write("id: a\nscenario: s\nmaster-seed: 1\nruns: 5\nrunz: 3\n");
        Assert.Equal(2, Commands().Run(new ExperimentRunArguments(path, "s.db"), stdout, stderr));
        Assert.Contains(path + ":5:1: error BOSX011: Unknown key 'runz'.", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(stores);
    }

    [Fact]
    public void Bad_parameters_exit_2()
    {
        var path = Write("id: a\nscenario: s\nmaster-seed: 1\nmode: morris\nparameters: [fleet.hull]\n");
        Assert.Equal(2, Commands().Run(new ExperimentRunArguments(path, "s.db"), stdout, stderr));
        Assert.Contains(":5:14: error BOSX061", stderr.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3/2")]
    [InlineData("1/0")]
    [InlineData("a/b")]
    [InlineData("2")]
    [InlineData("-1/3")]
    public void Bad_shards_exit_2(string shard)
    {
        Assert.Equal(2, Commands().Run(new ExperimentRunArguments(Write(Fixtures.Paired), "s.db") { Shard = shard }, stdout, stderr));
        Assert.Contains("error BOSX082", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_arguments_exit_2()
    {
        var path = Write(Fixtures.Paired);
        var c = Commands();
        Assert.Equal(2, c.Run(new ExperimentRunArguments(path, "s.db") { Shard = "0/2", FirstRun = 0 }, stdout, stderr));
        Assert.Equal(2, c.Run(new ExperimentRunArguments(path, "s.db") { Format = "xml" }, stdout, stderr));
        Assert.Equal(2, c.Run(new ExperimentRunArguments(path, "s.db") { Threads = 0 }, stdout, stderr));
        Assert.Equal(2, c.Report(new ExperimentReportArguments(path, "s.db") { Format = "csv" }, stdout, stderr));
        Assert.Equal(["BOSX082", "BOSX080", "BOSX081", "BOSX080"], Codes());
    }

    [Fact]
    public void Unknown_variants_are_listed()
    {
        var path = Write(Fixtures.Paired);
        var c = Commands();
        Assert.Equal(0, c.Run(new ExperimentRunArguments(path, "s.db") { Format = "none" }, stdout, stderr));
        Assert.Equal(2, c.Report(new ExperimentReportArguments(path, "s.db") { Variants = ["no-flet"] }, stdout, stderr));
        Assert.Contains("Unknown variant 'no-flet'. Hint: Did you mean 'no-fleet'? Known variants: baseline, no-fleet, same, big-garrison.", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, c.Divergence(new ExperimentDivergenceArguments(path, "s.db", "walls"), stdout, stderr));
        Assert.Equal(2, c.Divergence(new ExperimentDivergenceArguments(path, "s.db", "baseline"), stdout, stderr));
        Assert.Equal(["BOSX086", "BOSX086", "BOSX083"], Codes());
    }

    [Fact]
    public void Divergence_replays_the_sampled_pairs()
    {
        var path = Write(Fixtures.Paired);
        var c = Commands();
        Assert.Equal(0, c.Run(new ExperimentRunArguments(path, "s.db") { Format = "none" }, stdout, stderr));
        stdout.GetStringBuilder().Clear();
        Assert.Equal(0, c.Divergence(new ExperimentDivergenceArguments(path, "s.db", "no-fleet") { Differing = 2, Agreeing = 1 }, stdout, stderr));
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("Run ", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Reporting_on_a_store_of_another_experiment_exits_2()
    {
        var c = Commands();
        Assert.Equal(0, c.Run(new ExperimentRunArguments(Write(Fixtures.Paired), "s.db") { Format = "none" }, stdout, stderr));
        var other = Write(Fixtures.Paired.Replace("runs: 120", "runs: 100", StringComparison.Ordinal), "other.yaml");
        Assert.Equal(2, c.Report(new ExperimentReportArguments(other, "s.db"), stdout, stderr));
        Assert.Equal(2, c.Run(new ExperimentRunArguments(other, "s.db"), stdout, stderr));
        Assert.Equal(["BOSX070", "BOSX070"], Codes());
        Assert.Contains("run count: store has '120', this experiment has '100'", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reporting_on_an_empty_store_exits_2()
    {
        Assert.Equal(2, Commands().Report(new ExperimentReportArguments(Write(Fixtures.Paired), "empty.db"), stdout, stderr));
        Assert.Equal(["BOSX084"], Codes());
    }

    [Fact]
    public void A_store_that_cannot_be_opened_exits_1()
    {
        var c = Commands(_ => throw new ResultStoreException("read-only file"));
        Assert.Equal(1, c.Run(new ExperimentRunArguments(Write(Fixtures.Paired), "ro.db"), stdout, stderr));
        Assert.Contains("read-only file", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_that_fails_mid_run_exits_1()
    {
        stores["full.db"] = new MemoryResultStore { FailOnAppend = new ResultStoreException("disk full") };
        Assert.Equal(1, Commands().Run(new ExperimentRunArguments(Write(Fixtures.Paired), "full.db"), stdout, stderr));
        Assert.Equal(["BOSX073"], Codes());
    }

    [Fact]
    public void A_missing_scenario_file_is_located_in_the_experiment()
    {
        var path = Write("id: a\nscenario: ../nowhere/missing.yaml\nmaster-seed: 1\nruns: 5\n");
        var c = new ExperimentCommands(_ => new MemoryResultStore());
        Assert.Equal(2, c.Run(new ExperimentRunArguments(path, "s.db"), stdout, stderr));
        Assert.Contains(path + ":2:11: error BOSX051", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_shipped_scenario_is_located_in_the_experiment()
    {
        var path = Write("id: a\nscenario: no-such-siege\nmaster-seed: 1\nruns: 5\n");
        var c = new ExperimentCommands(_ => new MemoryResultStore());
        Assert.Equal(2, c.Check(path, stdout, stderr));
        Assert.Contains(path + ":2:11: error BOSX052", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reporting_on_an_unfinished_design_exits_1_and_says_what_is_missing()
    {
        var path = Write("id: u\nscenario: toy.yaml\nmaster-seed: 3\nmode: uncertainty\nuncertainty: { draws: 3, seeds-per-draw: 2 }\n");
        var c = Commands();
        Assert.Equal(0, c.Run(new ExperimentRunArguments(path, "s.db") { Shard = "0/2" }, stdout, stderr));
        Assert.Equal(1, c.Report(new ExperimentReportArguments(path, "s.db"), stdout, stderr));
        Assert.Equal(["BOSX085"], Codes());
        Assert.Contains("run 3 is missing", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_designed_experiment_reports_its_ranking()
    {
        var path = Write("id: m\nscenario: toy.yaml\nmaster-seed: 3\nmode: morris\nmorris: { trajectories: 3, seeds-per-point: 2 }\noutputs: [roman-losses]\n");
        Assert.Equal(0, Commands().Run(new ExperimentRunArguments(path, "s.db"), stdout, stderr));
        var text = stdout.ToString();
        Assert.Contains("baseline, roman-losses: which numbers decide it", text, StringComparison.Ordinal);
        Assert.Contains("  1 garrison.strength", text, StringComparison.Ordinal);
        Assert.Contains("tornado", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mode: sobol\nsobol: { base-samples: 8, seeds-per-point: 2, bootstrap: 20 }", "sensitivity")]
    [InlineData("mode: uncertainty\nuncertainty: { draws: 4, seeds-per-draw: 3 }", "uncertainty")]
    public void Designed_reports_serialise_to_json(string settings, string section)
    {
        var path = Write($"id: d\nscenario: toy.yaml\nmaster-seed: 3\n{settings}\n");
        Assert.Equal(0, Commands().Run(new ExperimentRunArguments(path, "s.db") { Format = "json" }, stdout, stderr));
        var json = stdout.ToString();
        using var doc = System.Text.Json.JsonDocument.Parse(json[json.IndexOf('{', StringComparison.Ordinal)..]);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, doc.RootElement.GetProperty(section).ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, doc.RootElement.GetProperty("paired").ValueKind);
    }

    [Fact]
    public void A_scenario_that_does_not_load_passes_on_its_own_diagnostics()
    {
        File.WriteAllText(Path.Combine(dir, "broken.yaml"), "format: 1\nid: broken\nname: Broken\n");
        var path = Write("id: a\nscenario: broken.yaml\nmaster-seed: 1\nruns: 5\n");
        var c = new ExperimentCommands(_ => new MemoryResultStore());
        Assert.Equal(2, c.Check(path, stdout, stderr));
        Assert.Contains("broken.yaml:", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains(": error BOS", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_experiment_file_exits_2()
    {
        Assert.Equal(2, Commands().Check(Path.Combine(dir, "none.yaml"), stdout, stderr));
        Assert.Equal(["BOSX010"], Codes());
    }

    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("15/16", 15, 16)]
    public void Shards_parse(string text, long k, long n)
    {
        Assert.True(ExperimentCommands.TryParseShard(text, out var a, out var b));
        Assert.Equal((k, n), (a, b));
    }

    private List<string> Codes() =>
        [.. stderr.ToString().Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Select(l => l.Split(": error ")[1].Split(':')[0])];
}
