namespace Bosporos.Scenarios;

/// <summary>
/// Resource limits applied to a scenario before and while it is parsed. They keep hostile input (huge files,
/// alias bombs, deep nesting) from costing more than a few milliseconds.
/// </summary>
public sealed record LoaderLimits
{
    public static LoaderLimits Default { get; } = new();

    /// <summary>Largest accepted file, in bytes (1 MiB).</summary>
    public long MaxFileBytes { get; init; } = 1024 * 1024;

    /// <summary>Deepest accepted nesting of mappings and lists.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most nodes (scalars, mappings, lists) in one file.</summary>
    public int MaxNodes { get; init; } = 100_000;

    /// <summary>Longest accepted scalar, in characters (64 KiB).</summary>
    public int MaxScalarChars { get; init; } = 64 * 1024;

    /// <summary>Diagnostics kept before the rest are summarised in one line.</summary>
    public int MaxDiagnostics { get; init; } = 500;
}
