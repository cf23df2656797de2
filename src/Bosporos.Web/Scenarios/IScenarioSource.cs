using System.Text.RegularExpressions;
using Bosporos.Scenarios;

namespace Bosporos.Web.Scenarios;

/// <summary>Where the site finds scenarios: by id only, never by a path from the request.</summary>
public interface IScenarioSource
{
    IReadOnlyList<ScenarioSummaryDto> List();

    /// <summary>Loads the scenario with this id and overrides, or returns null when no such scenario exists.</summary>
    LoadResult? Load(string id, IReadOnlyList<ScenarioOverride> overrides);
}

public sealed record ScenarioSummaryDto(string Id, string Name);

/// <summary>The siege scenarios shipped in the scenarios folder, through <see cref="ScenarioCatalog"/> (war scenarios are listed by /api/wars).</summary>
internal sealed class CatalogScenarioSource : IScenarioSource
{
    public IReadOnlyList<ScenarioSummaryDto> List() =>
        ScenarioCatalog.List().Where(e => !Bosporos.Scenarios.War.WarScenarioLoader.IsWarFile(e.Path)).Select(e => new ScenarioSummaryDto(e.Id, e.Name)).ToArray();

    public LoadResult? Load(string id, IReadOnlyList<ScenarioOverride> overrides)
    {
        var entry = ScenarioCatalog.Find(id);
        return entry is null ? null : ScenarioLoader.LoadFile(entry.Path, overrides);
    }
}

/// <summary>The one shape a scenario id may have; anything else is refused before the catalog is asked.</summary>
public static partial class ScenarioIds
{
    // \z, not $: in .NET "$" also matches before a final newline.
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}\\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Pattern();

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);
}
