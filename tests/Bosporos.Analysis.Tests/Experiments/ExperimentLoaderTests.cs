using Bosporos.Analysis.Experiments;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Analysis.Tests.Experiments;

public class ExperimentLoaderTests
{
    internal const string Valid = """
        format: 1
        id: toy-counterfactuals
        name: Toy counterfactuals
        scenario: toy.yaml
        master-seed: 626
        runs: 200
        mode: paired
        baseline:
          combat.lethality: 0.35
        readings:
          strong-garrison: { garrison.strength: 15000 }
        variants:
          - name: no-fleet
            description: No Roman warships
            set:
              fleet.hulls: 0
          - name: strong
            reading: strong-garrison
        record: { divergence-pairs: 3, agreeing-pairs: 1 }
        batch: 50
        outputs: [fallen, close-siege-days]
        """;

    private static ExperimentLoadResult Load(string text) => ExperimentLoader.LoadText(text, "exp.yaml");

    private static Diagnostic Single(string text, string code)
    {
        var r = Load(text);
        Assert.False(r.Succeeded);
        Assert.Null(r.Experiment);
        var d = Assert.Single(r.Diagnostics, x => x.Code == code);
        Assert.Equal("exp.yaml", d.File);
        Assert.Equal(Severity.Error, d.Severity);
        return d;
    }

