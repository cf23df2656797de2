using Bosporos.Scenarios;

namespace Bosporos.Analysis.Experiments;

public enum ExperimentMode
{
    /// <summary>Baseline and variants run with the same seeds (common random numbers), compared pair by pair.</summary>
    Paired,

    /// <summary>Latin hypercube draws of the ranged numbers, each run with several seeds: inputs vs chance.</summary>
    Uncertainty,

    /// <summary>Morris elementary effects: a cheap screening of which numbers matter.</summary>
    Morris,

    /// <summary>Sobol first-order and total indices (Saltelli sampling).</summary>
    Sobol,
}

/// <summary>One variant: a name and the overrides (path → value) that make it, from a named reading and/or its own map.</summary>
public sealed record VariantDefinition(string Name, string? Description, string? Reading, IReadOnlyList<ScenarioOverride> Overrides, int Line, int Column);

/// <summary>A number to sample: its scenario path, and optionally a range and integer flag replacing the scenario's own.</summary>
public sealed record ParameterSpec(string Path, decimal? Low, decimal? High, bool? Integer, int Line, int Column);

/// <summary>An output the file names, where it names it (checked against the scenario's kind when the plan is built).</summary>
public sealed record OutputSpec(string Name, int Line, int Column);

/// <summary>What to keep beyond the summary rows: how many paired runs to replay for the first-divergence report.</summary>
public sealed record RecordOptions(int DivergencePairs, int AgreeingPairs);

public sealed record UncertaintySettings(int Draws, int SeedsPerDraw);

public sealed record MorrisSettings(int Trajectories, int Levels, int SeedsPerPoint);

public sealed record SobolSettings(int BaseSamples, int SeedsPerPoint, int BootstrapReplicates);

/// <summary>
/// A branch experiment's starting point: a replay file (path relative to the experiment file, or absolute), the moment
/// to branch at as the chronicle dates it ("626-08-03T06:00"), and optionally the SHA-256 of the replay's bytes (checked
/// when given, so a store is never resumed from another replay).
/// </summary>
public sealed record BranchSpec(string Replay, string At, string? ReplayHash, int Line, int Column);

/// <summary>A parsed, structurally valid experiment file. Paths are checked against the scenario when it is loaded.</summary>
public sealed record ExperimentDefinition(
    string Id,
    string? Name,
    string File,
    string Text,
    string Scenario,
    int ScenarioLine,
    int ScenarioColumn,
    ulong MasterSeed,
    long? Runs,
    ExperimentMode Mode,
    IReadOnlyList<ScenarioOverride> Baseline,
    IReadOnlyDictionary<string, IReadOnlyList<ScenarioOverride>> Readings,
    IReadOnlyList<VariantDefinition> Variants,
    RecordOptions Record,
    double? UntilCi,
    int Batch,
    UncertaintySettings Uncertainty,
    MorrisSettings Morris,
    SobolSettings Sobol,
    IReadOnlyList<ParameterSpec>? Parameters,
    IReadOnlyList<string> Outputs)
{
    public const string BaselineName = "baseline";

    /// <summary>Variant names in run order: baseline first.</summary>
    public IReadOnlyList<string> VariantNames => [BaselineName, .. Variants.Select(v => v.Name)];

    public string ModeName => Mode.ToString().ToLowerInvariant();

    /// <summary>
    /// The outputs as the file lists them, with their places; null when the file has no 'outputs', so that the
    /// scenario's own defaults are used (<see cref="Outputs"/> then holds the siege's until the plan is built).
    /// </summary>
    public IReadOnlyList<OutputSpec>? OutputSpecs { get; init; }

    /// <summary>Set for a branch experiment: every arm continues the replay from this moment (paired mode only).</summary>
    public BranchSpec? Branch { get; init; }
}
