using Bosporos.Scenarios;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Cli.Commands;

/// <summary>Loading a scenario for a command: diagnostics go to stderr; failures become exit code 1.</summary>
internal static class Loading
{
    public static void Print(TextWriter writer, Diagnostic d)
    {
        writer.WriteLine(d with { Hint = null });
        if (!string.IsNullOrWhiteSpace(d.Hint))
        {
            writer.WriteLine($"    hint: {d.Hint}");
        }
    }

    public static string CountLine(string label, IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count - errors;
        return $"{label}: {errors} error{(errors == 1 ? string.Empty : "s")}, {warnings} warning{(warnings == 1 ? string.Empty : "s")}";
    }

    /// <summary>Says why a SCENARIO argument names nothing: a folder, a missing file, or an id with the nearest shipped ids.</summary>
    public static void NotFound(CliEnvironment env, string scenario)
    {
        if (Directory.Exists(scenario))
        {
            env.Error.WriteLine($"error: '{scenario}' is a directory, not a scenario file.");
            env.Error.WriteLine("    hint: Give the path of a scenario's .yaml file, or a shipped id ('bosporos scenarios' lists them).");
            return;
        }

        env.Error.WriteLine($"error: '{scenario}' is neither a scenario file nor a shipped scenario id.");
        IReadOnlyList<string> ids;
        try
        {
            ids = env.Scenarios.List().Select(e => e.Id).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotImplementedException)
        {
            ids = [];
        }

        var close = Suggestions.Closest(scenario, ids);
        env.Error.WriteLine(close.Count > 0
            ? $"    hint: Did you mean {string.Join(" or ", close.Select(c => $"'{c}'"))}? ('bosporos scenarios' lists the shipped ids.)"
            : "    hint: 'bosporos scenarios' lists the shipped ids; a file path must exist.");
    }

    /// <summary>Loads the scenario; on failure prints why to stderr and returns null.</summary>
    public static LoadedScenario? Load(CliEnvironment env, string scenario, IReadOnlyList<ScenarioOverride> overrides)
    {
        var loaded = env.Scenarios.Load(scenario, overrides);
        if (loaded is null)
        {
            NotFound(env, scenario);
            return null;
        }

        // Errors, and warnings about the --set values just given, are printed in full; other warnings (uncited
        // numbers, mostly) are only counted: 'validate' lists them.
        // When the load failed, only the errors: a warning beside them (a counterfactual value) is noise.
        var overridden = overrides.Select(o => o.Path).ToHashSet(StringComparer.Ordinal);
        var failed = !loaded.Result.Succeeded;
        bool Shown(Diagnostic d) => d.Severity == Severity.Error || (!failed && overridden.Contains(d.Path));
        foreach (var d in loaded.Result.Diagnostics.Where(Shown))
        {
            Print(env.Error, d);
        }

        if (!loaded.Result.Succeeded)
        {
            env.Error.WriteLine(CountLine(loaded.Label, loaded.Result.Diagnostics));
            return null;
        }

        var warnings = loaded.Result.Diagnostics.Count(d => !Shown(d));
        if (warnings > 0)
        {
            var other = warnings < loaded.Result.Diagnostics.Count ? "other " : string.Empty;
            env.Error.WriteLine($"{loaded.Label}: {warnings} {other}warning{(warnings == 1 ? string.Empty : "s")} (run 'bosporos validate {scenario}' to list them)");
        }

        return loaded;
    }
}
