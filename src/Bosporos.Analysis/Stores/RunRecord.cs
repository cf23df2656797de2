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
        && ParametersEqual(Parameters, other.Parameters);

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
