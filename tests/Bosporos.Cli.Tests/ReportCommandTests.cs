namespace Bosporos.Cli.Tests;

public sealed class ReportCommandTests
{
    private static string Store(string dir, int runs = 6)
    {
        var store = Path.Combine(dir, "s.db");
        Assert.Equal(ExitCodes.Success, Experiments.Run("experiment", "run", Experiments.Small(dir, runs: runs), "--out", store).Code);
        return store;
    }

    [Fact]
    public void Report_of_a_store_writes_index_charts_paired_tables_and_narratives()
    {
        var dir = Cli.TempDir();
        var store = Store(dir);
        var outDir = Path.Combine(dir, "report");
        var r = Experiments.Run("report", store, "--out", outDir);
        Assert.Equal(ExitCodes.Success, r.Code);
        Assert.Equal(Path.Combine(outDir, "index.html"), r.Out.Trim());
        foreach (var chart in new[] { "outcome-shares", "close-siege-days", "survival", "losses" })
        {
            Assert.True(File.Exists(Path.Combine(outDir, chart + ".png")), chart);
            Assert.True(File.Exists(Path.Combine(outDir, chart + ".svg")), chart);
        }

        var html = File.ReadAllText(Path.Combine(outDir, "index.html"));
        Assert.Contains("Paired analysis: no-fleet against the baseline", html, StringComparison.Ordinal);
        Assert.Contains("Where baseline and blachernae-walled part", html, StringComparison.Ordinal);
        Assert.Contains(Experiments.StoreDigest(store), html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_of_an_experiment_file_with_its_store_and_only_some_variants()
    {
        var dir = Cli.TempDir();
        var store = Store(dir);
        var outDir = Path.Combine(dir, "report");
        var r = Experiments.Run("report", Path.Combine(dir, "small.yaml"), "--store", store, "--out", outDir, "--variant", "no-fleet", "--no-divergence");
        Assert.Equal(ExitCodes.Success, r.Code);
        var html = File.ReadAllText(Path.Combine(outDir, "index.html"));
        Assert.Contains("Paired analysis: no-fleet", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Paired analysis: garrison-halved", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Where baseline and", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_of_an_unknown_variant_is_a_usage_error()
    {
        var dir = Cli.TempDir();
        var r = Experiments.Run("report", Store(dir, runs: 2), "--out", Path.Combine(dir, "report"), "--variant", "no-fleat");
        Assert.Equal(ExitCodes.Usage, r.Code);
        Assert.Contains("unknown variant 'no-fleat'", r.Error, StringComparison.Ordinal);
        Assert.Contains("no-fleet", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_needs_a_store()
    {
        var dir = Cli.TempDir();
        var missing = Experiments.Run("report", Path.Combine(dir, "none.db"), "--out", Path.Combine(dir, "report"));
        Assert.Equal(ExitCodes.InvalidData, missing.Code);
        Assert.Contains("no such store", missing.Error, StringComparison.Ordinal);
        var fileOnly = Experiments.Run("report", Experiments.Small(dir), "--out", Path.Combine(dir, "report"));
        Assert.Equal(ExitCodes.Usage, fileOnly.Code);
        Assert.Contains("--store", fileOnly.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_with_another_experiment_file_is_refused()
    {
        var dir = Cli.TempDir();
        var store = Store(dir, runs: 2);
        var other = Experiments.Small(dir, runs: 2, seed: 9, name: "other.yaml");
        var r = Experiments.Run("report", other, "--store", store, "--out", Path.Combine(dir, "report"));
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains("another experiment", r.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "report")));
    }

    [Fact]
    public void Report_sections_carry_the_tornado_of_a_sensitivity_experiment()
    {
        var dir = Cli.TempDir();
        var file = Morris(dir);
        var store = Path.Combine(dir, "m.db");
        var run = Experiments.Run("experiment", "run", file, "--out", store, "--threads", "2");
        Assert.True(run.Code == ExitCodes.Success, run.Error);
        var outDir = Path.Combine(dir, "report");
        var r = Experiments.Run("report", store, "--out", outDir);
        Assert.True(r.Code == ExitCodes.Success, r.Error);
        Assert.True(File.Exists(Path.Combine(outDir, "tornado.svg")));
        Assert.Contains("Tornado (", File.ReadAllText(Path.Combine(outDir, "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unfinished_sensitivity_store_is_refused_with_the_resume_command()
    {
        var dir = Cli.TempDir();
        var file = Morris(dir, batch: 5);
        var store = Path.Combine(dir, "m.db");
        using var cts = new CancellationTokenSource();
        Assert.Equal(ExitCodes.Cancelled, Experiments.Run(_ => cts.Cancel(), cts.Token, "experiment", "run", file, "--out", store).Code);
        var r = Experiments.Run("report", store, "--out", Path.Combine(dir, "report"));
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains($"error: {store} is unfinished: it holds 5 of the 22 runs of 'baseline', and a morris experiment is analysed over all of them.", r.Error, StringComparison.Ordinal);
        Assert.Contains("experiment resume", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", r.Error, StringComparison.Ordinal);
    }

    /// <summary>A small Morris design over two numbers of the shipped scenario (22 runs), written to <paramref name="dir"/>.</summary>
    private static string Morris(string dir, int? batch = null)
    {
        var file = Path.Combine(dir, "morris.yaml");
        File.WriteAllText(file, $$"""
            format: 1
            id: morris-small
            scenario: {{Experiments.ShippedScenario}}
            master-seed: 1
            mode: morris
            {{(batch is { } b ? $"batch: {b}" : "")}}
            morris: { trajectories: 2, levels: 4, seeds-per-point: 2 }
            parameters:
              - { path: combat.defender-lethality, range: [0.01, 0.05] }
              - { path: contingents.field-troops.strength, range: [8000, 14000] }
            """);
        return file;
    }
}
