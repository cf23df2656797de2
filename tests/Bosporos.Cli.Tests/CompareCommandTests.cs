using Bosporos.Cli.Commands;

namespace Bosporos.Cli.Tests;

public sealed class CompareCommandTests
{
    private const string NoFleet = "no-fleet:flotillas.roman-galleys.hulls=0,flotillas.roman-light-craft.hulls=0";

    [Fact]
    public void Compare_prints_the_paired_analysis()
    {
        var r = Experiments.Run("compare", Experiments.ShippedScenario, "--variant", NoFleet, "--variant", "halved:contingents.field-troops.strength=6000", "--runs", "8", "--threads", "2");
        Assert.Equal(ExitCodes.Success, r.Code);
        Assert.Contains("Variant no-fleet: 8 pairs", r.Out, StringComparison.Ordinal);
        Assert.Contains("Variant halved: 8 pairs", r.Out, StringComparison.Ordinal);
        Assert.Contains("median close-siege days", r.Out, StringComparison.Ordinal);
        Assert.Contains("Where baseline and no-fleet part", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_in_json_with_a_store_agrees_with_the_store()
    {
        var dir = Cli.TempDir();
        var store = Path.Combine(dir, "c.db");
        var r = Experiments.Run("compare", "constantinople-626", "--variant", NoFleet, "--runs", "6", "--seed", "7", "--format", "json", "--out", store);
        Assert.Equal(ExitCodes.Success, r.Code);
        using var json = System.Text.Json.JsonDocument.Parse(r.Out);
        Assert.Equal(Experiments.StoreDigest(store), json.RootElement.GetProperty("digest").GetString());
        Assert.Equal(7ul, json.RootElement.GetProperty("master-seed").GetUInt64());
        Assert.Equal(ExitCodes.Success, Experiments.Run("report", store, "--out", Path.Combine(dir, "report")).Code);
    }

    [Fact]
    public void Compare_gives_the_same_digest_on_one_and_two_threads()
    {
        var one = Experiments.Run("compare", "constantinople-626", "--variant", NoFleet, "--runs", "6", "--threads", "1", "--format", "json");
        var two = Experiments.Run("compare", "constantinople-626", "--variant", NoFleet, "--runs", "6", "--threads", "2", "--format", "json");
        using var a = System.Text.Json.JsonDocument.Parse(one.Out);
        using var b = System.Text.Json.JsonDocument.Parse(two.Out);
        Assert.Equal(a.RootElement.GetProperty("digest").GetString(), b.RootElement.GetProperty("digest").GetString());
    }

    [Theory]
    [InlineData("no-fleet")]
    [InlineData("no-fleet:")]
    [InlineData("No Fleet:flotillas.roman-galleys.hulls=0")]
    [InlineData("x:flotillas.roman-galleys.hulls")]
    [InlineData("x:=3")]
    [InlineData("x:a=1,b")]
    [InlineData("x:a=#1")]
    public void Bad_variant_syntax_is_a_usage_error(string variant)
    {
        var r = Experiments.Run("compare", "constantinople-626", "--variant", variant, "--runs", "2");
        Assert.Equal(ExitCodes.Usage, r.Code);
        Assert.Contains("--variant", r.Error, StringComparison.Ordinal);
        Assert.Contains("NAME:path=value", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_or_reserved_variant_names_are_usage_errors()
    {
        var twice = Experiments.Run("compare", "constantinople-626", "--variant", "a:combat.defender-lethality=0.02", "--variant", "a:combat.defender-lethality=0.03", "--runs", "2");
        Assert.Equal(ExitCodes.Usage, twice.Code);
        Assert.Contains("given twice", twice.Error, StringComparison.Ordinal);
        var baseline = Experiments.Run("compare", "constantinople-626", "--variant", "baseline:combat.defender-lethality=0.02", "--runs", "2");
        Assert.Equal(ExitCodes.Usage, baseline.Code);
        Assert.Contains("reserved", baseline.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_variant_path_the_scenario_lacks_is_a_data_error()
    {
        var r = Experiments.Run("compare", "constantinople-626", "--variant", "x:nowhere.at-all=3", "--runs", "2");
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains("nowhere", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_scenario_is_a_data_error()
    {
        var r = Experiments.Run("compare", "constantinople-999", "--variant", NoFleet, "--runs", "2");
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains("constantinople-999", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_variant_or_bad_runs_are_usage_errors()
    {
        Assert.Equal(ExitCodes.Usage, Experiments.Run("compare", "constantinople-626").Code);
        Assert.Equal(ExitCodes.Usage, Experiments.Run("compare", "constantinople-626", "--variant", NoFleet, "--runs", "0").Code);
    }

    [Fact]
    public void Cancelled_compare_exits_130_and_keeps_the_store()
    {
        var dir = Cli.TempDir();
        var store = Path.Combine(dir, "c.db");
        using var cts = new CancellationTokenSource();
        var r = Experiments.Run(_ => cts.Cancel(), cts.Token, "compare", "constantinople-626", "--variant", NoFleet, "--runs", "100", "--out", store);
        Assert.Equal(ExitCodes.Cancelled, r.Code);
        Assert.InRange(Experiments.StoreRows(store), 1, 199);
    }

    [Fact]
    public void Variant_parser_reads_names_and_settings()
    {
        Assert.True(CompareCommand.TryParseVariant("a-1: x.y = 0.5 ,z=true", out var spec, out _));
        Assert.Equal("a-1", spec!.Name);
        Assert.Equal([("x.y", "0.5"), ("z", "true")], spec.Set.Select(o => (o.Path, o.Value)));
    }
}
