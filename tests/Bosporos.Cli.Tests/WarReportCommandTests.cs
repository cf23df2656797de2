using System.Text.RegularExpressions;

namespace Bosporos.Cli.Tests;

/// <summary>'bosporos report' on war stores: paired and designed experiments, provenance, determinism, refusals.</summary>
public sealed partial class WarReportCommandTests
{
    private static string WarScenario => Experiments.WarScenario;

    /// <summary>A small paired war experiment (the baseline and two counterfactuals); a store address with a password in a comment.</summary>
    private static string Paired(string dir, int runs = 6) =>
        Experiments.War(dir, "war-paired", runs, comment: "bosporos experiment run war-paired.yaml --out postgres://bob:hunter2@db.example/bosporos");

    private static string Morris(string dir, int batch = 22)
    {
        var path = Path.Combine(dir, "war-morris.yaml");
        File.WriteAllText(path, $$"""
            format: 1
            id: war-morris
            scenario: {{WarScenario}}
            master-seed: 628
            mode: morris
            batch: {{batch}}
            morris: { trajectories: 2, levels: 4, seeds-per-point: 2 }
            parameters: [armies.heraclius.strength, battle.lethality]
            outputs: [khosrow-fell, peace, khosrow-fall-day, roman-losses]
            """);
        return path;
    }

    private static string Store(string file, string dir, string name = "w.db")
    {
        var store = Path.Combine(dir, name);
        var run = Experiments.Run("experiment", "run", file, "--out", store, "--threads", "2");
        Assert.True(run.Code == ExitCodes.Success, run.Error);
        return store;
    }

    [Fact]
    public void A_paired_war_store_gives_the_wars_report_with_its_tables_charts_and_provenance()
    {
        var dir = Cli.TempDir();
        var store = Store(Paired(dir), dir);
        var outDir = Path.Combine(dir, "report");
        var r = Experiments.Run("report", store, "--out", outDir);
        Assert.True(r.Code == ExitCodes.Success, r.Error);
        Assert.Equal(Path.Combine(outDir, "index.html"), r.Out.Trim());
        Assert.Contains("report of 18 rows written with 10 chart files", r.Error, StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(outDir, "index.html"));
        foreach (var title in new[] { "War outcomes", "Events of the war", "When Khosrow falls and when the peace is made", "Paired changes from the baseline",
                     "Paired comparison: no-split against the baseline", "Paired comparison: no-turks against the baseline" })
        {
            Assert.Contains($"<h2>{title}</h2>", html, StringComparison.Ordinal);
        }

        foreach (var chart in new[] { "war-outcomes", "war-events", "khosrow-fall-dates", "peace-dates", "war-differences" })
        {
            Assert.Contains($"<figure id=\"chart-{chart}\">", html, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(outDir, chart + ".png")), chart);
            Assert.True(File.Exists(Path.Combine(outDir, chart + ".svg")), chart);
        }

        // The siege's charts are not drawn for a war; the dates are Julian calendar dates.
        Assert.False(File.Exists(Path.Combine(outDir, "close-siege-days.svg")));
        Assert.Matches(@"<td>\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 6\d\d</td>", html);
        Assert.Contains("date (Julian calendar)", File.ReadAllText(Path.Combine(outDir, "khosrow-fall-dates.svg")), StringComparison.Ordinal);

        // The paired numbers are those 'experiment resume' prints.
        var text = Experiments.Run("experiment", "resume", store);
        Assert.True(text.Code == ExitCodes.Success, text.Error);
        var theodore = Regex.Match(text.Out, @"no-split vs baseline[\s\S]*?\n  theodore-won\s+\S+\s+\S+  (?<d>[^\n]+)\n");
        Assert.True(theodore.Success, text.Out);
        Assert.Contains($"<td>{theodore.Groups["d"].Value}</td>", html, StringComparison.Ordinal);

