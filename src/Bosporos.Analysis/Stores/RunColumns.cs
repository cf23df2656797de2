using System.Globalization;

namespace Bosporos.Analysis.Stores;

/// <summary>The kind of value a run column holds.</summary>
public enum RunColumnKind
{
    Text,
    Int32,
    Int64,
    UInt64,
    Boolean,
}

/// <summary>One column of the tidy run table: its stable name (snake_case, units in the name) and kind.</summary>
public sealed record RunColumn(string Name, RunColumnKind Kind, string Description);

/// <summary>
/// The run table's columns, in order. Stores, exports and the digest all use this list, so a column is named once.
/// Parameter draws follow as extra columns named <c>param_</c> + the scenario path, and a war run's measures as
/// columns named <c>war_</c> + the measure (see <see cref="RunRecord.Measures"/>).
/// </summary>
public static class RunColumns
{
    public const string ParameterPrefix = "param_";

    public static IReadOnlyList<RunColumn> All { get; } =
    [
        new("variant", RunColumnKind.Text, "baseline or the variant's name"),
        new("run_index", RunColumnKind.Int64, "run k within the experiment, 0-based"),
        new("seed", RunColumnKind.UInt64, "SplitMix64.Derive(master seed, run index); shared by all variants"),
        new("outcome", RunColumnKind.Text, "lifted | fallen | negotiated | undecided"),
        new("cause", RunColumnKind.Text, "why the run ended (kebab-case)"),
        new("end_hour", RunColumnKind.Int32, "hours after the start when the run ended"),
        new("close_siege_days", RunColumnKind.Int32, "days of close siege"),
        new("persians_ferried", RunColumnKind.Int32, "Persian soldiers ferried across the Bosphorus"),
        new("assault_attacker_losses", RunColumnKind.Int32, "attackers lost in assaults (men)"),
        new("assault_defender_losses", RunColumnKind.Int32, "defenders lost in assaults (men)"),
        new("canoes_launched", RunColumnKind.Int32, "monoxyla launched"),
        new("canoes_lost", RunColumnKind.Int32, "monoxyla lost"),
        new("engines_lost", RunColumnKind.Int32, "siege engines lost"),
        new("towers_burned", RunColumnKind.Int32, "siege towers burned"),
        new("roman_losses", RunColumnKind.Int32, "Roman losses (men)"),
        new("host_losses", RunColumnKind.Int32, "Avar host losses (men)"),
        new("persian_losses", RunColumnKind.Int32, "Persian losses (men)"),
        new("min_wall_integrity_permille", RunColumnKind.Int32, "lowest wall integrity reached (per mille)"),
        new("envoys_caught", RunColumnKind.Boolean, "Persian envoys to the khagan intercepted"),
        new("signal_learned", RunColumnKind.Boolean, "the Slav fleet's signal was learned by the defenders"),
        new("state_hash", RunColumnKind.UInt64, "final state hash of the run (determinism check)"),
    ];

    /// <summary>The value of column <paramref name="ordinal"/> of <paramref name="row"/>, boxed.</summary>
    public static object Value(RunRecord row, int ordinal) => ordinal switch
    {
        0 => row.Variant,
        1 => row.RunIndex,
        2 => row.Seed,
        3 => row.Outcome,
        4 => row.Cause,
        5 => row.EndHour,
        6 => row.CloseSiegeDays,
        7 => row.PersiansFerried,
        8 => row.AssaultAttackerLosses,
        9 => row.AssaultDefenderLosses,
        10 => row.CanoesLaunched,
        11 => row.CanoesLost,
        12 => row.EnginesLost,
        13 => row.TowersBurned,
        14 => row.RomanLosses,
        15 => row.HostLosses,
        16 => row.PersianLosses,
        17 => row.MinWallIntegrityPermille,
        18 => row.EnvoysCaught,
        19 => row.SignalLearned,
        20 => row.StateHash,
        _ => throw new ArgumentOutOfRangeException(nameof(ordinal)),
    };

    /// <summary>The parameter paths used by any of <paramref name="rows"/>, sorted ordinally.</summary>
    public static IReadOnlyList<string> ParameterPaths(IEnumerable<RunRecord> rows)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            set.UnionWith(row.Parameters.Keys);
        }
        return [.. set];
    }

    /// <summary>The measure names used by any of <paramref name="rows"/> (a war's), sorted ordinally.</summary>
    public static IReadOnlyList<string> MeasureNames(IEnumerable<RunRecord> rows)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            set.UnionWith(row.Measures.Keys);
        }
        return [.. set];
    }

    /// <summary>A measure's column name in exports: <c>war_</c> + the name in snake_case ("capital-held" → "war_capital_held").</summary>
    public static string MeasureColumn(string name) => MeasureColumnPrefix + name.Replace('-', '_');

    public const string MeasureColumnPrefix = "war_";

    /// <summary>A decimal written without trailing zeros, invariant culture: the canonical text of a parameter value.</summary>
    public static string CanonicalDecimal(decimal value) =>
        value.ToString("0.############################", CultureInfo.InvariantCulture);
}
