using Bosporos.Kernel;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Scenarios.Tests;

public class ShippedScenarioTests
{
    /// <summary>
    /// Problems in scenarios/constantinople-626.yaml that the scenario itself must fix (the loader is right to
    /// refuse them), as (path, code). Remove an entry once the scenario is fixed; a test fails while a listed
    /// problem is gone, so the list cannot go stale.
    /// </summary>
    private static readonly (string Path, string Code)[] KnownScenarioProblems =
    [
        // 0.00012 is not a Ratio: ratios are kept to 4 decimal places (raw 1.2 of 10,000).
        ("siegecraft.stone-damage-per-engine-hour", DiagnosticCodes.TooManyDecimals),
    ];

    private static string ScenarioPath => Path.Combine(Fixture.RepoRoot(), "scenarios", "constantinople-626.yaml");

    private static readonly Lazy<LoadResult> Loaded = new(() => ScenarioLoader.LoadFile(ScenarioPath));

    [Fact]
    public void Constantinople_626_loads_with_no_errors_and_no_warnings()
    {
        var unexpected = Loaded.Value.Diagnostics.Where(d => !KnownScenarioProblems.Contains((d.Path, d.Code))).ToList();
        Assert.True(unexpected.Count == 0, string.Join(Environment.NewLine, unexpected.Select(d => d.ToString())));
        if (KnownScenarioProblems.Length == 0)
        {
            Assert.True(Loaded.Value.Succeeded);
            Assert.Equal("constantinople-626", Loaded.Value.Definition!.Id);
        }

        Assert.Equal("constantinople-626", Loaded.Value.Document!.Id);
    }

    [Fact]
    public void Known_scenario_problems_are_still_present()
    {
        foreach (var (path, code) in KnownScenarioProblems)
        {
            Assert.True(
                Loaded.Value.Diagnostics.Any(d => d.Path == path && d.Code == code),
                $"{code} at {path} is gone from the scenario: remove it from {nameof(KnownScenarioProblems)}.");
        }
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
        var fixes = KnownScenarioProblems.Select(p => new ScenarioOverride(p.Path, "0.0001")).ToArray();
        var result = ScenarioLoader.LoadFile(ScenarioPath, fixes);
        Assert.True(result.Succeeded, Fixture.Describe(result));
        var summary = Simulation.Create(result.Definition!, 626).RunToEnd();
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