    [Fact]
    public void A_valid_file_gives_every_setting()
    {
        var r = Load(Valid);
        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics));
        var e = r.Experiment!;
        Assert.Equal("toy-counterfactuals", e.Id);
        Assert.Equal("toy.yaml", e.Scenario);
        Assert.Equal(626UL, e.MasterSeed);
        Assert.Equal(200, e.Runs);
        Assert.Equal(ExperimentMode.Paired, e.Mode);
        Assert.Equal(["baseline", "no-fleet", "strong"], e.VariantNames);
        Assert.Equal("fleet.hulls", e.Variants[0].Overrides.Single().Path);
        Assert.Equal("0", e.Variants[0].Overrides.Single().Value);
        Assert.Equal("15000", e.Variants[1].Overrides.Single().Value);
        Assert.Equal("strong-garrison", e.Variants[1].Reading);
        Assert.Equal(new RecordOptions(3, 1), e.Record);
        Assert.Equal(50, e.Batch);
        Assert.Equal(["fallen", "close-siege-days"], e.Outputs);
        Assert.Equal("combat.lethality", e.Baseline.Single().Path);
        Assert.Null(e.Parameters);
    }

    [Fact]
    public void Designed_modes_read_their_sections()
    {
        var r = Load("""
            id: sens
            scenario: toy.yaml
            master-seed: 1
            mode: sobol
            sobol: { base-samples: 64, seeds-per-point: 4, bootstrap: 100 }
            parameters:
              - fleet.hulls
              - { path: combat.lethality, range: [0.2, 0.5], integer: false }
            """);
        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics));
        var e = r.Experiment!;
        Assert.Equal(new SobolSettings(64, 4, 100), e.Sobol);
        Assert.Equal(2, e.Parameters!.Count);
        Assert.Equal(0.2m, e.Parameters[1].Low);
        Assert.Equal(0.5m, e.Parameters[1].High);
        Assert.False(e.Parameters[1].Integer);
        Assert.Equal(Metrics.DefaultOutputs, e.Outputs);
    }

    [Theory]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nruns: 5\nrunz: 3\n", "BOSX011", 5, 1)]
    [InlineData("scenario: s\nmaster-seed: 1\nruns: 5\n", "BOSX012", 1, 1)]
    [InlineData("id: Bad_Id\nscenario: s\nmaster-seed: 1\nruns: 5\n", "BOSX013", 1, 5)]
    [InlineData("id: a\nmaster-seed: 1\nruns: 5\n", "BOSX012", 1, 1)]
    [InlineData("id: a\nscenario: ''\nmaster-seed: 1\nruns: 5\n", "BOSX021", 2, 11)]
    [InlineData("id: a\nscenario: s\nmaster-seed: -4\nruns: 5\n", "BOSX030", 3, 14)]
    [InlineData("id: a\nscenario: s\nmaster-seed: ten\nruns: 5\n", "BOSX030", 3, 14)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nruns: 5\nmode: bayes\n", "BOSX031", 5, 7)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\n", "BOSX023", 1, 1)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nruns: 5\nmode: morris\n", "BOSX022", 4, 7)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nruns: 0\n", "BOSX015", 4, 7)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nruns: many\n", "BOSX015", 4, 7)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nruns: 5\nuntil-ci: 0.9\n", "BOSX015", 5, 11)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nruns: 5\nuntil-ci: 0\n", "BOSX015", 5, 11)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nmode: sobol\nuntil-ci: 0.01\n", "BOSX022", 5, 11)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nruns: 5\nvariants:\n  - name: baseline\n    set: { x: 1 }\n", "BOSX035", 6, 11)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nruns: 5\nvariants:\n  - name: v\n    set: { x: 1 }\n  - name: v\n    set: { x: 2 }\n", "BOSX035", 8, 11)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nruns: 5\nvariants:\n  - name: v\n", "BOSX037", 6, 5)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nruns: 5\nvariants:\n  - name: v\n    reading: theophanes\n", "BOSX036", 7, 14)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nruns: 5\nvariants:\n  - name: v\n    set: { x: [1, 2] }\n", "BOSX046", 7, 15)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nruns: 5\nvariants:\n  - name: v\n    set: { 'bad path': 1 }\n", "BOSX041", 7, 12)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nruns: 5\nvariants: { v: 1 }\n", "BOSX034", 5, 11)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nruns: 5\nvariants:\n  - just-a-name\n", "BOSX034", 6, 5)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nruns: 5\nvariants:\n  - name: v\n    sett: { x: 1 }\n", "BOSX011", 7, 5)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nmode: morris\nmorris: { levels: 3 }\n", "BOSX024", 5, 19)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nmode: morris\nmorris: { trajectories: 1 }\n", "BOSX015", 5, 25)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nmode: sobol\nparameters: { x: 1 }\n", "BOSX040", 5, 13)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nmode: sobol\nparameters: []\n", "BOSX040", 5, 13)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nmode: sobol\nparameters: [a.b, a.b]\n", "BOSX042", 5, 19)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nmode: sobol\nparameters:\n  - { path: a.b, range: [5, 2] }\n", "BOSX043", 6, 25)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nmode: sobol\nparameters:\n  - { path: a.b, range: [5] }\n", "BOSX043", 6, 25)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nmode: sobol\nparameters:\n  - { range: [1, 2] }\n", "BOSX012", 6, 5)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nmode: sobol\nparameters:\n  - { path: a.b, integer: maybe }\n", "BOSX015", 6, 27)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nruns: 5\noutputs: [fallen, falen2]\n", "BOSX044", 5, 19)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nruns: 5\noutputs: []\n", "BOSX044", 5, 10)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nruns: 5\nrecord: 3\n", "BOSX038", 5, 9)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nruns: 5\nreadings: [a]\n", "BOSX032", 5, 11)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nruns: 5\nreadings: { Bad: { x: 1 } }\n", "BOSX033", 5, 13)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nruns: 5\nbaseline: [1]\n", "BOSX045", 5, 11)]
    [InlineData("id: a\nscenario: [s]\nmaster-seed: 1\nruns: 5\n", "BOSX014", 2, 11)]
    [InlineData("- a\n- b\n", "BOSX020", 1, 1)]
    [InlineData("id: a\nscenario: s\nmaster-seed: 1\nruns: 5\nruns: 6\n", "BOSX007", 5, 1)]
    [InlineData("id: &x a\nscenario: s\nmaster-seed: 1\nruns: 5\n", "BOSX006", 1, 5)]
    [InlineData("id: a\nname: *x\nscenario: s\nmaster-seed: 1\nruns: 5\n", "BOSX006", 2, 7)]
    [InlineData("id: !!str a\nscenario: s\nmaster-seed: 1\nruns: 5\n", "BOSX006", 1, 5)]
    [InlineData("id: a\nscenario: [s\nmaster-seed: 1\n", "BOSX004", 2, 11)]
    [InlineData("id: a\n---\nid: b\n", "BOSX003", 2, 1)]
    [InlineData("", "BOSX002", 1, 1)]
    public void Bad_files_give_located_diagnostics(string text, string code, int line, int column)
    {
        var d = Single(text, code);
        Assert.Equal((line, column), (d.Line, d.Column));
        Assert.False(string.IsNullOrWhiteSpace(d.Message));
    }

    [Fact]
    public void Unknown_keys_come_with_a_hint()
    {
        var d = Single("id: a\nscenario: s\nmaster-seed: 1\nruns: 5\nrunz: 3\n", "BOSX011");
        Assert.Contains("Did you mean 'runs'?", d.Hint, StringComparison.Ordinal);
        Assert.Contains("exp.yaml:5:1: error BOSX011", d.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_readings_list_the_known_ones()
    {
        var d = Single("id: a\nscenario: s\nmaster-seed: 1\nruns: 5\nreadings: { theophanes: { x: 1 }, nicephorus: { x: 2 } }\nvariants:\n  - { name: v, reading: paschale }\n", "BOSX036");
        Assert.Contains("theophanes, nicephorus", d.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_outputs_suggest_the_closest()
    {
        var d = Single("id: a\nscenario: s\nmaster-seed: 1\nruns: 5\noutputs: [falen]\n", "BOSX044");
        Assert.Contains("Did you mean 'fallen'?", d.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void All_problems_are_reported_at_once_in_file_order()
    {
        var r = Load("id: a\nscenario: s\nmaster-seed: x\nruns: 0\nmode: magic\n");
        Assert.Equal(["BOSX030", "BOSX015", "BOSX031"], r.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Sections_of_another_mode_are_warned_about_but_accepted()
    {
        var r = Load("id: a\nscenario: s\nmaster-seed: 1\nruns: 5\nmorris: { levels: 4 }\n");
        Assert.True(r.Succeeded);
        Assert.Equal("BOSX025", Assert.Single(r.Diagnostics).Code);
        Assert.Equal(Severity.Warning, r.Diagnostics[0].Severity);
    }

    [Fact]
    public void Oversized_files_and_nul_bytes_are_refused_before_parsing()
    {
        Single("id: a\n# " + new string('x', YamlTree.MaxBytes) + "\n", "BOSX001");
        Single("id: a\0\n", "BOSX001");
    }

    [Fact]
    public void Overlong_values_are_refused() =>
        Single("id: a\nname: " + new string('x', YamlTree.MaxScalarLength + 1) + "\n", "BOSX005");

    [Fact]
    public void Keys_must_be_plain_names()
    {
        var d = Single("id: a\nscenario: s\nmaster-seed: 1\nruns: 5\n? [a, b]\n: 1\n", "BOSX007");
        Assert.Equal((5, 3), (d.Line, d.Column));
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        var deep = "id: a\nscenario: s\nmaster-seed: 1\nruns: 5\nbaseline: " + new string('[', 100) + new string(']', 100) + "\n";
        Single(deep, "BOSX005");
    }

    [Fact]
    public void Too_many_nodes_are_refused()
    {
        var many = "id: a\nscenario: s\nmaster-seed: 1\nruns: 5\noutputs: [" + string.Join(",", Enumerable.Repeat("fallen", YamlTree.MaxNodes + 10)) + "]\n";
        Single(many, "BOSX005");
    }

    [Fact]
    public void Missing_files_are_a_diagnostic_not_an_exception()
    {
        var r = ExperimentLoader.LoadFile(Path.Combine(Path.GetTempPath(), "no-such-experiment-" + Guid.NewGuid() + ".yaml"));
        Assert.Equal("BOSX010", Assert.Single(r.Diagnostics).Code);
    }

    [Fact]
    public void Files_that_are_not_utf8_are_a_diagnostic()
    {
        var path = Path.Combine(Path.GetTempPath(), "bad-utf8-" + Guid.NewGuid() + ".yaml");
        File.WriteAllBytes(path, [0x69, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0x0a]);
        try
        {
            Assert.Equal("BOSX010", Assert.Single(ExperimentLoader.LoadFile(path).Diagnostics).Code);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
