using Bosporos.Scenarios.Validation;
using Bosporos.Scenarios.Yaml;

namespace Bosporos.Scenarios;

/// <summary>A shipped scenario: its id (file name without extension) and full path.</summary>
public sealed record CatalogEntry(string Id, string Name, string Path);

/// <summary>The shipped scenarios, found in the scenarios folder beside the program or above the working directory.</summary>
public static class ScenarioCatalog
{
    /// <summary>Environment variable naming the scenarios folder explicitly.</summary>
    public const string FolderVariable = "BOSPOROS_SCENARIOS";

    public static IReadOnlyList<CatalogEntry> List() => List(Folder());

    /// <summary>Resolves an id (never a path) to a shipped scenario, or null.</summary>
    public static CatalogEntry? Find(string id) => Find(id, Folder());

    /// <summary>
    /// The scenarios folder: $BOSPOROS_SCENARIOS, else a 'scenarios' folder beside the program, else the 'scenarios'
    /// folder of the first directory above the working directory that holds Bosporos.slnx. Null when none exists.
    /// </summary>
    public static string? Folder() =>
        ResolveFolder(Environment.GetEnvironmentVariable(FolderVariable), AppContext.BaseDirectory, Directory.GetCurrentDirectory());

    internal static string? ResolveFolder(string? variable, string baseDirectory, string currentDirectory)
    {
        if (!string.IsNullOrWhiteSpace(variable))
        {
            return Directory.Exists(variable) ? Path.GetFullPath(variable) : null;
        }

        var beside = Path.Combine(baseDirectory, "scenarios");
        if (Directory.Exists(beside))
        {
            return Path.GetFullPath(beside);
        }

        for (var dir = new DirectoryInfo(currentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bosporos.slnx")))
            {
                var folder = Path.Combine(dir.FullName, "scenarios");
                return Directory.Exists(folder) ? folder : null;
            }
        }

        return null;
    }

    internal static IReadOnlyList<CatalogEntry> List(string? folder)
    {
        if (folder is null || !Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder, "*.yaml", SearchOption.TopDirectoryOnly)
            .Select(path => Find(System.IO.Path.GetFileNameWithoutExtension(path), folder))
            .OfType<CatalogEntry>()
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
    }

    internal static CatalogEntry? Find(string? id, string? folder)
    {
        if (id is null || folder is null || !SemanticValidator.ScenarioIdPattern().IsMatch(id))
        {
            return null;
        }

        var root = System.IO.Path.GetFullPath(folder);
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, id + ".yaml"));
        var prefix = root.EndsWith(System.IO.Path.DirectorySeparatorChar) ? root : root + System.IO.Path.DirectorySeparatorChar;
        if (!path.StartsWith(prefix, StringComparison.Ordinal) || !File.Exists(path))
        {
            return null;
        }

        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            return null; // symbolic links could lead outside the folder
        }

        return new CatalogEntry(id, ReadName(path) ?? id, path);
    }

    /// <summary>The scenario's 'name', read without binding; null when the file cannot be read.</summary>
    private static string? ReadName(string path)
    {
        try
        {
            var limits = LoaderLimits.Default;
            var bag = new DiagnosticBag(path, 10);
            var text = TextGate.Decode(BoundedFile.Read(path, limits.MaxFileBytes), limits, bag);
            var tree = text is null ? null : YamlTreeReader.ReadDocument(text, limits, bag);
            return (tree as YMapping)?.Find("name")?.Value is YScalar { IsNull: false } name ? name.Value : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
