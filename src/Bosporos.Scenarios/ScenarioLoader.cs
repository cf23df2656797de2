using Bosporos.Kernel;
using Bosporos.Scenarios.Documents;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Scenarios;

/// <summary>A value given on the command line as <c>--set path=value</c>.</summary>
public sealed record ScenarioOverride(string Path, string Value);

/// <summary>What loading a scenario gave: a definition (when there are no errors) and every diagnostic at once.</summary>
public sealed record LoadResult(
    SiegeDefinition? Definition,
    ScenarioDocument? Document,
    IReadOnlyList<Diagnostic> Diagnostics,
    string ScenarioHash)
{
    public bool Succeeded => Definition is not null && !Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>Reads scenario files (YAML or JSON) into validated definitions. Never throws on bad input.</summary>
public static class ScenarioLoader
{
    /// <summary>Loads a file from disk, applying overrides after parsing and before validation.</summary>
    public static LoadResult LoadFile(string path, IReadOnlyList<ScenarioOverride>? overrides = null) =>
        throw new NotImplementedException("Scenario loader not written yet.");

    /// <summary>Loads scenario text; <paramref name="fileName"/> is used in diagnostics.</summary>
    public static LoadResult LoadText(string text, string fileName, IReadOnlyList<ScenarioOverride>? overrides = null) =>
        throw new NotImplementedException("Scenario loader not written yet.");
}
