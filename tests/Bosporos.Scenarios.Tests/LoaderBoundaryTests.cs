using System.Text;
using Bosporos.Scenarios.Validation;
using CsCheck;

namespace Bosporos.Scenarios.Tests;

public class LoaderBoundaryTests
{
    [Fact]
    public void A_50_MB_file_is_refused_by_the_size_gate_without_reading_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bosporos-big-{Guid.NewGuid():N}.yaml");
        try
        {
            using (var stream = new FileStream(path, FileMode.CreateNew))
            {
                stream.SetLength(50L * 1024 * 1024); // sparse: nothing is written
            }

            var result = ScenarioLoader.LoadFile(path);
            var error = Fixture.SingleError(result, DiagnosticCodes.FileTooLarge);
            Assert.Equal((path, 1, 1), (error.File, error.Line, error.Column));
            Assert.Contains("52,428,800", error.Message, StringComparison.Ordinal);
            Assert.Equal(string.Empty, result.ScenarioHash);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_size_limit_is_configurable()
    {
        var small = new LoaderLimits { MaxFileBytes = 100 };
        var result = ScenarioLoader.LoadText(Fixture.Text, "x.yaml", null, small);
        Fixture.SingleError(result, DiagnosticCodes.FileTooLarge);
        var fine = ScenarioLoader.LoadText(Fixture.Text, "x.yaml", null, LoaderLimits.Default with { MaxDepth = 3 });
        Fixture.SingleError(fine, DiagnosticCodes.TooDeep);
    }

    [Fact]
    public void Loads_a_file_from_disk_and_names_it_in_diagnostics()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bosporos-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(path, Fixture.Replace("strength: 3000,", "strength: -3000,"));
            var result = ScenarioLoader.LoadFile(path);
            var error = Fixture.SingleError(result, DiagnosticCodes.Negative);
            Assert.Equal(path, error.File);
            Assert.StartsWith($"{path}:{error.Line}:{error.Column}: error BOS1201: ", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_or_a_folder_is_a_diagnostic_not_an_exception()
    {
        var missing = ScenarioLoader.LoadFile(Path.Combine(Path.GetTempPath(), "no-such-bosporos-file.yaml"));
        Assert.Equal(DiagnosticCodes.FileUnreadable, Assert.Single(missing.Errors).Code);
        var folder = ScenarioLoader.LoadFile(Path.GetTempPath());
        Assert.Equal(DiagnosticCodes.FileUnreadable, Assert.Single(folder.Errors).Code);
    }

    [Fact]
    public void Text_with_a_lone_surrogate_is_refused()
    {
        var result = Fixture.Load("format: 1\nname: a\uD800b\n");
        var error = Fixture.SingleError(result, DiagnosticCodes.InvalidUtf8);
        Assert.Equal((2, 8), (error.Line, error.Column));
    }

    [Fact]
    public void Reports_every_problem_at_once()
    {
        var text = Fixture.Replace("strength: 3000,", "strength: -3000,")
            .Replace("law: mixed", "law: cubic", StringComparison.Ordinal)
            .Replace("landing-zone: camp", "landing-zone: beach", StringComparison.Ordinal)
            .Replace("start-day: 29", "start-day: 31", StringComparison.Ordinal);
        var codes = Fixture.Load(text).Errors.Select(e => e.Code).ToHashSet();
        Assert.Superset(new HashSet<string> { DiagnosticCodes.Negative, DiagnosticCodes.UnknownEnumValue, DiagnosticCodes.UnknownReference, DiagnosticCodes.BadDate }, codes);
    }

    [Fact]
    public void Diagnostics_come_sorted_by_place()
    {
        var text = Fixture.Replace("landing-zone: camp", "landing-zone: beach").Replace("strength: 3000,", "strength: -3000,", StringComparison.Ordinal);
        var errors = Fixture.Load(text).Errors.ToList();
        Assert.Equal(errors.OrderBy(e => e.Line).ThenBy(e => e.Column), errors);
    }

    [Theory]
    [InlineData("strenght: 3000,", "strength")]
    [InlineData("stregth: 3000,", "strength")]
    [InlineData("strength-men: 3000,", "strength")]
    public void Unknown_keys_get_a_did_you_mean_hint(string replacement, string suggestion)
    {
        var error = Fixture.SingleError(Fixture.Load(Fixture.Replace("strength: 3000,", replacement)), DiagnosticCodes.UnknownKey);
        Assert.Contains($"'{suggestion}'", error.Hint, StringComparison.Ordinal);
        Assert.StartsWith("Did you mean", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_enum_values_list_the_allowed_ones()
    {
        var error = Fixture.SingleError(Fixture.Load(Fixture.Replace("kind: land-wall", "kind: landwall")), DiagnosticCodes.UnknownEnumValue);
        Assert.Contains("'land-wall'", error.Hint, StringComparison.Ordinal);
        Assert.Contains("land-wall, sea-wall, city, camp, suburb, water, shore, hinterland", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Dangling_references_suggest_the_nearest_id()
    {
        var error = Fixture.SingleError(Fixture.Load(Fixture.Replace("persian-contingent: persians", "persian-contingent: persian")), DiagnosticCodes.UnknownReference);
        Assert.Equal("diplomacy.persian-contingent", error.Path);
        Assert.Equal("Did you mean 'persians'?", error.Hint);
    }

    [Fact]
    public void A_missing_key_names_the_key_and_its_description()
    {
        var error = Fixture.SingleError(Fixture.Load(Fixture.Replace("training: 0.8\n    ", string.Empty)), DiagnosticCodes.MissingKey);
        Assert.Equal("contingents.field-troops.training", error.Path);
        Assert.Contains("'training'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Drill and experience", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_decimals_suggests_the_rounded_value()
    {
        var error = Fixture.SingleError(Fixture.Load(Fixture.Replace("training: 0.8", "training: 0.12345")), DiagnosticCodes.TooManyDecimals);
        Assert.Contains("0.1235", error.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wall-fire-bonus: 1.5", "wall-fire-bonus: 99.5", true)]
    [InlineData("wall-fire-bonus: 1.5", "wall-fire-bonus: 100.01", false)]
    [InlineData("seize-ratio: 3", "seize-ratio: 40", true)]
    [InlineData("moat-cover: 0.8", "moat-cover: 1.2", false)]
    [InlineData("moat-cover: 0.8", "moat-cover: 1", true)]
    public void Ratios_follow_the_kernels_range_or_else_zero_to_one(string find, string replace, bool accepted)
    {
        var result = Fixture.Load(Fixture.Replace(find, replace));
        Assert.Equal(accepted, result.Succeeded);
        if (!accepted)
        {
            Fixture.SingleError(result, DiagnosticCodes.RatioOutOfRange);
        }
    }

    [Fact]
    public void Trailing_zeros_beyond_four_places_are_fine()
    {
        var result = Fixture.Load(Fixture.Replace("training: 0.8", "training: 0.800000"));
        Assert.True(result.Succeeded, Fixture.Describe(result));
        Assert.Equal(8000, result.Definition!.Contingents[0].Training.Raw);
    }

    [Fact]
    public void A_flood_of_errors_is_capped()
    {
        var text = new StringBuilder("format: 1\n");
        for (var i = 0; i < 2000; i++)
        {
            text.Append("unknown-").Append(i).Append(": 1\n");
        }

        var result = Fixture.Load(text.ToString());
        Assert.True(result.Diagnostics.Count <= LoaderLimits.Default.MaxDiagnostics + 1);
        Assert.Equal(DiagnosticCodes.TooManyDiagnostics, result.Diagnostics[^1].Code);
    }

    private static readonly string[] Snippets =
    [
        "[", "]", "{", "}", ",", ":", "- ", "\t", "&a ", "*a", "!!str ", "---\n", "\"", "'", "#", "\n", "  ", "? ", "|", ">",
        ".nan", "-1", "1e308", "0.123456", "yes", "~", "%YAML 1.2\n", "\\", "\u00e9", "\0", "zone: nowhere", "id: city",
    ];

    [Fact]
    public void Random_mutations_of_the_fixture_never_throw()
    {
        var text = Fixture.Text;
        var lines = text.Split('\n');
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, text.Length - 1], Gen.Int[0, 60], Gen.Int[0, Snippets.Length - 1])
            .Sample(
                t =>
                {
                    var (kind, at, length, snippet) = t;
                    var mutated = kind switch
                    {
                        0 => text.Remove(at, Math.Min(length, text.Length - at)),
                        1 => text.Insert(at, Snippets[snippet]),
                        2 => text.Remove(at, Math.Min(length % 8, text.Length - at)).Insert(at, Snippets[snippet]),
                        _ => string.Join('\n', lines.Select((l, i) => i == at % lines.Length ? lines[length % lines.Length] : l)),
                    };
                    var result = Fixture.Load(mutated);
                    Assert.All(result.Diagnostics, d =>
                    {
                        Assert.False(string.IsNullOrWhiteSpace(d.Message));
                        Assert.True(d.Line >= 1 || d.Code == DiagnosticCodes.TooManyDiagnostics, d.ToString());
                    });
                    Assert.Equal(result.Succeeded, !result.Errors.Any());
                },
                iter: 500);
    }
}

public class BooleanHintTests
{
    [Theory]
    [InlineData("moat: yes", "yes/no/on/off")]
    [InlineData("moat: True", "lower case")]
    [InlineData("moat: \"true\"", "without quotes")]
    [InlineData("moat: 1", "Write true or false.")]
    public void Booleans_get_a_hint_that_fits_the_mistake(string replace, string expected)
    {
        var error = Fixture.SingleError(Fixture.Load(Fixture.Replace("moat: true", replace)), Bosporos.Scenarios.Validation.DiagnosticCodes.NotABoolean);
        Assert.Contains(expected, error.Hint, StringComparison.Ordinal);
    }
}
