using Bosporos.Kernel;

namespace Bosporos.Scenarios.Tests;

public class ShippedScenarioTests
{
    private static string ScenarioPath => Path.Combine(Fixture.RepoRoot(), "scenarios", "constantinople-626.yaml");

    private static readonly Lazy<LoadResult> Loaded = new(() => ScenarioLoader.LoadFile(ScenarioPath));

    [Fact]
    public void Constantinople_626_loads_with_no_errors_and_no_warnings()
    {
        Assert.True(Loaded.Value.Diagnostics.Count == 0, string.Join(Environment.NewLine, Loaded.Value.Diagnostics.Select(d => d.ToString())));
        Assert.True(Loaded.Value.Succeeded);
        Assert.Equal("constantinople-626", Loaded.Value.Definition!.Id);
        Assert.Equal("constantinople-626", Loaded.Value.Document!.Id);
    }

    [Fact]
    public void Every_number_of_the_shipped_scenario_outside_the_plan_schedule_has_a_source()
    {
        var numbers = Loaded.Value.Document!.Numbers;
        Assert.True(numbers.Count > 200, $"only {numbers.Count} numbers");
        Assert.All(
            numbers.Where(n => !n.Path.StartsWith("command.khagan.", StringComparison.Ordinal)),
            n => Assert.False(string.IsNullOrWhiteSpace(n.Source), n.Path));
    }

    [Fact]
    public void Constantinople_626_runs_in_the_kernel()
    {
        var summary = Simulation.Create(Loaded.Value.Definition!, 626).RunToEnd();
        Assert.True(summary.End.Hours > 0);
    }

    [Fact]
    public void Constantinople_626_is_in_the_catalog()
    {
        var folder = Path.Combine(Fixture.RepoRoot(), "scenarios");
        var entry = ScenarioCatalog.Find("constantinople-626", folder);
        Assert.NotNull(entry);
        Assert.Equal("The Avar–Persian siege of Constantinople, 626", entry.Name);
        Assert.Contains(ScenarioCatalog.List(folder), e => e.Id == "constantinople-626");
    }

    [Fact]
    public async Task Constantinople_626_validates_against_the_schema()
    {
        var schema = await NJsonSchema.JsonSchema.FromJsonAsync(ScenarioSchema.Generate());
        var errors = schema.Validate(JsonFromYaml.Convert(File.ReadAllText(ScenarioPath)));
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Kind} {e.Path}")));
    }
}
