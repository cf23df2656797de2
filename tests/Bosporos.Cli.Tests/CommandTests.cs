using System.Text.Json;
using Bosporos.Analysis.Tests.Runs;
using Bosporos.Kernel;
using Bosporos.Kernel.Randomness;

namespace Bosporos.Cli.Tests;

public class CommandTests
{
    private static readonly string[] Outcomes = ["lifted", "fallen", "negotiated", "undecided"];

    [Fact]
    public void Scenarios_lists_id_name_and_path()
    {
        var r = Cli.Invoke("scenarios");
        Assert.Equal(ExitCodes.Success, r.Code);
        Assert.Contains("test-siege", r.Out, StringComparison.Ordinal);
        Assert.Contains("A test siege", r.Out, StringComparison.Ordinal);
        Assert.Contains("/scenarios/test-siege.yaml", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_clean_scenario_exits_0_with_count_line()
    {
        var r = Cli.Invoke("validate", "test-siege");
        Assert.Equal(ExitCodes.Success, r.Code);
        Assert.Equal("test-siege: 0 errors, 0 warnings", r.Out.TrimEnd());
    }

    [Fact]
    public void Validate_errors_exit_1_and_print_every_diagnostic()
    {
        var r = Cli.Invoke("validate", "broken");
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains("broken.yaml:3:7: error BOS1001: Strength must be positive. [contingents.0.strength]", r.Error, StringComparison.Ordinal);
        Assert.Equal("broken.yaml: 1 error, 0 warnings", r.Out.TrimEnd());
    }

    [Fact]
    public void Validate_warnings_pass_unless_warnings_are_errors()
    {
        var lenient = Cli.Invoke("validate", "warned");
        Assert.Equal(ExitCodes.Success, lenient.Code);
        Assert.Contains("warned.yaml:9:3: warning BOS3001", lenient.Error, StringComparison.Ordinal);
        Assert.Equal("warned.yaml: 0 errors, 1 warning", lenient.Out.TrimEnd());
        Assert.Equal(ExitCodes.InvalidData, Cli.Invoke("validate", "warned", "--warnings-as-errors").Code);
    }

    [Fact]
    public void Run_counts_warnings_on_stderr_without_listing_them()
    {
        var r = Cli.Invoke("run", "warned", "--format", "json");
        Assert.Equal(ExitCodes.Success, r.Code);
        Assert.Equal("warned.yaml: 1 warning (run 'bosporos validate warned' to list them)", r.Error.TrimEnd());
    }

    [Fact]
    public void Run_text_prints_a_chronicle_and_a_summary_table()
    {
        var r = Cli.Invoke("run", "test-siege", "--seed", "5");
        Assert.Equal(ExitCodes.Success, r.Code);
        Assert.StartsWith("A test siege", r.Out, StringComparison.Ordinal);
        Assert.Matches(@"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+ 626", r.Out);
        var sim = Simulation.Create(TestSieges.Small(), 5);
        var summary = sim.RunToEnd();
        Assert.Contains(summary.StateHash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture), r.Out, StringComparison.Ordinal);
        Assert.Contains("Losses by contingent", r.Out, StringComparison.Ordinal);
        Assert.Contains("Shahrbaraz's army", r.Out, StringComparison.Ordinal);
        Assert.Empty(r.Error);
    }

    [Fact]
    public void Run_json_has_the_documented_shape()
    {
        var r = Cli.Invoke("run", "test-siege", "--seed", "9", "--format", "json");
        Assert.Equal(ExitCodes.Success, r.Code);
        using var doc = JsonDocument.Parse(r.Out);
        var j = doc.RootElement;
        Assert.Equal("test-siege", j.GetProperty("scenario").GetString());
        Assert.Equal(9UL, j.GetProperty("seed").GetUInt64());
        Assert.Contains(j.GetProperty("outcome").GetString(), Outcomes);
        Assert.Equal(JsonValueKind.String, j.GetProperty("cause").ValueKind);
        Assert.Matches(@"^0626-\d\d-\d\d$", j.GetProperty("endDate").GetString());
        Assert.InRange(j.GetProperty("endHour").GetInt32(), 0, 23);
        Assert.True(j.GetProperty("closeSiegeDays").GetInt32() >= 0);
        Assert.True(j.GetProperty("persiansFerried").GetInt32() >= 0);
        var losses = j.GetProperty("losses");
        Assert.Equal(TestSieges.Small().Contingents.Select(c => c.Id), losses.EnumerateObject().Select(p => p.Name));
        foreach (var contingent in losses.EnumerateObject())
        {
            foreach (var field in new[] { "killed", "wounded", "deserted", "captured", "present", "arrived" })
            {
                Assert.True(contingent.Value.GetProperty(field).GetInt32() >= 0, field);
            }
        }

        var assault = j.GetProperty("assault");
        Assert.Equal(JsonValueKind.Number, assault.GetProperty("attackerLosses").ValueKind);
        Assert.Equal(JsonValueKind.Number, assault.GetProperty("defenderLosses").ValueKind);
        Assert.True(assault.TryGetProperty("lossRatio", out _));
        Assert.Equal(JsonValueKind.Number, j.GetProperty("canoes").GetProperty("launched").ValueKind);
        Assert.Equal(JsonValueKind.Number, j.GetProperty("canoes").GetProperty("lost").ValueKind);
        Assert.Equal(JsonValueKind.Number, j.GetProperty("enginesLost").ValueKind);
        Assert.Equal(JsonValueKind.Number, j.GetProperty("towersBurned").ValueKind);
        Assert.Matches("^[0-9a-f]{16}$", j.GetProperty("stateHash").GetString());
        Assert.Equal("sha256:test-siege-1", j.GetProperty("scenarioHash").GetString());
    }

    [Fact]
    public void Run_json_is_deterministic_and_depends_on_the_seed()
    {
        var a = Cli.Invoke("run", "test-siege", "--seed", "3", "--format", "json").Out;
        Assert.Equal(a, Cli.Invoke("run", "test-siege", "--seed", "3", "--format", "json").Out);
        var b = Cli.Invoke("run", "test-siege", "--seed", "4", "--format", "json").Out;
        Assert.Contains("\"seed\": 4", b, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_file_is_identical_across_two_runs_and_one_json_object_per_line()
    {
        var dir = Cli.TempDir();
        try
        {
            var first = Path.Combine(dir, "a.jsonl");
            var second = Path.Combine(dir, "b.jsonl");
            Assert.Equal(0, Cli.Invoke("run", "test-siege", "--seed", "21", "--events", first, "--format", "json").Code);
            Assert.Equal(0, Cli.Invoke("run", "test-siege", "--seed", "21", "--events", second, "--format", "json").Code);
            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
            var sim = Simulation.Create(TestSieges.Small(), 21);
            sim.RunToEnd();
            var lines = File.ReadAllLines(first);
            Assert.Equal(sim.Events.All.Length, lines.Length);
            foreach (var line in lines)
            {
                using var e = JsonDocument.Parse(line);
                Assert.True(e.RootElement.GetProperty("time").GetInt32() >= 0);
                Assert.Matches(@"^0626-\d\d-\d\d$", e.RootElement.GetProperty("date").GetString());
                Assert.Matches("^[a-z-]+$", e.RootElement.GetProperty("kind").GetString());
            }

            Assert.Equal(2, Directory.GetFiles(dir).Length); // no temporary files left
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Replay_round_trip_verifies_and_plays()
    {
        var dir = Cli.TempDir();
        try
        {
            var replay = Path.Combine(dir, "run.replay.json");
            var run = Cli.Invoke("run", "test-siege", "--seed", "77", "--replay", replay);
            Assert.Equal(ExitCodes.Success, run.Code);
            var verify = Cli.Invoke("replay", replay, "--verify");
            Assert.Equal(ExitCodes.Success, verify.Code);
            Assert.Matches(@"^verified: \d+ days identical", verify.Out);
            var play = Cli.Invoke("replay", replay);
            Assert.Equal(ExitCodes.Success, play.Code);
            Assert.Equal(run.Out, play.Out);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Tampered_replay_reports_the_first_differing_day()
    {
        var dir = Cli.TempDir();
        try
        {
            var replay = Path.Combine(dir, "run.replay.json");
            Assert.Equal(0, Cli.Invoke("run", "test-siege", "--seed", "78", "--replay", replay).Code);
            using var doc = JsonDocument.Parse(File.ReadAllText(replay));
            var hashes = doc.RootElement.GetProperty("dailyHashes").EnumerateArray().Select(h => h.GetString()!).ToList();
            int tamperedDay;
            string text = File.ReadAllText(replay);
            if (hashes.Count > 0)
            {
                tamperedDay = hashes.Count / 2;
                var flipped = (ulong.Parse(hashes[tamperedDay], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) ^ 1)
                    .ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
                var days = hashes.ToArray();
                days[tamperedDay] = flipped;
                text = text.Replace(string.Join(",", hashes.Select(h => $"\n    \"{h}\"")), string.Join(",", days.Select(h => $"\n    \"{h}\"")), StringComparison.Ordinal);
            }
            else
            {
                tamperedDay = 0; // a kernel that records no daily hashes yet: claim one the re-run will not produce
                text = text.Replace("\"dailyHashes\": []", "\"dailyHashes\": [\"0123456789abcdef\"]", StringComparison.Ordinal);
            }

            File.WriteAllText(replay, text);
            var r = Cli.Invoke("replay", replay, "--verify");
            Assert.Equal(ExitCodes.InvalidData, r.Code);
            Assert.Contains($"differs: day {tamperedDay} (", r.Out, StringComparison.Ordinal);
            Assert.Contains("subsystem:", r.Out, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Replay_of_a_changed_scenario_is_an_error()
    {
        var dir = Cli.TempDir();
        try
        {
            var replay = Path.Combine(dir, "run.replay.json");
            var scenarios = new TestScenarios();
            Assert.Equal(0, Cli.Invoke(scenarios, default, "run", "test-siege", "--replay", replay).Code);
            scenarios.Hash = "sha256:edited";
            var r = Cli.Invoke(scenarios, default, "replay", replay, "--verify");
            Assert.Equal(ExitCodes.InvalidData, r.Code);
            Assert.Contains("has changed since this replay was recorded", r.Error, StringComparison.Ordinal);
            Assert.Contains("sha256:edited", r.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Replay_of_a_missing_or_malformed_file_exits_1()
    {
        var dir = Cli.TempDir();
        try
        {
            Assert.Equal(ExitCodes.InvalidData, Cli.Invoke("replay", Path.Combine(dir, "absent.json")).Code);
            var bad = Path.Combine(dir, "bad.json");
            File.WriteAllText(bad, "{ not json");
            var r = Cli.Invoke("replay", bad, "--verify");
            Assert.Equal(ExitCodes.InvalidData, r.Code);
            Assert.Contains("error BOS9001", r.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Mc_digest_is_identical_for_one_and_two_threads()
    {
        var one = Cli.Invoke("mc", "test-siege", "--runs", "300", "--seed", "17", "--threads", "1", "--format", "json");
        var two = Cli.Invoke("mc", "test-siege", "--runs", "300", "--seed", "17", "--threads", "2", "--format", "json");
        Assert.Equal(ExitCodes.Success, one.Code);
        Assert.Equal(ExitCodes.Success, two.Code);
        Assert.Equal(one.Out, two.Out);
    }

    [Fact]
    public void Mc_json_has_the_documented_shape()
    {
        var r = Cli.Invoke("mc", "test-siege", "--runs", "40", "--seed", "2", "--threads", "2", "--format", "json");
        Assert.Equal(ExitCodes.Success, r.Code);
        using var doc = JsonDocument.Parse(r.Out);
        var j = doc.RootElement;
        Assert.Equal(40, j.GetProperty("runs").GetInt64());
        Assert.Equal(2UL, j.GetProperty("seed").GetUInt64());
        Assert.Equal("test-siege", j.GetProperty("scenario").GetString());
        Assert.Equal("sha256:test-siege-1", j.GetProperty("scenarioHash").GetString());
        var outcomes = j.GetProperty("outcomes");
        Assert.Equal(Outcomes, outcomes.EnumerateObject().Select(p => p.Name));
        long total = 0;
        foreach (var o in outcomes.EnumerateObject())
        {
            total += o.Value.GetProperty("count").GetInt64();
            var ci = o.Value.GetProperty("ci95").EnumerateArray().Select(x => x.GetDouble()).ToArray();
            Assert.Equal(2, ci.Length);
            Assert.InRange(o.Value.GetProperty("share").GetDouble(), ci[0], ci[1]);
        }

        Assert.Equal(40, total);
        foreach (var q in new[] { "median", "p10", "p90" })
        {
            Assert.Equal(JsonValueKind.Number, j.GetProperty("closeSiegeDays").GetProperty(q).ValueKind);
        }

        Assert.InRange(j.GetProperty("persiansFerriedShare").GetDouble(), 0, 1);
        Assert.True(j.TryGetProperty("assaultLossRatioMedian", out _));
        var canoes = j.GetProperty("canoes");
        var launched = canoes.GetProperty("runsLaunched").GetInt64();
        Assert.InRange(canoes.GetProperty("runsMostLost").GetInt64(), 0, launched);
        Assert.InRange(launched, 0, 40);
        Assert.Matches("^[0-9a-f]{64}$", j.GetProperty("digest").GetString());
    }

    [Fact]
    public void Mc_digest_matches_the_runner_with_derived_seeds()
    {
        using var stats = new Bosporos.Analysis.Runs.BatchStatistics();
        var runner = new Bosporos.Analysis.Runs.MonteCarloRunner(TestSieges.Small(), 1);
        runner.Run(8, 0, 25, stats);
        var r = Cli.Invoke("mc", "test-siege", "--runs", "25", "--seed", "8", "--threads", "1", "--format", "json");
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(stats.Report().Digest, doc.RootElement.GetProperty("digest").GetString());
        Assert.Equal(SplitMix64.Derive(8, 0), Bosporos.Analysis.Runs.MonteCarloRunner.SeedOf(8, 0));
    }

    [Fact]
    public void Mc_text_reports_shares_intervals_and_digest()
    {
        var r = Cli.Invoke("mc", "test-siege", "--runs", "20", "--threads", "1");
        Assert.Equal(ExitCodes.Success, r.Code);
        Assert.Contains("95% interval (Wilson)", r.Out, StringComparison.Ordinal);
        Assert.Contains("close-siege days: median", r.Out, StringComparison.Ordinal);
        Assert.Contains("Persians ferried across:", r.Out, StringComparison.Ordinal);
        Assert.Contains("land assaults:", r.Out, StringComparison.Ordinal);
        Assert.Matches("digest: [0-9a-f]{64}", r.Out);
    }

    [Fact]
    public void Mc_progress_goes_to_stderr_as_occasional_plain_lines()
    {
        var r = Cli.Invoke("mc", "test-siege", "--runs", "1000", "--threads", "1", "--format", "json");
        Assert.Equal(ExitCodes.Success, r.Code);
        var lines = r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.StartsWith("mc: ", l, StringComparison.Ordinal));
        Assert.True(lines.Length < 100, "progress must not print a line per run");
        Assert.Contains("1,000/1,000 runs", lines[^1], StringComparison.Ordinal);
    }
}
