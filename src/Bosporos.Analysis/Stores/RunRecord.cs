namespace Bosporos.Analysis.Stores;

/// <summary>
/// One finished run of one variant: a tidy row. The snake_case forms of these names (see <see cref="RunColumns"/>)
/// are the stable column names of the stores and of every export.
/// </summary>
public sealed record RunRecord(
    string Variant,
    long RunIndex,
    ulong Seed,
    string Outcome,
    string Cause,
    int EndHour,
    int CloseSiegeDays,
    int PersiansFerried,
    int AssaultAttackerLosses,
    int AssaultDefenderLosses,
    int CanoesLaunched,
    int CanoesLost,
    int EnginesLost,
    int TowersBurned,
    int RomanLosses,
    int HostLosses,
    int PersianLosses,
    int MinWallIntegrityPermille,
    bool EnvoysCaught,
    bool SignalLearned,
    ulong StateHash,
    IReadOnlyDictionary<string, decimal> Parameters)
{
    /// <summary>
    /// How the stores tell a measure from a parameter draw in their parameter table: no scenario path holds a ':'.
    /// </summary>
    public const string MeasurePrefix = "measure:";

    private static readonly IReadOnlyDictionary<string, long> NoMeasures = new Dictionary<string, long>();

    /// <summary>
    /// What a model measures beyond the fixed columns (the war's capital, battles, treaty and losses), by kebab-case
    /// name; empty for a siege run. Stored with the parameter draws under <see cref="MeasurePrefix"/>, exported as
    /// columns of their own and part of the digest.
    /// </summary>
    public IReadOnlyDictionary<string, long> Measures { get; init; } = NoMeasures;

    /// <summary>The parameter draws and the measures as the stores keep them: one path-to-value table.</summary>
    public IEnumerable<KeyValuePair<string, decimal>> StoredParameters =>
        Measures.Count == 0 ? Parameters : Parameters.Concat(Measures.Select(m => KeyValuePair.Create(MeasurePrefix + m.Key, (decimal)m.Value)));

    /// <summary>Splits a parameter table read back from a store into the draws and the measures.</summary>
    public static (IReadOnlyDictionary<string, decimal> Draws, IReadOnlyDictionary<string, long> Measures) SplitStored(IReadOnlyDictionary<string, decimal> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!stored.Keys.Any(k => k.StartsWith(MeasurePrefix, StringComparison.Ordinal)))
        {
            return (stored, NoMeasures);
        }

        var draws = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var measures = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, value) in stored)
        {
            if (key.StartsWith(MeasurePrefix, StringComparison.Ordinal))
            {
                measures[key[MeasurePrefix.Length..]] = (long)value;
            }
            else
            {
                draws[key] = value;
            }
        }

        return (draws, measures);
    }

    /// <summary>Value equality including the parameter draws (the generated record equality compares the dictionary by reference).</summary>
    public bool Equals(RunRecord? other) =>
        other is not null
        && Variant == other.Variant && RunIndex == other.RunIndex && Seed == other.Seed
        && Outcome == other.Outcome && Cause == other.Cause && EndHour == other.EndHour
        && CloseSiegeDays == other.CloseSiegeDays && PersiansFerried == other.PersiansFerried
        && AssaultAttackerLosses == other.AssaultAttackerLosses && AssaultDefenderLosses == other.AssaultDefenderLosses
        && CanoesLaunched == other.CanoesLaunched && CanoesLost == other.CanoesLost
        && EnginesLost == other.EnginesLost && TowersBurned == other.TowersBurned
        && RomanLosses == other.RomanLosses && HostLosses == other.HostLosses && PersianLosses == other.PersianLosses
        && MinWallIntegrityPermille == other.MinWallIntegrityPermille
        && EnvoysCaught == other.EnvoysCaught && SignalLearned == other.SignalLearned
        && StateHash == other.StateHash
        && ParametersEqual(Parameters, other.Parameters)
        && Measures.Count == other.Measures.Count && Measures.All(m => other.Measures.TryGetValue(m.Key, out var o) && o == m.Value);

    public override int GetHashCode() => HashCode.Combine(Variant, RunIndex, Seed, StateHash);

    private static bool ParametersEqual(IReadOnlyDictionary<string, decimal> a, IReadOnlyDictionary<string, decimal> b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }
        if (a.Count != b.Count)
        {
            return false;
        }
        foreach (var (key, value) in a)
        {
            if (!b.TryGetValue(key, out var other) || other != value)
            {
                return false;
            }
        }
        return true;
    }
}
