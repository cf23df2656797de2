using System.Text.Json;

namespace Bosporos.Web.Experiments;

public sealed record VariantRequest
{
    public string? Name { get; init; }

    public Dictionary<string, JsonElement>? Overrides { get; init; }
}

public sealed record ExperimentRequest
{
    public string? Scenario { get; init; }

    /// <summary>Runs per variant.</summary>
    public int Runs { get; init; } = 1000;

    public ulong Seed { get; init; } = 1;

    public List<VariantRequest>? Variants { get; init; }
}

public sealed record ExperimentStartedDto(string Id, int Total, string Progress, string Results, string Csv);

public sealed record ProgressDto(string Id, string State, int Completed, int Total, double Percent, string? Error);

public sealed record OutcomeShareDto(string Outcome, int Count, double Share, double Low, double High);

public sealed record HistogramBinDto(int Days, int Count);

public sealed record DurationDto(double Mean, int P5, int Median, int P95, int Min, int Max, IReadOnlyList<HistogramBinDto> Histogram);

/// <summary>An overridden figure whose value lies outside the range its source gives: what makes a variant a counterfactual.</summary>
public sealed record OutOfRangeDto(string Path, decimal Value, decimal? Low, decimal? High, string? Source);

/// <param name="Counterfactual">True when at least one override lies outside its figure's cited range (listed in <paramref name="OutsideCitedRange"/>).</param>
public sealed record VariantResultDto(
    string Name,
    IReadOnlyDictionary<string, string> Overrides,
    int Runs,
    IReadOnlyList<OutcomeShareDto> Outcomes,
    DurationDto CloseSiegeDays,
    DurationDto EndDay,
    bool Counterfactual,
    IReadOnlyList<OutOfRangeDto> OutsideCitedRange);

public sealed record ExperimentResultDto(
    string Id,
    string Scenario,
    ulong Seed,
    int RunsPerVariant,
    string State,
    int Completed,
    int Total,
    IReadOnlyList<VariantResultDto> Variants,
    IReadOnlyList<string> Formats,
    string Origin,
    string Mode,
    string? Store,
    string? Note,
    string? Report)
{
    /// <summary>A branch experiment's starting point and end dates (null for other experiments).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Analysis.Branching.BranchReport? Branch { get; init; }
}

/// <summary>One line of the experiment list: started from the page (kept in a store when the site has a results folder) or read from a store.</summary>
public sealed record ExperimentListItemDto(
    string Id,
    string Scenario,
    string State,
    string Origin,
    string Mode,
    string? Store,
    long RunsPerVariant,
    IReadOnlyList<string> Variants,
    DateTimeOffset Created,
    string Results);

/// <summary>
/// POST /api/experiments/branch: the run of (scenario, seed, overrides), as the replay page plays it, continued from
/// one hour by the baseline and each variant with the same sample keys. <see cref="Hour"/> is the run hour at which
/// the arms start (the page sends the hour after the one it shows); or give <see cref="At"/> as the chronicle dates it.
/// </summary>
public sealed record BranchExperimentRequest
{
    public string? Scenario { get; init; }

    public ulong Seed { get; init; } = 626;

    public Dictionary<string, JsonElement>? Overrides { get; init; }

    public int? Hour { get; init; }

    public string? At { get; init; }

    /// <summary>Runs per arm (the baseline is an arm).</summary>
    public int Runs { get; init; } = 500;

    public List<VariantRequest>? Variants { get; init; }
}
