using Bosporos.Analysis.Tests.Runs;
using Bosporos.Kernel;
using Bosporos.Scenarios;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Cli.Tests;

/// <summary>Scenarios built in code: "test-siege" loads, "broken" has an error, "warned" has a warning, "crash" throws.</summary>
internal sealed class TestScenarios : ScenarioSource
{
    public string Hash { get; set; } = "sha256:test-siege-1";

    public SiegeDefinition Definition { get; set; } = TestSieges.Small();

    public override IReadOnlyList<CatalogEntry> List() => [new("test-siege", "A test siege", "/scenarios/test-siege.yaml")];

    public override LoadedScenario? Load(string scenario, IReadOnlyList<ScenarioOverride> overrides)
    {
        var bad = overrides.Where(o => o.Path.StartsWith("nowhere", StringComparison.Ordinal))
            .Select(o => new Diagnostic(Severity.Error, "BOS2001", "--set", 0, 0, o.Path, $"No value at '{o.Path}'.", "Paths are written like combat.defender-lethality."))
            .ToList();
        return scenario switch
        {
            "test-siege" => new(scenario, scenario, new LoadResult(bad.Count == 0 ? Definition : null, null, bad, Hash)),
            "broken" => new(scenario, "broken.yaml", new LoadResult(null, null,
                [new Diagnostic(Severity.Error, "BOS1001", "broken.yaml", 3, 7, "contingents.0.strength", "Strength must be positive.", "Write a whole number of men.")], "sha256:broken")),
            "warned" => new(scenario, "warned.yaml", new LoadResult(Definition, null,
                [new Diagnostic(Severity.Warning, "BOS3001", "warned.yaml", 9, 3, "contingents.avars.strength", "Strength has no source.", "Cite one.")], "sha256:warned")),
            "crash" => throw new InvalidOperationException("the loader fell over"),
            _ => null,
        };
    }
}

internal sealed record CliResult(int Code, string Out, string Error);

internal static class Cli
{
    public static CliResult Invoke(params string[] args) => Invoke(new TestScenarios(), default, args);

    public static CliResult Invoke(TestScenarios scenarios, CancellationToken token, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var env = new CliEnvironment(stdout, stderr) { Scenarios = scenarios, Cancellation = token, ProgressInterval = 0 };
        var code = CliApp.Run(args, env);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "bosporos-cli-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
