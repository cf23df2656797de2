using Bosporos.Scenarios.Validation;
using Bosporos.Scenarios.War;

namespace Bosporos.Scenarios.Tests.War;

public sealed class WarLoaderTests
{
    private static readonly Lazy<string> Shipped = new(() => File.ReadAllText(ShippedPath));

    private static string ShippedPath => Path.Combine(Fixture.RepoRoot(), "scenarios", "war-622-628.yaml");

    private static string Folder => Path.Combine(Fixture.RepoRoot(), "scenarios");

    private static WarLoadResult Load(string text, params ScenarioOverride[] overrides) =>
        WarScenarioLoader.LoadText(text, "war.yaml", Folder, overrides);

    private static string Replace(string find, string replace)
    {
        var text = Shipped.Value;
        Assert.Contains(find, text, StringComparison.Ordinal);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replace + text[(at + find.Length)..];
    }

    private static Diagnostic Single(WarLoadResult result, string code)
    {
        Assert.False(result.Succeeded);
        var errors = result.Errors.ToList();
        Assert.True(errors.Count == 1, string.Join("\n", errors));
        Assert.Equal(code, errors[0].Code);
        return errors[0];
    }

    [Fact]
    public void The_shipped_war_loads_with_its_siege_and_no_diagnostics()
    {
        var result = WarScenarioLoader.LoadFile(ShippedPath);
        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics));
        Assert.Equal("war-622-628", result.Definition!.Id);
        Assert.Equal("constantinople-626", result.Siege!.Id);
        Assert.True(result.Document!.Numbers.Count > 100);
        Assert.All(result.Document.Numbers, n => Assert.False(string.IsNullOrWhiteSpace(n.Source), n.Path));
    }

    [Fact]
    public void An_unknown_key_is_placed_at_its_line_and_column_with_a_suggestion()
    {
        var text = Replace("  split-day:", "  splitday:");
        var result = Load(text);
        Assert.False(result.Succeeded);
        var d = result.Errors.Single(e => e.Code == DiagnosticCodes.UnknownKey);
        Assert.Contains(result.Errors, e => e.Code == DiagnosticCodes.MissingKey && e.Path == "heraclius.split-day");
        Assert.Equal("war.yaml", d.File);
        Assert.Equal(Fixture.PositionOf(text, "splitday:"), (d.Line, d.Column));
        Assert.Contains("split-day", d.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_route_to_an_unknown_region_is_an_error_at_the_reference()
    {
        var text = Replace("{ from: palestine, to: egypt,", "{ from: palestine, to: egipt,");
        var result = Load(text);
        var d = result.Errors.First(e => e.Code == DiagnosticCodes.UnknownReference);
        Assert.Equal(Fixture.PositionOf(text, "egipt,").Line, d.Line);
        Assert.Contains("'egypt'", d.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_a_contingent_the_siege_does_not_have_is_an_error()
    {
        var text = Replace("contingents: [field-troops]", "contingents: [field-troop]");
        var d = Single(Load(text), DiagnosticCodes.UnknownReference);
        Assert.Contains("constantinople-626", d.Message, StringComparison.Ordinal);
        Assert.Contains("field-troops", d.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_siege_scenario_is_an_error_with_a_hint()
    {
        var text = Replace("  scenario: constantinople-626", "  scenario: constantinople-627");
        var d = Single(Load(text), DiagnosticCodes.UnknownReference);
        Assert.Equal(Fixture.PositionOf(text, "constantinople-627").Line, d.Line);
        Assert.Contains("shipped", d.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_share_above_one_and_a_value_outside_its_cited_range_are_refused()
    {
        var share = Load(Replace("  theodore-share: { value: 0.5,", "  theodore-share: { value: 1.5,"));
        Assert.False(share.Succeeded);
        Assert.Contains(share.Errors, e => e.Code == DiagnosticCodes.RatioOutOfRange && e.Path == "heraclius.theodore-share" && e.Line > 0);
        Single(Load(Replace("  capital-send: { value: 12000,", "  capital-send: { value: 9000,")), DiagnosticCodes.OutsideCitedRange);
    }

    [Fact]
    public void A_reversed_invasion_window_is_refused()
    {
        var d = Single(Load(Replace("  invade-until-day: { value: 2035,", "  invade-until-day: { value: 1900,")), DiagnosticCodes.DaysReversed);
        Assert.Contains("invade-until-day", d.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void The_campaigns_before_the_split_name_known_regions_and_armies()
    {
        var region = Single(Load(Replace("    - { kind: sack, region: atropatene }", "    - { kind: sack, region: atropatena }")), DiagnosticCodes.UnknownReference);
        Assert.Contains("plan", region.Path, StringComparison.Ordinal);
        Assert.Contains("atropatene", region.Hint, StringComparison.Ordinal);
        var army = Single(Load(Replace("    - { kind: seek, army: shahrbaraz }", "    - { kind: seek }")), DiagnosticCodes.UnknownReference);
        Assert.Contains("names the army", army.Message, StringComparison.Ordinal);
        var trap = Single(Load(Replace("  trap: [shahraplakan, shahin-624, shahrbaraz]", "  trap: [shahraplakan, shahin-625, shahrbaraz]")), DiagnosticCodes.UnknownReference);
        Assert.Contains("trap", trap.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void A_khagans_peace_that_ends_before_it_begins_is_refused()
    {
        var d = Single(Load(Replace("  peace-days-max: { value: 395,", "  peace-days-max: { value: 100,")), DiagnosticCodes.DaysReversed);
        Assert.Contains("peace-days-max", d.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Overrides_reach_the_war_records_and_unknown_paths_get_suggestions()
    {
        var result = Load(Shipped.Value, new ScenarioOverride("heraclius.split", "false"), new ScenarioOverride("armies.shahin.strength", "30000"));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.False(result.Definition!.Heraclius.Split);
        Assert.Equal(30000, result.Definition.Armies.Single(a => a.Id == "shahin").Strength);

        var bad = Load(Shipped.Value, new ScenarioOverride("heraclius.splitt", "false"));
        var d = Single(bad, DiagnosticCodes.UnknownOverridePath);
        Assert.Equal(DiagnosticBag.OverrideFile, d.File);
        Assert.Contains("split", d.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void The_siege_loader_refuses_a_war_file_and_says_how_to_run_it()
    {
        var result = ScenarioLoader.LoadText(Shipped.Value, "war.yaml");
        var d = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.WarFile, d.Code);
        Assert.Contains("bosporos run", d.Hint, StringComparison.Ordinal);
        Assert.True(d.Line > 0);
    }

    [Fact]
    public void The_war_loader_refuses_a_siege_file()
    {
        var siege = File.ReadAllText(Path.Combine(Folder, "constantinople-626.yaml"));
        var result = Load(siege);
        Assert.Contains(result.Errors, e => e.Path == "kind");
        Assert.True(WarScenarioLoader.IsWarFile(ShippedPath));
        Assert.False(WarScenarioLoader.IsWarFile(Path.Combine(Folder, "constantinople-626.yaml")));
    }

    [Fact]
    public void Malformed_yaml_is_a_located_diagnostic_not_a_crash()
    {
        var result = Load("format: 1\nkind: war\nregions: [\n");
        Assert.False(result.Succeeded);
        Assert.All(result.Errors, e => Assert.True(e.Line > 0));
        var list = Load("- 1\n- 2\n");
        Assert.Equal(DiagnosticCodes.NotAMapping, Assert.Single(list.Errors).Code);
    }
}
