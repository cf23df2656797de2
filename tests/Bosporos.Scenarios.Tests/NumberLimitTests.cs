using Bosporos.Scenarios.Validation;

namespace Bosporos.Scenarios.Tests;

/// <summary>Numbers at the edges of what a decimal holds: refused with a located diagnostic, never an overflow.</summary>
public class NumberLimitTests
{
    [Theory]
    [InlineData("darkness: 0.3", "darkness: 1e25")]
    [InlineData("darkness: 0.3", "darkness: -1e25")]
    [InlineData("darkness: 0.3", "darkness: 79228162514264337593543950335")]
    [InlineData("longitude: 28.928", "longitude: 1e23")]
    [InlineData("latitude: 41.023", "latitude: -1e22")]
    public void Huge_ratios_and_coordinates_are_out_of_range_not_a_crash(string find, string replace)
    {
        var text = Fixture.Replace(find, replace);
        var result = Fixture.Load(text);
        Assert.False(result.Succeeded);
        var error = result.Errors.First();
        Assert.Contains(error.Code, new[] { DiagnosticCodes.NumberOutOfRange, DiagnosticCodes.RatioOutOfRange, DiagnosticCodes.BadCoordinate });
        Assert.Equal(Fixture.PositionOf(text, replace.Split(' ')[1]), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("1e25")]
    [InlineData("-7.9e28")]
    public void A_huge_set_value_is_a_diagnostic(string value)
    {
        var result = Fixture.Load(Fixture.Text, new ScenarioOverride("combat.darkness", value));
        var error = Assert.Single(result.Errors);
        Assert.Equal("<--set>", error.File);
        Assert.Equal("combat.darkness", error.Path);
    }

    [Theory]
    [InlineData("horizon-days: 60", "horizon-days: 40.99999999999999999999999999999999")]
    [InlineData("darkness: 0.3", "darkness: 0.30000000000000000000000000000001")]
    [InlineData("seize-ratio: 3", "seize-ratio: 1.00000000000000000000000000000001")]
    [InlineData("darkness: 0.3", "darkness: 1e-40")]
    [InlineData("strength: 3000,", "strength: 3000.0000000000000000000000000001,")]
    public void Digits_a_decimal_cannot_hold_are_refused_not_rounded(string find, string replace)
    {
        var text = Fixture.Replace(find, replace);
        var result = Fixture.Load(text);
        Assert.False(result.Succeeded, "accepted " + replace);
        var error = Fixture.SingleError(result, DiagnosticCodes.NumberTooPrecise);
        var number = replace.Split(' ')[1].TrimEnd(',');
        Assert.Equal(Fixture.PositionOf(text, number), (error.Line, error.Column));
        Assert.Contains("rounded", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("darkness: 0.3", "darkness: 0.3000000000000000000000000000")]
    [InlineData("darkness: 0.3", "darkness: 3e-1")]
    [InlineData("darkness: 0.3", "darkness: 0.00003e4")]
    [InlineData("horizon-days: 60", "horizon-days: 6.0e1")]
    [InlineData("horizon-days: 60", "horizon-days: 0000000000000000000000000000000000060")]
    public void Exact_numbers_in_any_notation_are_accepted(string find, string replace)
    {
        var result = Fixture.Load(Fixture.Replace(find, replace));
        Assert.True(result.Succeeded, Fixture.Describe(result));
    }

    [Fact]
    public void The_shipped_precision_refusals_still_hold()
    {
        Assert.False(Fixture.Load(Fixture.Replace("horizon-days: 60", "horizon-days: 40.9999")).Succeeded);
        Assert.False(Fixture.Load(Fixture.Replace("seize-ratio: 3", "seize-ratio: 1.00001")).Succeeded);
    }
}
