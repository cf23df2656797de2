using Bosporos.Kernel.Combat;
using Bosporos.Kernel.Command;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Geography;
using Bosporos.Scenarios.Documents;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Scenarios.Tests;

public class ValidFixtureTests
{
    private static readonly LoadResult Result = Fixture.Load(Fixture.Text);

    [Fact]
    public void Loads_without_errors()
    {
        Assert.True(Result.Succeeded, Fixture.Describe(Result));
        Assert.Empty(Result.Errors);
        Assert.NotNull(Result.Definition);
        Assert.NotNull(Result.Document);
    }

    [Fact]
    public void Binds_identity_and_calendar()
    {
        var d = Result.Definition!;
        Assert.Equal("test-siege", d.Id);
        Assert.Equal("Test siege of a small city", d.Name);
        Assert.Equal((626, 6, 29, 60), (d.Calendar.StartYear, d.Calendar.StartMonth, d.Calendar.StartDay, d.Calendar.HorizonDays));
        Assert.Equal(7, d.Zones.Length);
        Assert.Equal(5, d.Contingents.Length);
        Assert.Equal(2, d.Flotillas.Length);
        Assert.Equal(3, d.Engines.Length);
        Assert.Equal(6, d.Command.Khagan.Length);
    }

    [Fact]
    public void Binds_ratios_degrees_and_enums()
    {
        var d = Result.Definition!;
        var troops = d.Contingents[0];
        Assert.Equal(8000, troops.Training.Raw);
        Assert.Equal(TroopType.DismountedCavalry, troops.Troop);
        Assert.Equal(ContingentRole.Garrison, troops.Role);
        Assert.Equal(41_023_000, d.Zones[0].Latitude.Micro);
        Assert.Equal(28_928_000, d.Zones[0].Longitude.Micro);
        Assert.Equal(ZoneKind.LandWall, d.Zones[0].Kind);
        Assert.Equal(ZoneKind.SeaWall, d.Zones[1].Kind);
        Assert.Equal(AttritionLaw.Mixed, d.Combat.Law);
        Assert.Equal(5, d.Siegecraft.StoneDamagePerEngineHour.Raw);
        Assert.Equal(25_000, d.Combat.AttackerFrontagePerMetre.Raw);
        Assert.Equal(30_000, d.Combat.SeizeRatio.Raw);
        Assert.Equal(900_000L, d.Supply.ForagePoolManDays);
        Assert.Equal(PlanAction.FerryPersians, d.Command.Khagan[4].Action);
        Assert.Equal(["strait", "horn"], d.Command.Khagan[5].Route);
    }

    [Fact]
    public void Keeps_defaults_for_absent_optional_keys()
    {
        var d = Result.Definition!;
        Assert.Equal(10_000, d.WallSectors[0].Integrity.Raw);
        Assert.Equal(9_000, d.WallSectors[1].Integrity.Raw);
        Assert.Equal(0, d.WallSectors[1].AttackerTerrainBonus.Raw);
        Assert.Equal(2_500, d.WallSectors[0].AttackerTerrainBonus.Raw);
        Assert.Equal(0, d.Command.Khagan[1].DaysAfter);
        Assert.Equal(2, d.Command.Khagan[2].DaysAfter);
        Assert.Equal(Kernel.Command.IntentionCondition.Always, d.Command.Khagan[0].When);
        Assert.Equal(Kernel.Command.IntentionCondition.SignalAgreed, d.Command.Khagan[5].When);
        Assert.Equal(5, d.Command.Khagan[1].StartHour);
        Assert.Null(d.Command.Khagan[0].Target);
        Assert.Empty(d.Command.Khagan[0].Route);
        Assert.Equal(0, d.Contingents[0].ArrivalDay);
        Assert.True(d.Contingents[3].Subject);
        Assert.False(d.Contingents[2].Subject);
    }

    [Fact]
    public void Records_the_cited_number_with_its_expanded_source()
    {
        var strength = Result.Document!.Numbers.Single(n => n.Path == "contingents.field-troops.strength");
        Assert.Equal(12000m, strength.Value);
        Assert.Equal("Hurbanič, The Avar Siege of Constantinople in 626 (2019)", strength.Source);
        Assert.Equal(Reliability.Contested, strength.Reliability);
        Assert.Equal(10000m, strength.RangeLow);
        Assert.Equal(15000m, strength.RangeHigh);
        Assert.Equal("the figure is a guess", strength.Note);
        Assert.Equal(Fixture.PositionOf(Fixture.Text, "12000"), (strength.Line, strength.Column));
        Assert.False(strength.Overridden);
        Assert.Equal(12000, Result.Definition!.Contingents[0].Strength);
    }

