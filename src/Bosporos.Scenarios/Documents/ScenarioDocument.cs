namespace Bosporos.Scenarios.Documents;

public enum Reliability
{
    Unstated,
    Read,
    Standard,
    Contested,
}

/// <summary>A number in a scenario with its citation: its path (e.g. contingents.field-troops.strength), value, source, reliability and range.</summary>
public sealed record CitedNumber(
    string Path,
    decimal Value,
    string? Source,
    Reliability Reliability,
    decimal? RangeLow,
    decimal? RangeHigh,
    string? Note,
    int Line,
    int Column)
{
    /// <summary>True when a <c>--set</c> override replaced the value written in the file (the citation is kept).</summary>
    public bool Overridden { get; init; }

    /// <summary>The value as written in the file before an override replaced it (null when not overridden or not in the file).</summary>
    public string? OriginalText { get; init; }
}

/// <summary>The scenario as written: its identity and every number with its citation, in file order.</summary>
public sealed record ScenarioDocument(
    string Id,
    string Name,
    string File,
    int Format,
    IReadOnlyList<CitedNumber> Numbers);