        // Provenance, and no password from the experiment text kept in the store.
        Assert.Contains(Experiments.StoreDigest(store), html, StringComparison.Ordinal);
        Assert.Contains("<dt>Scenario hash</dt>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Engine version</dt>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>628</dd>", html, StringComparison.Ordinal);
        Assert.Contains("0 to 5 of 6 (18 rows, 3 variants)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", html, StringComparison.Ordinal);
        Assert.Contains("postgres://bob:***@db.example/bosporos", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_war_report_is_the_same_bytes_each_time_but_for_the_hour_it_was_written()
    {
        var dir = Cli.TempDir();
        var store = Store(Paired(dir, runs: 3), dir);
        Assert.Equal(ExitCodes.Success, Experiments.Run("report", store, "--out", Path.Combine(dir, "a")).Code);
        Assert.Equal(ExitCodes.Success, Experiments.Run("report", store, "--out", Path.Combine(dir, "b")).Code);
        static string Page(string path) => WrittenLine().Replace(File.ReadAllText(path), "");
        Assert.Equal(Page(Path.Combine(dir, "a", "index.html")), Page(Path.Combine(dir, "b", "index.html")));
        foreach (var file in Directory.GetFiles(Path.Combine(dir, "a")).Where(f => !f.EndsWith(".html", StringComparison.Ordinal)))
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(dir, "b", Path.GetFileName(file))));
        }
    }

    [Fact]
    public void A_war_report_of_some_variants_leaves_the_others_out()
    {
        var dir = Cli.TempDir();
        var store = Store(Paired(dir, runs: 2), dir);
        var outDir = Path.Combine(dir, "report");
        var r = Experiments.Run("report", Paired(dir, runs: 2), "--store", store, "--out", outDir, "--variant", "no-turks");
        Assert.True(r.Code == ExitCodes.Success, r.Error);
        var html = File.ReadAllText(Path.Combine(outDir, "index.html"));
        Assert.Contains("Paired comparison: no-turks against the baseline", html, StringComparison.Ordinal);
        Assert.DoesNotContain("no-split", html.Replace("name: no-split", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_morris_war_store_gives_the_tornado_and_ranking_of_each_war_output()
    {
        var dir = Cli.TempDir();
        var store = Store(Morris(dir), dir);
        var outDir = Path.Combine(dir, "report");
        var r = Experiments.Run("report", store, "--out", outDir);
        Assert.True(r.Code == ExitCodes.Success, r.Error);
        var html = File.ReadAllText(Path.Combine(outDir, "index.html"));
        foreach (var output in new[] { "khosrow-fell", "peace", "khosrow-fall-day", "roman-losses" })
        {
            Assert.Contains($"<h2>Tornado (morris): baseline, {output}</h2>", html, StringComparison.Ordinal);
            Assert.Contains($"<h2>Ranking (morris): baseline, {output}</h2>", html, StringComparison.Ordinal);
        }

        Assert.Contains("<h2>War outcomes</h2>", html, StringComparison.Ordinal);
        foreach (var chart in new[] { "war-outcomes", "war-events", "khosrow-fall-dates", "peace-dates", "tornado", "tornado-4" })
        {
            Assert.True(File.Exists(Path.Combine(outDir, chart + ".svg")), chart);
        }
    }

    [Fact]
    public void An_unfinished_war_design_is_refused_with_the_resume_command()
    {
        var dir = Cli.TempDir();
        var store = Path.Combine(dir, "m.db");
        using var cts = new CancellationTokenSource();
        var interrupted = Experiments.Run(_ => cts.Cancel(), cts.Token, "experiment", "run", Morris(dir, batch: 4), "--out", store);
        Assert.Equal(ExitCodes.Cancelled, interrupted.Code);
        var outDir = Path.Combine(dir, "report");
        var r = Experiments.Run("report", store, "--out", outDir);
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains($"error: {store} is unfinished: it holds 4 of the 22 runs of 'baseline'", r.Error, StringComparison.Ordinal);
        Assert.Contains($"hint: Finish it with 'bosporos experiment resume {store}'", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));

        Assert.Equal(ExitCodes.Success, Experiments.Run("experiment", "resume", store).Code);
        Assert.Equal(ExitCodes.Success, Experiments.Run("report", store, "--out", outDir).Code);
    }

    [Fact]
    public void An_unfinished_paired_war_store_is_reported_and_says_so()
    {
        var dir = Cli.TempDir();
        var store = Path.Combine(dir, "p.db");
        using var cts = new CancellationTokenSource();
        var interrupted = Experiments.Run(_ => cts.Cancel(), cts.Token, "experiment", "run", Paired(dir), "--out", store);
        Assert.Equal(ExitCodes.Cancelled, interrupted.Code);
        var r = Experiments.Run("report", store, "--out", Path.Combine(dir, "report"));
        Assert.True(r.Code == ExitCodes.Success, r.Error);
        Assert.Contains("Unfinished: this run set holds 9 of the 18 runs", File.ReadAllText(Path.Combine(dir, "report", "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void War_report_refusals_say_what_is_wrong_without_a_stack_trace()
    {
        var dir = Cli.TempDir();
        var store = Store(Paired(dir, runs: 1), dir);

        var file = Path.Combine(dir, "taken");
        File.WriteAllText(file, "x");
        var taken = Experiments.Run("report", store, "--out", file);
        Assert.Equal(ExitCodes.InvalidData, taken.Code);
        Assert.Contains("cannot create the report directory", taken.Error, StringComparison.Ordinal);

        var under = Experiments.Run("report", store, "--out", Path.Combine(file, "report"));
        Assert.Equal(ExitCodes.InvalidData, under.Code);
        Assert.Contains("cannot create the report directory", under.Error, StringComparison.Ordinal);

        var unknown = Experiments.Run("report", store, "--out", Path.Combine(dir, "r1"), "--variant", "no-turk");
        Assert.Equal(ExitCodes.Usage, unknown.Code);
        Assert.Contains("unknown variant 'no-turk'", unknown.Error, StringComparison.Ordinal);
        Assert.Contains("no-split, no-turks", unknown.Error, StringComparison.Ordinal);

        var other = Path.Combine(dir, "other.yaml");
        File.WriteAllText(other, File.ReadAllText(Paired(dir, runs: 1)).Replace("master-seed: 628", "master-seed: 9", StringComparison.Ordinal));
        var mismatch = Experiments.Run("report", other, "--store", store, "--out", Path.Combine(dir, "r2"));
        Assert.Equal(ExitCodes.InvalidData, mismatch.Code);
        Assert.Contains("another experiment", mismatch.Error, StringComparison.Ordinal);

        var missing = Experiments.Run("report", Path.Combine(dir, "none.db"), "--out", Path.Combine(dir, "r3"));
        Assert.Equal(ExitCodes.InvalidData, missing.Code);
        Assert.Contains("no such store", missing.Error, StringComparison.Ordinal);

        var notStore = Path.Combine(dir, "bad.db");
        File.WriteAllText(notStore, "not a database");
        var bad = Experiments.Run("report", notStore, "--out", Path.Combine(dir, "r4"));
        Assert.Equal(ExitCodes.InvalidData, bad.Code);
        Assert.Contains("is not a Bosporos result store", bad.Error, StringComparison.Ordinal);

        var postgres = Experiments.Run("report", "postgres://bob:hunter2@127.0.0.1:1/bosporos", "--out", Path.Combine(dir, "r5"));
        Assert.Equal(ExitCodes.InvalidData, postgres.Code);
        Assert.DoesNotContain("hunter2", postgres.Error, StringComparison.Ordinal);

        foreach (var result in new[] { taken, under, unknown, mismatch, missing, bad, postgres })
        {
            Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        }

        // A missing folder is made, as for a siege.
        var nested = Path.Combine(dir, "results", "war", "report");
        Assert.Equal(ExitCodes.Success, Experiments.Run("report", store, "--out", nested).Code);
        Assert.True(File.Exists(Path.Combine(nested, "index.html")));
    }

    [GeneratedRegex("<dt>Report written</dt><dd>[^<]*</dd>")]
    private static partial Regex WrittenLine();
}
