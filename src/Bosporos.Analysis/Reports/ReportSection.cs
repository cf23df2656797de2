using Bosporos.Analysis.Plots;

namespace Bosporos.Analysis.Reports;

/// <summary>An extra part of a report, supplied by the experiment engine (sensitivity, divergence narratives, notes).</summary>
public abstract record ReportSection(string Title);

/// <summary>Paragraphs of plain text (HTML-escaped when written).</summary>
public sealed record TextSection(string Title, IReadOnlyList<string> Paragraphs) : ReportSection(Title);

/// <summary>A table of already formatted cells.</summary>
public sealed record TableSection(string Title, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, string? Caption = null)
    : ReportSection(Title);

/// <summary>A tornado chart of parameter effects (from the sensitivity analysis), drawn and tabulated.</summary>
public sealed record TornadoSection(string Title, IReadOnlyList<TornadoEffect> Bars, string EffectLabel = "change in share of runs where the city holds")
    : ReportSection(Title);

/// <summary>Where a variant's run first parted from the baseline run with the same seed, told as a short story.</summary>
public sealed record DivergenceNarrative(string Variant, long RunIndex, ulong Seed, string FirstDivergence, IReadOnlyList<string> Events);

/// <summary>First-divergence narratives, one per (variant, run) the engine chose to explain.</summary>
public sealed record NarrativeSection(string Title, IReadOnlyList<DivergenceNarrative> Narratives) : ReportSection(Title);

/// <summary>
/// Paragraphs, tables and charts drawn beforehand (the war report's parts), in that order; each chart is also saved
/// beside the page as PNG and SVG under its name, so chart names must differ within a report.
/// </summary>
public sealed record ChartSection(string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<TableSection> Tables, IReadOnlyList<ChartImage> Charts)
    : ReportSection(Title);

/// <summary>What a report shows before its sections.</summary>
public enum ReportBody
{
    /// <summary>The siege's outcome shares, durations and losses per variant (from the run table's siege columns).</summary>
    Siege,

    /// <summary>Nothing but the run set's identity: the sections carry the summaries (a war's report does).</summary>
    SectionsOnly,
}
