using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bosporos.Cli.Tests;

/// <summary>The commands against real scenario files, read by the real loader.</summary>
public class ScenarioFileTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "small-siege.yaml");

    private static CliResult Invoke(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    private static string CopyFixture(string dir)
    {
        var path = Path.Combine(dir, "siege.yaml");
        File.Copy(Fixture, path);
        return path;
    }

    [Fact]
    public void Scenarios_lists_the_shipped_626_scenario()
    {
        var r = Invoke("scenarios");
        Assert.Equal(ExitCodes.Success, r.Code);
        Assert.Contains("constantinople-626", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_a_valid_file_exits_0_and_warnings_as_errors_exits_1()
    {
        var r = Invoke("validate", Fixture);
        Assert.Equal(ExitCodes.Success, r.Code);
        Assert.Matches(@"small-siege\.yaml: 0 errors, \d+ warnings?", r.Out);
        var strict = Invoke("validate", Fixture, "--warnings-as-errors");
        Assert.Equal(r.Error.Contains(": warning ", StringComparison.Ordinal) ? ExitCodes.InvalidData : ExitCodes.Success, strict.Code);
    }

    [Fact]
    public void Validate_a_broken_file_prints_located_diagnostics_and_exits_1()
    {
        var dir = Cli.TempDir();
        try
        {
            var path = Path.Combine(dir, "broken.yaml");
            File.WriteAllText(path, File.ReadAllText(Fixture).Replace("law: mixed", "law: mixed\n  lethality-of-doom: 3", StringComparison.Ordinal));
            var r = Invoke("validate", path);
            Assert.Equal(ExitCodes.InvalidData, r.Code);
            Assert.Matches(@"broken\.yaml:\d+:\d+: error BOS\d{4}: ", r.Error);
            Assert.Matches(@"broken\.yaml: [1-9]\d* errors?, ", r.Out);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Run_a_file_with_overrides_and_reject_a_bad_override_path()
    {
        var r = Invoke("run", Fixture, "--seed", "3", "--set", "combat.defender-lethality=0.005", "--format", "json");
        Assert.Equal(ExitCodes.Success, r.Code);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(3UL, doc.RootElement.GetProperty("seed").GetUInt64());
        var bad = Invoke("run", Fixture, "--set", "combat.no-such-thing=1");
        Assert.Equal(ExitCodes.InvalidData, bad.Code);
        Assert.Contains("combat.no-such-thing", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_twice_gives_identical_event_files()
    {
        var dir = Cli.TempDir();
        try
        {
            var a = Path.Combine(dir, "a.jsonl");
            var b = Path.Combine(dir, "b.jsonl");
            Assert.Equal(0, Invoke("run", Fixture, "--seed", "11", "--events", a).Code);
            Assert.Equal(0, Invoke("run", Fixture, "--seed", "11", "--events", b).Code);
            Assert.NotEmpty(File.ReadAllBytes(a));
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static string Flip(string hex) => hex[..15] + (hex[15] == '0' ? '1' : '0');

    [Fact]
    public void Replay_round_trip_verifies_and_tampering_is_found_on_its_day_and_subsystem()
    {
        var dir = Cli.TempDir();
        try
        {
            var replay = Path.Combine(dir, "r.json");
            Assert.Equal(0, Invoke("run", Fixture, "--seed", "12", "--replay", replay).Code);
            var ok = Invoke("replay", replay, "--verify");
            Assert.Equal(ExitCodes.Success, ok.Code);
            Assert.Matches(@"^verified: [1-9]\d* days identical", ok.Out);

            var original = File.ReadAllText(replay);
            var node = JsonNode.Parse(original)!;
            var days = node["dailyHashes"]!.AsArray();
            var day = days.Count / 2;
            days[day] = Flip(days[day]!.GetValue<string>());
            File.WriteAllText(replay, node.ToJsonString());
            var altered = Invoke("replay", replay, "--verify");
            Assert.Equal(ExitCodes.InvalidData, altered.Code);
            Assert.Contains($"differs: day {day} (", altered.Out, StringComparison.Ordinal);
            Assert.Contains("subsystem: none", altered.Out, StringComparison.Ordinal);

            var walls = node["subsystemHashes"]!["walls"]!.AsArray();
            walls[day] = Flip(walls[day]!.GetValue<string>());
            File.WriteAllText(replay, node.ToJsonString());
            var diverged = Invoke("replay", replay, "--verify");
            Assert.Equal(ExitCodes.InvalidData, diverged.Code);
            Assert.Contains("subsystem: walls", diverged.Out, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Replay_after_the_scenario_file_changed_is_an_error()
    {
        var dir = Cli.TempDir();
        try
        {
            var scenario = CopyFixture(dir);
            var replay = Path.Combine(dir, "r.json");
            Assert.Equal(0, Invoke("run", scenario, "--replay", replay).Code);
            File.WriteAllText(scenario, File.ReadAllText(scenario).Replace("defender-lethality: 0.004", "defender-lethality: 0.005", StringComparison.Ordinal));
            var r = Invoke("replay", replay);
            Assert.Equal(ExitCodes.InvalidData, r.Code);
            Assert.Contains("has changed since this replay was recorded", r.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Mc_output_is_byte_identical_for_one_and_two_threads()
    {
        var one = Invoke("mc", Fixture, "--runs", "120", "--seed", "5", "--threads", "1", "--format", "json");
        var two = Invoke("mc", Fixture, "--runs", "120", "--seed", "5", "--threads", "2", "--format", "json");
        Assert.Equal(ExitCodes.Success, one.Code);
        Assert.Equal(one.Out, two.Out);
        var text1 = Invoke("mc", Fixture, "--runs", "50", "--threads", "1");
        var text2 = Invoke("mc", Fixture, "--runs", "50", "--threads", "2");
        Assert.Equal(text1.Out.Replace("1 thread(s)", "N", StringComparison.Ordinal), text2.Out.Replace("2 thread(s)", "N", StringComparison.Ordinal));
    }

    [Fact]
    public void Schema_prints_a_json_schema_naming_the_scenario_sections()
    {
        var r = Invoke("schema");
        Assert.Equal(ExitCodes.Success, r.Code);
        using var doc = JsonDocument.Parse(r.Out);
        var text = r.Out;
        Assert.Contains("contingents", text, StringComparison.Ordinal);
        Assert.Contains("calendar", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_626_scenario_runs_by_id_and_its_mc_digest_ignores_the_thread_count()
    {
        var run = Invoke("run", "constantinople-626", "--seed", "626", "--format", "json");
        Assert.Equal(ExitCodes.Success, run.Code);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal("constantinople-626", doc.RootElement.GetProperty("scenario").GetString());
        Assert.StartsWith("0626-", doc.RootElement.GetProperty("endDate").GetString(), StringComparison.Ordinal);
        var text = Invoke("run", "constantinople-626");
        Assert.Equal(ExitCodes.Success, text.Code);
        Assert.Contains("626", text.Out, StringComparison.Ordinal);
        var one = Invoke("mc", "constantinople-626", "--runs", "40", "--threads", "1", "--format", "json");
        var two = Invoke("mc", "constantinople-626", "--runs", "40", "--threads", "2", "--format", "json");
        Assert.Equal(ExitCodes.Success, one.Code);
        Assert.Equal(one.Out, two.Out);
    }

    [Fact]
    public void A_set_value_outside_its_cited_range_is_shown_as_a_warning_and_runs()
    {
        var r = Invoke("run", "constantinople-626", "--set", "contingents.field-troops.strength=100", "--format", "json");
        Assert.Equal(ExitCodes.Success, r.Code);
        Assert.Contains("contingents.field-troops.strength", r.Error, StringComparison.Ordinal);
        Assert.Contains(": warning ", r.Error, StringComparison.Ordinal);
    }
}
