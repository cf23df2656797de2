using Bosporos.Kernel.Combat;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Scenarios.Tests;

public class OverrideTests
{
    private static LoadResult Set(params (string Path, string Value)[] sets) =>
        Fixture.Load(Fixture.Text, sets.Select(s => new ScenarioOverride(s.Path, s.Value)).ToArray());

    [Fact]
    public void Sets_a_plain_number_by_list_id()
    {
        var result = Set(("contingents.host.strength", "25000"));
        Assert.True(result.Succeeded, Fixture.Describe(result));
        Assert.Equal(25000, result.Definition!.Contingents[2].Strength);
        var number = result.Document!.Numbers.Single(n => n.Path == "contingents.host.strength");
        Assert.True(number.Overridden);
        Assert.Equal("30000", number.OriginalText);
        Assert.Equal(25000m, number.Value);
    }

    [Fact]
    public void Overriding_a_cited_number_keeps_its_citation()
    {
        var result = Set(("contingents.field-troops.strength", "14000"));
        Assert.True(result.Succeeded, Fixture.Describe(result));
        Assert.Equal(14000, result.Definition!.Contingents[0].Strength);
        var number = result.Document!.Numbers.Single(n => n.Path == "contingents.field-troops.strength");
        Assert.Equal(14000m, number.Value);
        Assert.True(number.Overridden);
        Assert.Equal("12000", number.OriginalText);
        Assert.StartsWith("Hurbanič", number.Source, StringComparison.Ordinal);
        Assert.Equal(Fixture.PositionOf(Fixture.Text, "12000"), (number.Line, number.Column));
    }

    [Fact]
    public void The_value_of_a_cited_number_can_be_named_explicitly()
    {
        var result = Set(("contingents.field-troops.strength.value", "11000"));
        Assert.Equal(11000, result.Definition!.Contingents[0].Strength);
    }

    [Fact]
    public void An_overridden_value_outside_its_cited_range_is_a_counterfactual_warning_not_an_error()
    {
        var result = Set(("contingents.field-troops.strength", "20000"));
        Assert.True(result.Succeeded);
        Assert.Equal(20000, result.Definition!.Contingents[0].Strength);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.OverrideOutsideCitedRange);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal((DiagnosticBag.OverrideFile, 0, 0), (warning.File, warning.Line, warning.Column));
        Assert.Contains("counterfactual", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overridden_value_still_has_to_obey_the_hard_limits()
    {
        var result = Set(("contingents.field-troops.strength", "-5"));
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Sets_enums_ratios_lists_and_indexed_items()
    {
        var result = Set(
            ("combat.law", "square"),
            ("morale.desert-below", "0.15"),
            ("command.khagan.4.route", "[horn]"),
            ("wall-sectors.1.towers", "14"),
            ("zones.city.neighbours.0", "north-wall"));
        Assert.True(result.Succeeded, Fixture.Describe(result));
        var d = result.Definition!;
        Assert.Equal(AttritionLaw.Square, d.Combat.Law);
        Assert.Equal(1500, d.Morale.DesertBelow.Raw);
        Assert.Equal(["horn"], d.Command.Khagan[4].Route);
        Assert.Equal(14, d.WallSectors[1].Towers);
        Assert.Equal(["north-wall", "north-wall"], d.Zones[2].Neighbours);
    }

    [Fact]
    public void Adds_an_optional_key_the_file_leaves_out()
    {
        var result = Set(("contingents.sailors.arrival-day", "5"), ("command.khagan.1.days-after", "4"));
        Assert.True(result.Succeeded, Fixture.Describe(result));
        Assert.Equal(5, result.Definition!.Contingents[1].ArrivalDay);
        Assert.Equal(4, result.Definition!.Command.Khagan[1].DaysAfter);
        Assert.DoesNotContain(result.Warnings, w => w.Path == "contingents.sailors.arrival-day");
    }

    [Fact]
    public void Later_overrides_of_the_same_path_win()
    {
        var result = Set(("naval.warship-damaged-per-catch", "0.5"), ("naval.warship-damaged-per-catch", "0.25"));
        Assert.Equal(2500, result.Definition!.Naval.WarshipDamagedPerCatch.Raw);
    }

    [Fact]
    public void An_unknown_segment_suggests_the_keys_at_that_level()
    {
        var result = Set(("contingents.field-troops.strenght", "5"));
        var error = Fixture.SingleError(result, DiagnosticCodes.UnknownOverridePath);
        Assert.Equal("<--set>", error.File);
        Assert.Equal(0, error.Line);
        Assert.Equal("contingents.field-troops.strenght", error.Path);
        Assert.Equal("Did you mean 'strength'?", error.Hint);
    }

    [Fact]
    public void An_unknown_list_id_suggests_the_ids()
    {
        var error = Fixture.SingleError(Set(("flotillas.galley.hulls", "5")), DiagnosticCodes.UnknownOverridePath);
        Assert.Equal("Did you mean 'galleys'?", error.Hint);
    }

    [Fact]
    public void A_bad_value_is_reported_at_the_override()
    {
        var error = Fixture.SingleError(Set(("contingents.host.strength", "lots")), DiagnosticCodes.NotANumber);
        Assert.Equal(("<--set>", 0, "contingents.host.strength"), (error.File, error.Line, error.Path));
        Assert.StartsWith("<--set>: error BOS1104", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("contingents.host.strength=25000", "contingents.host.strength", "25000")]
    [InlineData("name=a=b", "name", "a=b")]
    [InlineData(" combat.law =square", "combat.law", "square")]
    public void Parses_path_equals_value(string text, string path, string value) =>
        Assert.Equal(new ScenarioOverride(path, value), ScenarioOverride.Parse(text));

    [Theory]
    [InlineData("no-equals")]
    [InlineData("=value")]
    public void Refuses_text_without_a_path(string text) => Assert.Null(ScenarioOverride.Parse(text));
}