    [Fact]
    public void Records_every_number_in_file_order_and_warns_when_uncited()
    {
        var numbers = Result.Document!.Numbers;
        Assert.True(numbers.Count > 100, $"only {numbers.Count} numbers");
        Assert.Equal("calendar.start-year", numbers[0].Path);
        var positions = numbers.Select(n => (n.Line, n.Column)).ToList();
        Assert.Equal(positions.OrderBy(p => p.Line).ThenBy(p => p.Column), positions);
        var uncited = Result.Warnings.Where(w => w.Code == DiagnosticCodes.UncitedNumber).ToList();
        var schedule = numbers.Where(n => System.Text.RegularExpressions.Regex.IsMatch(n.Path, @"^command\.khagan\.\d+\.(start-hour|end-hour)$")).ToList();
        Assert.Equal(6, schedule.Count);
        Assert.Equal(numbers.Count - 1 - schedule.Count, uncited.Count);
        Assert.DoesNotContain(uncited, w => w.Path.EndsWith("-hour", StringComparison.Ordinal) && w.Path.StartsWith("command.khagan.", StringComparison.Ordinal));
        Assert.Contains(uncited, w => w.Path == "command.khagan.2.days-after");
        Assert.DoesNotContain(uncited, w => w.Path == "contingents.field-troops.strength");
        var training = uncited.Single(w => w.Path == "contingents.field-troops.training");
        Assert.Equal(Fixture.PositionOf(Fixture.Text, "0.8\n"), (training.Line, training.Column));
        Assert.Equal(Severity.Warning, training.Severity);
    }

    [Fact]
    public void Document_carries_identity_and_format()
    {
        var doc = Result.Document!;
        Assert.Equal("test-siege", doc.Id);
        Assert.Equal("Test siege of a small city", doc.Name);
        Assert.Equal("test.yaml", doc.File);
        Assert.Equal(1, doc.Format);
    }

    [Fact]
    public void Accepts_a_bom_and_crlf_line_ends()
    {
        var bytes = Fixture.Utf8("\uFEFF" + Fixture.Text.Replace("\n", "\r\n", StringComparison.Ordinal));
        var result = ScenarioLoader.LoadBytes(bytes, "crlf.yaml");
        Assert.True(result.Succeeded, Fixture.Describe(result));
        Assert.Equal(Result.Definition!.Contingents[0].Strength, result.Definition!.Contingents[0].Strength);
    }

    [Fact]
    public void Positions_stay_right_with_crlf()
    {
        var text = Fixture.Replace("strength: 3000,", "strength: -3000,").Replace("\n", "\r\n", StringComparison.Ordinal);
        var result = Fixture.Load(text);
        var error = Fixture.SingleError(result, DiagnosticCodes.Negative);
        Assert.Equal(Fixture.PositionOf(text.Replace("\r\n", "\n", StringComparison.Ordinal), "-3000"), (error.Line, error.Column));
    }

    [Fact]
    public void Accepts_the_same_scenario_written_as_json()
    {
        var json = JsonFromYaml.Convert(Fixture.Text);
        var result = ScenarioLoader.LoadText(json, "test.json");
        Assert.True(result.Succeeded, Fixture.Describe(result));
        Assert.Equal(Result.Definition!.Combat.DefenderLethality, result.Definition!.Combat.DefenderLethality);
        Assert.Equal(Result.Definition!.Zones[2].Latitude, result.Definition!.Zones[2].Latitude);
    }

    [Theory]
    [InlineData(628, 2, 29)]
    [InlineData(700, 2, 29)]
    [InlineData(626, 12, 31)]
    [InlineData(626, 1, 1)]
    public void Accepts_valid_julian_dates(int year, int month, int day)
    {
        var text = Fixture.Replace("start-year: 626, start-month: 6, start-day: 29", $"start-year: {year}, start-month: {month}, start-day: {day}");
        var result = Fixture.Load(text);
        Assert.True(result.Succeeded, Fixture.Describe(result));
    }

    [Fact]
    public void Diagnostic_prints_in_compiler_form()
    {
        var d = new Diagnostic(Severity.Error, "BOS1205", "a.yaml", 3, 7, "zones.x", "No zone.", "Did you mean 'y'?");
        Assert.Equal("a.yaml:3:7: error BOS1205: No zone. [zones.x] Hint: Did you mean 'y'?", d.ToString());
    }
}

public class JsonInputTests
{
    [Fact]
    public void Accepts_tab_indented_json_with_a_schema_key()
    {
        var json = JsonFromYaml.Convert(Fixture.Text);
        json = "{\n\t\"$schema\": \"schema/scenario.schema.json\",\n" + json[1..].Replace("  ", "\t", StringComparison.Ordinal);
        var result = ScenarioLoader.LoadText(json, "tabs.json");
        Assert.True(result.Succeeded, Fixture.Describe(result));
    }

    [Fact]
    public void Json_errors_are_located_too()
    {
        var json = JsonFromYaml.Convert(Fixture.Replace("strength: 3000,", "strength: -3000,"));
        var result = ScenarioLoader.LoadText(json, "bad.json");
        var error = Fixture.SingleError(result, Bosporos.Scenarios.Validation.DiagnosticCodes.Negative);
        Assert.Equal(Fixture.PositionOf(json, "-3000"), (error.Line, error.Column));
    }
}
