using System.Text.Json;

namespace Bosporos.Cli.Tests;

/// <summary>'compare' and 'experiment' on the shipped war scenario: paired variants, stores, shards, resume, export.</summary>
public sealed class WarExperimentTests
{
    private static string WarScenario => Experiments.WarScenario;

    /// <summary>A small paired war experiment: the baseline and two counterfactuals.</summary>
    private static string Small(string dir, int runs = 9, int batch = 3, string mode = "paired") => Experiments.War(dir, "war-small", runs, batch, mode);

    [Fact]
    public void Compare_on_a_war_gives_the_wars_measures_with_paired_95_percent_intervals()
    {
        var r = Experiments.Run("compare", "war-622-628", "--variant", "no-split:heraclius.split=false", "--runs", "16", "--seed", "628", "--format", "json", "--threads", "2");
        Assert.True(r.Code == ExitCodes.Success, r.Error);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal("war-622-628", root.GetProperty("scenario").GetString());
        Assert.Equal(16, root.GetProperty("baseline").GetProperty("runs").GetInt64());
        var v = root.GetProperty("variants")[0];
        Assert.Equal("no-split", v.GetProperty("name").GetString());
        Assert.Equal(16, v.GetProperty("pairs").GetInt64());

        // Without the split Theodore has no army and the capital no reinforcements: the shipped war says so every time.
        var theodore = v.GetProperty("shares").GetProperty("theodore-won");
        Assert.Equal(1.0, theodore.GetProperty("baseline").GetProperty("share").GetDouble());
        Assert.Equal(-1.0, theodore.GetProperty("difference").GetProperty("value").GetDouble());
        var held = v.GetProperty("shares").GetProperty("capital-held").GetProperty("difference");
        Assert.True(held.GetProperty("ci95")[1].GetDouble() < 0, r.Out);
        Assert.Equal(-12_000, v.GetProperty("means").GetProperty("capital-reinforcements").GetProperty("difference").GetProperty("value").GetDouble());
        foreach (var name in new[] { "roman-losses", "persian-losses", "end-day", "provinces-returned", "frontier" })
        {
            Assert.True(v.GetProperty("means").TryGetProperty(name, out _), name);
        }

        foreach (var name in new[] { "decisive-victory-627", "khosrow-fell", "khosrow-fell-early-628", "shahrbaraz-turned", "frontier-euphrates", "frontier-591" })
        {
            Assert.True(v.GetProperty("shares").TryGetProperty(name, out _), name);
        }

        var text = Experiments.Run("compare", "war-622-628", "--variant", "no-turks:turks.alliance=false", "--runs", "4", "--seed", "628");
        Assert.True(text.Code == ExitCodes.Success, text.Error);
        Assert.Contains("no-turks vs baseline", text.Out, StringComparison.Ordinal);
        Assert.Contains("capital-held", text.Out, StringComparison.Ordinal);
        Assert.Contains("difference, points [95%]", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_on_a_war_refuses_a_path_the_war_does_not_have()
    {
        var r = Experiments.Run("compare", "war-622-628", "--variant", "bad:heraclius.splitt=false", "--runs", "2");
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains("heraclius.splitt", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_war_experiment_gives_one_digest_for_any_thread_count_and_shard_split()
    {
        var dir = Cli.TempDir();
        var file = Small(dir);
        var one = Experiments.Run("experiment", "run", file, "--out", Path.Combine(dir, "one.db"), "--threads", "1");
        Assert.True(one.Code == ExitCodes.Success, one.Error);
        Assert.Contains("27 runs done", one.Out, StringComparison.Ordinal);
        Assert.Contains("no-split vs baseline", one.Out, StringComparison.Ordinal);
        var two = Experiments.Run("experiment", "run", file, "--out", Path.Combine(dir, "two.db"), "--threads", "2");
        Assert.Equal(Experiments.Digest(one.Out), Experiments.Digest(two.Out));

        var shards = new List<string>();
        foreach (var (k, threads) in new[] { (0, "2"), (1, "1"), (2, "2") })
        {
            var store = Path.Combine(dir, $"shard{k}.db");
            var s = Experiments.Run("experiment", "run", file, "--out", store, "--shard", $"{k}/3", "--threads", threads);
            Assert.True(s.Code == ExitCodes.Success, s.Error);
            shards.Add(store);
        }

        var merged = Experiments.Run(["experiment", "merge", .. shards, "--out", Path.Combine(dir, "merged.db")]);
        Assert.True(merged.Code == ExitCodes.Success, merged.Error);
        Assert.Equal(Experiments.Digest(one.Out), Experiments.Digest(merged.Out));

        // Another master seed gives other wars: the digest covers the runs, it is not a constant.
        File.WriteAllText(file, File.ReadAllText(file).Replace("master-seed: 628", "master-seed: 629", StringComparison.Ordinal));
        var other = Experiments.Run("experiment", "run", file, "--out", Path.Combine(dir, "other.db"));
        Assert.NotEqual(Experiments.Digest(one.Out), Experiments.Digest(other.Out));
    }

    [Fact]
    public void An_interrupted_war_experiment_resumes_to_the_uninterrupted_digest()
    {
        var dir = Cli.TempDir();
        var file = Small(dir, runs: 6, batch: 2);
        var store = Path.Combine(dir, "s.db");
        using var cts = new CancellationTokenSource();
        var interrupted = Experiments.Run(
            line =>
            {
                if (line.StartsWith("experiment: 6/", StringComparison.Ordinal))
                {
                    cts.Cancel();
                }
            },
            cts.Token,
            "experiment", "run", file, "--out", store, "--threads", "2");
        Assert.Equal(ExitCodes.Cancelled, interrupted.Code);
        Assert.Contains("experiment resume", interrupted.Error, StringComparison.Ordinal);
        Assert.Equal(6, Experiments.StoreRows(store));

        var resumed = Experiments.Run("experiment", "resume", store, "--threads", "1");
        Assert.True(resumed.Code == ExitCodes.Success, resumed.Error);
        Assert.Contains("12 runs done, 6 already in the store", resumed.Out, StringComparison.Ordinal);
        var whole = Experiments.Run("experiment", "run", file, "--out", Path.Combine(dir, "whole.db"));
        Assert.Equal(Experiments.Digest(whole.Out), Experiments.Digest(resumed.Out));
    }

    [Fact]
    public void A_war_store_exports_csv_with_the_wars_measures()
    {
        var dir = Cli.TempDir();
        var store = Path.Combine(dir, "s.db");
        Assert.Equal(ExitCodes.Success, Experiments.Run("experiment", "run", Small(dir, runs: 2, batch: 2), "--out", store).Code);
        var csv = Path.Combine(dir, "runs.csv");
        var export = Experiments.Run("experiment", "export", store, "--csv", csv);
        Assert.True(export.Code == ExitCodes.Success, export.Error);
        var lines = File.ReadAllLines(csv);
        Assert.Equal(1 + 3 * 2, lines.Length);
        var header = lines[0].Split(',');
        foreach (var column in new[] { "variant", "outcome", "war_capital_held", "war_theodore_won", "war_roman_losses", "war_persian_losses", "war_khosrow_fall_day", "war_frontier" })
        {
            Assert.Contains(column, header);
        }

        var noSplit = lines.Skip(1).Select(l => l.Split(',')).First(f => f[0] == "no-split");
        Assert.Equal("0", noSplit[Array.IndexOf(header, "war_theodore_won")]);
        Assert.Contains("war_capital_held", File.ReadAllText(Path.ChangeExtension(csv, ".json")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_war_experiment_refuses_what_the_war_cannot_do_before_making_a_store()
    {
        var dir = Cli.TempDir();
        var store = Path.Combine(dir, "s.db");
        var adaptive = Experiments.Run("experiment", "run", Small(dir), "--out", store, "--until-ci", "0.05");
        Assert.Equal(ExitCodes.InvalidData, adaptive.Code);
        Assert.Contains("BOSX056", adaptive.Error, StringComparison.Ordinal);
        Assert.Contains("until-ci", adaptive.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(store));
    }

    /// <summary>A small designed experiment on the war: two of its contested numbers, a few war outputs.</summary>
    private static string Designed(string dir, string mode, string design, string outputs = "[khosrow-fell, peace, khosrow-fall-day, roman-losses]", int batch = 4)
    {
        var path = Path.Combine(dir, $"war-{mode}.yaml");
        File.WriteAllText(path, $"""
            format: 1
            id: war-{mode}
            scenario: {WarScenario}
            master-seed: 628
            mode: {mode}
            batch: {batch}
            {mode}: {design}
            parameters: [armies.heraclius.strength, battle.lethality]
            outputs: {outputs}
            """);
        return path;
    }

    [Fact]
    public void A_war_uncertainty_experiment_prints_its_report_in_text_and_json_and_exports_its_runs()
    {
        var dir = Cli.TempDir();
        var file = Designed(dir, "uncertainty", "{ draws: 2, seeds-per-draw: 2 }");
        var store = Path.Combine(dir, "u.db");
        var text = Experiments.Run("experiment", "run", file, "--out", store, "--threads", "2");
        Assert.True(text.Code == ExitCodes.Success, text.Error);
        Assert.Contains("4 runs done", text.Out, StringComparison.Ordinal);
        Assert.Contains("Experiment war-uncertainty on war-622-628: uncertainty", text.Out, StringComparison.Ordinal);
        Assert.Contains("Uncertainty: 2 Latin hypercube draws of 2 numbers x 2 seeds each", text.Out, StringComparison.Ordinal);
        Assert.Contains("khosrow-fall-day", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("vs baseline", text.Out, StringComparison.Ordinal);

        var json = Experiments.Run("experiment", "resume", store, "--format", "json");
        Assert.True(json.Code == ExitCodes.Success, json.Error);
        using var doc = JsonDocument.Parse(json.Out);
        var root = doc.RootElement;
        Assert.Equal("uncertainty", root.GetProperty("mode").GetString());
        Assert.Equal("war-622-628", root.GetProperty("scenario-id").GetString());
        Assert.Equal(Experiments.Digest(text.Out), root.GetProperty("digest").GetString());
        var outputs = root.GetProperty("uncertainty").GetProperty("variants")[0].GetProperty("outputs");
        Assert.Equal(["khosrow-fell", "peace", "khosrow-fall-day", "roman-losses"], outputs.EnumerateArray().Select(o => o.GetProperty("output").GetString()));
        Assert.True(outputs[0].GetProperty("is-share").GetBoolean());
        Assert.False(outputs[2].GetProperty("is-share").GetBoolean());

        var csv = Path.Combine(dir, "u.csv");
        var export = Experiments.Run("experiment", "export", store, "--csv", csv, "--parquet", Path.Combine(dir, "u.parquet"));
        Assert.True(export.Code == ExitCodes.Success, export.Error);
        var lines = File.ReadAllLines(csv);
        Assert.Equal(1 + 4, lines.Length);
        Assert.Contains("param_battle.lethality", lines[0].Split(','));
        Assert.Contains("war_khosrow_fall_day", lines[0].Split(','));
        Assert.True(new FileInfo(Path.Combine(dir, "u.parquet")).Length > 0);

        var report = Experiments.Run("report", store, "--out", Path.Combine(dir, "report"));
        Assert.True(report.Code == ExitCodes.Success, report.Error);
        var html = File.ReadAllText(Path.Combine(dir, "report", "index.html"));
        Assert.Contains("<h2>Uncertainty: baseline</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<td>khosrow-fall-day</td>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>War outcomes</h2>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_war_morris_experiment_gives_one_digest_whole_sharded_and_resumed()
    {
        var dir = Cli.TempDir();
        var file = Designed(dir, "morris", "{ trajectories: 2, seeds-per-point: 2 }", batch: 4);
        var whole = Experiments.Run("experiment", "run", file, "--out", Path.Combine(dir, "whole.db"), "--threads", "2");
        Assert.True(whole.Code == ExitCodes.Success, whole.Error);
        Assert.Contains("22 runs done", whole.Out, StringComparison.Ordinal);
        Assert.Contains("Sensitivity (morris): 11 design points x 2 seeds", whole.Out, StringComparison.Ordinal);
        Assert.Contains("baseline, khosrow-fell: which numbers decide it", whole.Out, StringComparison.Ordinal);
        Assert.Contains("armies.heraclius.strength", whole.Out, StringComparison.Ordinal);

        var shards = new List<string>();
        foreach (var k in new[] { 0, 1 })
        {
            var store = Path.Combine(dir, $"shard{k}.db");
            var s = Experiments.Run("experiment", "run", file, "--out", store, "--shard", $"{k}/2", "--threads", "1");
            Assert.True(s.Code == ExitCodes.Success, s.Error);
            shards.Add(store);
        }

        var merged = Experiments.Run(["experiment", "merge", .. shards, "--out", Path.Combine(dir, "merged.db")]);
        Assert.True(merged.Code == ExitCodes.Success, merged.Error);
        Assert.Equal(Experiments.Digest(whole.Out), Experiments.Digest(merged.Out));

        var cut = Path.Combine(dir, "cut.db");
        using var cts = new CancellationTokenSource();
        var interrupted = Experiments.Run(
            line =>
            {
                if (line.StartsWith("experiment: 4/", StringComparison.Ordinal))
                {
                    cts.Cancel();
                }
            },
            cts.Token,
            "experiment", "run", file, "--out", cut, "--threads", "1");
        Assert.Equal(ExitCodes.Cancelled, interrupted.Code);
        Assert.True(Experiments.StoreRows(cut) < 22);
        var resumed = Experiments.Run("experiment", "resume", cut, "--threads", "2");
        Assert.True(resumed.Code == ExitCodes.Success, resumed.Error);
        Assert.Equal(Experiments.Digest(whole.Out), Experiments.Digest(resumed.Out));
        Assert.Contains("Sensitivity (morris)", resumed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_siege_output_on_a_war_is_refused_with_its_place_and_the_wars_outputs()
    {
        var dir = Cli.TempDir();
        var store = Path.Combine(dir, "s.db");
        var r = Experiments.Run("experiment", "run", Designed(dir, "uncertainty", "{ draws: 2, seeds-per-draw: 2 }", "[peace, fallen]"), "--out", store);
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains("war-uncertainty.yaml:9:18: error BOSX064: 'fallen' is an output of siege scenarios", r.Error, StringComparison.Ordinal);
        Assert.Contains("Outputs of a war scenario: capital-held, theodore-won,", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", r.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(store));
    }

    [Fact]
    public void A_war_output_on_a_siege_is_refused_with_its_place_and_the_sieges_outputs()
    {
        var dir = Cli.TempDir();
        var path = Path.Combine(dir, "siege.yaml");
        File.WriteAllText(path, $"id: siege-u\nscenario: {Experiments.ShippedScenario}\nmaster-seed: 1\nmode: uncertainty\noutputs: [fallen, khosrow-fell]\n");
        var store = Path.Combine(dir, "s.db");
        var r = Experiments.Run("experiment", "run", path, "--out", store);
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains("siege.yaml:5:19: error BOSX064: 'khosrow-fell' is an output of war scenarios, and 'constantinople-626' is a siege scenario", r.Error, StringComparison.Ordinal);
        Assert.Contains("Outputs of a siege scenario: lifted, fallen,", r.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(store));
        var check = Experiments.Run("experiment", "check", path);
        Assert.Equal(ExitCodes.InvalidData, check.Code);
        Assert.Contains("BOSX064", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_war_designs_check()
    {
        var morris = Experiments.Run("experiment", "check", Path.Combine(Experiments.RepositoryRoot, "scenarios", "experiments", "war-sensitivity.yaml"));
        Assert.True(morris.Code == ExitCodes.Success, morris.Error);
        Assert.Contains("war-sensitivity: morris on war-622-628, 1 variants (baseline)", morris.Out, StringComparison.Ordinal);
        Assert.Contains("32 sampled numbers", morris.Out, StringComparison.Ordinal);
        var uncertainty = Experiments.Run("experiment", "check", Path.Combine(Experiments.RepositoryRoot, "scenarios", "experiments", "war-uncertainty.yaml"));
        Assert.True(uncertainty.Code == ExitCodes.Success, uncertainty.Error);
        Assert.Contains("war-uncertainty: uncertainty on war-622-628", uncertainty.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_war_counterfactuals_experiment_checks()
    {
        var r = Experiments.Run("experiment", "check", Path.Combine(Experiments.RepositoryRoot, "scenarios", "experiments", "war-counterfactuals.yaml"));
        Assert.True(r.Code == ExitCodes.Success, r.Error);
        Assert.Contains("paired on war-622-628, 6 variants (baseline, no-split, no-turks, shahrbaraz-loyal, capital-lost, no-invasion)", r.Out, StringComparison.Ordinal);
    }
}
