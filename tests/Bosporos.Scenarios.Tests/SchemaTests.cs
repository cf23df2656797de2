using NJsonSchema;

namespace Bosporos.Scenarios.Tests;

public class SchemaTests
{
    private static string SchemaPath => Path.Combine(Fixture.RepoRoot(), "scenarios", "schema", "scenario.schema.json");

    [Fact]
    public void The_committed_schema_matches_the_generated_one()
    {
        var generated = ScenarioSchema.Generate();
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(SchemaPath)!);
            var before = File.Exists(SchemaPath) ? File.ReadAllText(SchemaPath).ReplaceLineEndings("\n") : null;
            File.WriteAllText(SchemaPath, generated);
            Assert.True(before == generated, "scenarios/schema/scenario.schema.json was out of date and has been rewritten; review and commit it, then run the tests without UPDATE_SCHEMA.");
        }

        Assert.True(File.Exists(SchemaPath), $"{SchemaPath} is missing. Regenerate it with: UPDATE_SCHEMA=1 dotnet test tests/Bosporos.Scenarios.Tests --filter SchemaTests");
        var committed = File.ReadAllText(SchemaPath).ReplaceLineEndings("\n");
        Assert.True(
            committed == generated,
            "scenarios/schema/scenario.schema.json is out of date with the kernel records. Regenerate it with: "
            + "UPDATE_SCHEMA=1 dotnet test tests/Bosporos.Scenarios.Tests --filter SchemaTests, then commit it.");
    }

    [Fact]
    public async Task The_valid_fixture_validates_against_the_schema()
    {
        var schema = await JsonSchema.FromJsonAsync(ScenarioSchema.Generate());
        var errors = schema.Validate(JsonFromYaml.Convert(Fixture.Text));
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Kind} {e.Path}")));
    }

    [Theory]
    [InlineData("strength: 3000,", "strenght: 3000,", "NoAdditionalPropertiesAllowed")]
    [InlineData("strength: 3000,", "strength: -3000,", "NotOneOf")]
    [InlineData("kind: land-wall", "kind: landwall", "NotInEnumeration")]
    [InlineData("training: 0.8", "training: 1.5", "NotOneOf")]
    [InlineData("moat: true", "moat: 1", "BooleanExpected")]
    [InlineData("format: 1", "format: 2", "NotInEnumeration")]
    [InlineData("reliability: C", "reliability: X", "NotInEnumeration")]
    [InlineData("range: [10000, 15000]", "range: [1, 2, 3]", "TooManyItems")]
    public async Task Structurally_wrong_files_fail_both_schema_and_loader(string find, string replace, string kind)
    {
        var text = Fixture.Replace(find, replace);
        Assert.False(Fixture.Load(text).Succeeded);
        var schema = await JsonSchema.FromJsonAsync(ScenarioSchema.Generate());
        var errors = Flatten(schema.Validate(JsonFromYaml.Convert(text))).ToList();
        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.Kind.ToString() == kind || kind == "NotInEnumeration" && e.Kind.ToString() is "NotInEnumeration" or "NotEqual" or "ConstNotMatch" or "NotOneOf");
    }

    [Fact]
    public async Task Required_keys_are_required_in_the_schema_too()
    {
        var schema = await JsonSchema.FromJsonAsync(ScenarioSchema.Generate());
        var text = Fixture.Replace("training: 0.8\n    ", string.Empty);
        Assert.Contains(Flatten(schema.Validate(JsonFromYaml.Convert(text))), e => e.Kind == NJsonSchema.Validation.ValidationErrorKind.PropertyRequired);
    }

    [Fact]
    public void The_schema_uses_kebab_case_keys_descriptions_and_cited_numbers()
    {
        var text = ScenarioSchema.Generate();
        Assert.Contains("\"crew-per-hull\"", text, StringComparison.Ordinal);
        Assert.Contains("\"Men at arrival.\"", text, StringComparison.Ordinal);
        Assert.Contains("\"#/definitions/cited-number\"", text, StringComparison.Ordinal);
        Assert.Contains("\"dismounted-cavalry\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("CrewPerHull", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
    }

    private static IEnumerable<NJsonSchema.Validation.ValidationError> Flatten(IEnumerable<NJsonSchema.Validation.ValidationError> errors)
    {
        foreach (var error in errors)
        {
            yield return error;
            if (error is NJsonSchema.Validation.ChildSchemaValidationError child)
            {
                foreach (var inner in Flatten(child.Errors.SelectMany(e => e.Value)))
                {
                    yield return inner;
                }
            }
        }
    }
}
