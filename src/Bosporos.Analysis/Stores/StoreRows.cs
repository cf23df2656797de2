using System.Data.Common;

namespace Bosporos.Analysis.Stores;

/// <summary>
/// Reading manifest and run rows back is the same for every store: the column order is the store schema's, and only
/// the SQL dialect around it differs. Booleans come back as integers (SQLite) or booleans (PostgreSQL).
/// </summary>
internal static class StoreRows
{
    public const string ManifestColumns =
        "experiment_id, engine_version, scenario_id, scenario_hash, experiment_hash, experiment_text, master_seed, run_count, " +
        "variants_json, mode, shard_index, shard_count, first_run, end_run, machine, created_utc";

    /// <summary>
    /// The refusal when another writer holds a store (the SQLite lease, the PostgreSQL advisory lock); <paramref name="holder"/>
    /// says who, as well as the store can tell.
    /// </summary>
    public static ResultStoreException WriterBusy(string location, string holder) => new(
        $"{location}: another Bosporos process is writing this store ({holder}); two writers would work the same runs. "
        + "Wait for it to finish (or stop it), then run 'experiment resume' on the store; reading it (report, export) is fine meanwhile.");

    public static ExperimentManifest Manifest(DbDataReader reader, string location) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        unchecked((ulong)reader.GetInt64(6)),
        reader.GetInt64(7),
        ManifestRules.VariantsFromJson(reader.GetString(8), location),
        reader.GetString(9),
        reader.GetInt64(10),
        reader.GetInt64(11),
        reader.GetInt64(12),
        reader.GetInt64(13),
        reader.GetString(14),
        ManifestRules.TimeFromText(reader.GetString(15)));

    /// <summary>A run row selected with the store's run column list, in its order.</summary>
    public static RunRecord Run(DbDataReader reader, IReadOnlyDictionary<string, decimal> stored)
    {
        var (draws, measures) = RunRecord.SplitStored(stored);
        return Row(reader, draws) with { Measures = measures };
    }

    private static RunRecord Row(DbDataReader reader, IReadOnlyDictionary<string, decimal> draws) => new(
        reader.GetString(0),
        reader.GetInt64(1),
        unchecked((ulong)reader.GetInt64(2)),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetInt32(5),
        reader.GetInt32(6),
        reader.GetInt32(7),
        reader.GetInt32(8),
        reader.GetInt32(9),
        reader.GetInt32(10),
        reader.GetInt32(11),
        reader.GetInt32(12),
        reader.GetInt32(13),
        reader.GetInt32(14),
        reader.GetInt32(15),
        reader.GetInt32(16),
        reader.GetInt32(17),
        Convert.ToBoolean(reader.GetValue(18), System.Globalization.CultureInfo.InvariantCulture),
        Convert.ToBoolean(reader.GetValue(19), System.Globalization.CultureInfo.InvariantCulture),
        unchecked((ulong)reader.GetInt64(20)),
        draws);
}
