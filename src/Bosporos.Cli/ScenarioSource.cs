using Bosporos.Scenarios;

namespace Bosporos.Cli;

/// <summary>A scenario named on the command line, resolved: how to refer to it again (replays) and what loading gave.</summary>
internal sealed record LoadedScenario(string Reference, string Label, LoadResult Result);

/// <summary>Finds and loads scenarios given as a file path or a shipped id. Tests replace it with scenarios built in code.</summary>
internal class ScenarioSource
{
    public virtual IReadOnlyList<CatalogEntry> List() => ScenarioCatalog.List();

    /// <summary>Loads a file path or shipped id, or returns null when it names neither.</summary>
    public virtual LoadedScenario? Load(string scenario, IReadOnlyList<ScenarioOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (File.Exists(scenario))
        {
            var full = Path.GetFullPath(scenario);
            return new LoadedScenario(full, scenario, ScenarioLoader.LoadFile(full, overrides));
        }

        if (LooksLikeId(scenario) && ScenarioCatalog.Find(scenario) is { } entry)
        {
            return new LoadedScenario(entry.Id, entry.Id, ScenarioLoader.LoadFile(entry.Path, overrides));
        }

        return null;
    }

    /// <summary>
    /// The file a SCENARIO argument names when it is a war scenario (<c>kind: war</c>), else null: the commands that
    /// run both kinds route on it and leave sieges to <see cref="Load"/>.
    /// </summary>
    public virtual string? WarPath(string scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var path = File.Exists(scenario) ? Path.GetFullPath(scenario)
            : LooksLikeId(scenario) && ScenarioCatalog.Find(scenario) is { } entry ? entry.Path
            : null;
        return path is not null && Scenarios.War.WarScenarioLoader.IsWarFile(path) ? path : null;
    }

    public static bool LooksLikeId(string s) =>
        s.Length is > 0 and <= 64 &&
        (char.IsAsciiLetterLower(s[0]) || char.IsAsciiDigit(s[0])) &&
        s.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
