namespace Bosporos.Analysis.Stores;

/// <summary>What a store holds: enough to refuse mixing results and to regenerate every run.</summary>
public sealed record ExperimentManifest(
    string ExperimentId,
    string EngineVersion,
    string ScenarioId,
    string ScenarioHash,
    string ExperimentHash,
    string ExperimentText,
    ulong MasterSeed,
    long RunCount,
    IReadOnlyList<string> Variants,
    string Mode,
    long ShardIndex,
    long ShardCount,
    long FirstRun,
    long EndRun,
    string Machine,
    DateTimeOffset CreatedUtc)
{
    /// <summary>Number of rows a complete store holds: every variant for every run index of the range.</summary>
    public long ExpectedRows => (EndRun - FirstRun) * Variants.Count;

    public bool Equals(ExperimentManifest? other) =>
        other is not null
        && ExperimentId == other.ExperimentId && EngineVersion == other.EngineVersion
        && ScenarioId == other.ScenarioId && ScenarioHash == other.ScenarioHash
        && ExperimentHash == other.ExperimentHash && ExperimentText == other.ExperimentText
        && MasterSeed == other.MasterSeed && RunCount == other.RunCount
        && Variants.SequenceEqual(other.Variants) && Mode == other.Mode
        && ShardIndex == other.ShardIndex && ShardCount == other.ShardCount
        && FirstRun == other.FirstRun && EndRun == other.EndRun
        && Machine == other.Machine && CreatedUtc == other.CreatedUtc;

    public override int GetHashCode() => HashCode.Combine(ExperimentId, ExperimentHash, ShardIndex, FirstRun, EndRun);

    /// <summary>Checks the fields every store relies on; returns the problems found (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ExperimentId))
        {
            problems.Add("experiment id is empty");
        }
        if (string.IsNullOrWhiteSpace(EngineVersion))
        {
            problems.Add("engine version is empty");
        }
        if (string.IsNullOrWhiteSpace(ScenarioHash))
        {
            problems.Add("scenario hash is empty");
        }
        if (string.IsNullOrWhiteSpace(ExperimentHash))
        {
            problems.Add("experiment hash is empty");
        }
        if (RunCount < 0)
        {
            problems.Add($"run count {RunCount} is negative");
        }
        if (Variants.Count == 0)
        {
            problems.Add("no variants (expected at least \"baseline\")");
        }
        if (Variants.Distinct(StringComparer.Ordinal).Count() != Variants.Count)
        {
            problems.Add("variant names repeat");
        }
        if (Variants.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("a variant name is empty");
        }
        if (ShardCount < 1 || ShardIndex < 0 || ShardIndex >= ShardCount)
        {
            problems.Add($"shard {ShardIndex}/{ShardCount} is not a valid k/N (0 <= k < N)");
        }
        if (FirstRun < 0 || EndRun < FirstRun || EndRun > RunCount)
        {
            problems.Add($"run range [{FirstRun}, {EndRun}) does not lie inside [0, {RunCount})");
        }
        return problems;
    }
}
