namespace Bosporos.Cli.Tests;

/// <summary>bosporos experiment branch: a replay of seed 26 (a run on the historical course) continued from the morning of the boat attack.</summary>
public sealed class BranchCommandTests
{
    private const string At = "626-08-07T06:00";
    private const string NoLightCraft = "no-light-craft:orders.patrol.golden-horn-upper=0";

    private static readonly Lazy<string> Replay = new(() =>
    {
        var path = Path.Combine(Cli.TempDir(), "r2.json");
        var r = Experiments.Run("run", "constantinople-626", "--seed", "26", "--replay", path);
        Assert.Equal(ExitCodes.Success, r.Code);
        return path;
    });

    private static CliResult Branch(params string[] args) => Experiments.Run(["experiment", "branch", Replay.Value, .. args]);

    [Fact]
    public void Branch_prints_the_paired_analysis_with_the_branch_point_and_end_dates_and_keeps_a_store_that_report_and_export_read()
    {
        var dir = Cli.TempDir();
        var store = Path.Combine(dir, "b.db");
        var r = Branch("--at", At, "--variant", NoLightCraft, "--runs", "30", "--threads", "2", "--out", store);
        Assert.True(r.Code == ExitCodes.Success, r.Error);
        Assert.Contains("Branched from r2.json (seed 26) at 7 August 626, 06:00 (hour 942)", r.Out, StringComparison.Ordinal);
        Assert.Contains("When the siege ended (Julian calendar)", r.Out, StringComparison.Ordinal);
        Assert.Contains("Variant no-light-craft: 30 pairs", r.Out, StringComparison.Ordinal);
        Assert.Contains("Where baseline and no-light-craft part", r.Out, StringComparison.Ordinal);
        Assert.Equal(Experiments.StoreDigest(store), Experiments.Digest(r.Out));
        Assert.Equal(60, Experiments.StoreRows(store));

        Assert.Equal(ExitCodes.Success, Experiments.Run("report", store, "--out", Path.Combine(dir, "report")).Code);
        Assert.Contains("Branched at 7 August 626, 06:00: when the siege ended", File.ReadAllText(Path.Combine(dir, "report", "index.html")), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, Experiments.Run("experiment", "export", store, "--csv", Path.Combine(dir, "b.csv")).Code);
        var again = Experiments.Run("experiment", "resume", store);
        Assert.Equal(ExitCodes.Success, again.Code);
        Assert.Contains("0 runs done, 60 already in the store", again.Out, StringComparison.Ordinal);
        Assert.Contains("Branched from r2.json", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Branch_in_json_has_the_branch_section()
    {
        var r = Branch("--at", At, "--variant", NoLightCraft, "--runs", "8", "--format", "json", "--out", Path.Combine(Cli.TempDir(), "b.db"));
        Assert.True(r.Code == ExitCodes.Success, r.Error);
        using var json = System.Text.Json.JsonDocument.Parse(r.Out);
        var branch = json.RootElement.GetProperty("branch");
        Assert.Equal("0626-08-07T06:00", branch.GetProperty("at").GetString());
        Assert.Equal(942, branch.GetProperty("at-hour").GetInt32());
        Assert.Equal(2, branch.GetProperty("end-dates").GetArrayLength());
    }

    [Fact]
    public void An_interrupted_branch_exits_130_and_resumes_to_the_uninterrupted_digest()
    {
        var dir = Cli.TempDir();
        var whole = Branch("--at", At, "--variant", NoLightCraft, "--runs", "100", "--out", Path.Combine(dir, "whole.db"));
        Assert.Equal(ExitCodes.Success, whole.Code);

        var store = Path.Combine(dir, "cut.db");
        using var cts = new CancellationTokenSource();
        var cut = Experiments.Run(line => { if (line.StartsWith("experiment:", StringComparison.Ordinal)) { cts.Cancel(); } }, cts.Token, ["experiment", "branch", Replay.Value, "--at", At, "--variant", NoLightCraft, "--runs", "100", "--out", store]);
        Assert.Equal(ExitCodes.Cancelled, cut.Code);
        Assert.InRange(Experiments.StoreRows(store), 1, 199);
        Assert.Contains("experiment resume", cut.Error, StringComparison.Ordinal);

        var resumed = Experiments.Run("experiment", "resume", store);
        Assert.Equal(ExitCodes.Success, resumed.Code);
        Assert.Equal(Experiments.Digest(whole.Out), Experiments.Digest(resumed.Out));
    }

    [Theory]
    [InlineData("626-08-07x", "is not a date")]
    [InlineData("626-02-30T06:00", "has 28 days")]
    [InlineData("626-08-07T06:30", "minutes must be 00")]
    [InlineData("626-06-01T00:00", "before the siege begins")]
    [InlineData("626-08-08T05:00", "not within the replay")]
    [InlineData("627-01-01T00:00", "not within the replay")]
    public void A_bad_moment_is_a_usage_error_with_a_hint(string at, string expected)
    {
        var store = Path.Combine(Cli.TempDir(), "b.db");
        var r = Branch("--at", at, "--runs", "2", "--out", store);
        Assert.Equal(ExitCodes.Usage, r.Code);
        Assert.Contains(expected, r.Error, StringComparison.Ordinal);
        Assert.Contains("hint:", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(store));
    }

    [Theory]
    [InlineData("x:flotillas.roman-light-craft.hullz=0", "Did you mean 'hulls'?")]
    [InlineData("x:calendar.horizon-days=50", "changes the shape of the siege")]
    [InlineData("x:orders.patrl.golden-horn-upper=0", "Did you mean 'patrol'?")]
    [InlineData("x:orders.patrol.golden-horn-upper=5000", "would be refused")]
    public void A_variant_the_branch_cannot_take_is_a_usage_error_with_a_hint(string variant, string expected)
    {
        var store = Path.Combine(Cli.TempDir(), "b.db");
        var r = Branch("--at", At, "--variant", variant, "--runs", "2", "--out", store);
        Assert.Equal(ExitCodes.Usage, r.Code);
        Assert.Contains(expected, r.Error, StringComparison.Ordinal);
        Assert.Contains("Hint:", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(store));
    }

    [Fact]
    public void A_missing_replay_is_a_data_error()
    {
        var r = Experiments.Run("experiment", "branch", Path.Combine(Cli.TempDir(), "none.json"), "--at", At, "--out", Path.Combine(Cli.TempDir(), "b.db"));
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains("does not exist", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_variant_syntax_and_reserved_names_are_usage_errors()
    {
        Assert.Equal(ExitCodes.Usage, Branch("--at", At, "--variant", "no-light-craft", "--out", Path.Combine(Cli.TempDir(), "b.db")).Code);
        var reserved = Branch("--at", At, "--variant", "baseline:naval.intercept-by-day=0.5", "--out", Path.Combine(Cli.TempDir(), "b.db"));
        Assert.Equal(ExitCodes.Usage, reserved.Code);
        Assert.Contains("reserved", reserved.Error, StringComparison.Ordinal);
    }
}
