namespace Bosporos.Scenarios;

/// <summary>A shipped scenario: its id (file name without extension) and full path.</summary>
public sealed record CatalogEntry(string Id, string Name, string Path);

/// <summary>The shipped scenarios, found in the scenarios folder beside the program or above the working directory.</summary>
public static class ScenarioCatalog
{
    public static IReadOnlyList<CatalogEntry> List() => throw new NotImplementedException();

    /// <summary>Resolves an id (never a path) to a shipped scenario, or null.</summary>
    public static CatalogEntry? Find(string id) => throw new NotImplementedException();
}
