namespace Bosporos.Analysis.Stores;

/// <summary>
/// The SQLite store's schema as ordered migration scripts. Script i (1-based) moves a store from
/// <c>PRAGMA user_version</c> i-1 to i, inside one transaction. Never edit a published script: add the next one.
/// </summary>
internal static class SqliteSchema
{
    public static IReadOnlyList<string> Migrations { get; } =
    [
        // 1: manifest, one row per run, parameter draws in a child table.
        """
        CREATE TABLE manifest (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            experiment_id TEXT NOT NULL,
            engine_version TEXT NOT NULL,
            scenario_id TEXT NOT NULL,
            scenario_hash TEXT NOT NULL,
            experiment_hash TEXT NOT NULL,
            experiment_text TEXT NOT NULL,
            master_seed INTEGER NOT NULL,
            run_count INTEGER NOT NULL,
            variants_json TEXT NOT NULL,
            mode TEXT NOT NULL,
            shard_index INTEGER NOT NULL,
            shard_count INTEGER NOT NULL,
            first_run INTEGER NOT NULL,
            end_run INTEGER NOT NULL,
            machine TEXT NOT NULL,
            created_utc TEXT NOT NULL,
            completed_digest TEXT NULL,
            completed_utc TEXT NULL
        );
        CREATE TABLE runs (
            variant TEXT NOT NULL,
            run_index INTEGER NOT NULL,
            seed INTEGER NOT NULL,
            outcome TEXT NOT NULL,
            cause TEXT NOT NULL,
            end_hour INTEGER NOT NULL,
            close_siege_days INTEGER NOT NULL,
            persians_ferried INTEGER NOT NULL,
            assault_attacker_losses INTEGER NOT NULL,
            assault_defender_losses INTEGER NOT NULL,
            canoes_launched INTEGER NOT NULL,
            canoes_lost INTEGER NOT NULL,
            engines_lost INTEGER NOT NULL,
            towers_burned INTEGER NOT NULL,
            roman_losses INTEGER NOT NULL,
            host_losses INTEGER NOT NULL,
            persian_losses INTEGER NOT NULL,
            min_wall_integrity_permille INTEGER NOT NULL,
            envoys_caught INTEGER NOT NULL,
            signal_learned INTEGER NOT NULL,
            state_hash INTEGER NOT NULL,
            PRIMARY KEY (variant, run_index)
        ) WITHOUT ROWID;
        CREATE TABLE run_parameters (
            variant TEXT NOT NULL,
            run_index INTEGER NOT NULL,
            path TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (variant, run_index, path)
        ) WITHOUT ROWID;
        """,
        // 2: the writer lease, one row while a process writes the store, so that a second writer is refused.
        """
        CREATE TABLE writer_lease (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            owner TEXT NOT NULL,
            machine TEXT NOT NULL,
            pid INTEGER NOT NULL,
            process_started_utc TEXT NOT NULL,
            acquired_utc TEXT NOT NULL,
            heartbeat_utc TEXT NOT NULL
        );
        """,
    ];

    /// <summary>The columns each table of the current schema must have (how a store is recognised before it is touched).</summary>
    public static IReadOnlyList<(string Table, int SinceVersion, string[] Columns)> Tables { get; } =
    [
        ("manifest", 1, ["id", "experiment_id", "engine_version", "scenario_id", "scenario_hash", "experiment_hash", "experiment_text",
            "master_seed", "run_count", "variants_json", "mode", "shard_index", "shard_count", "first_run", "end_run", "machine",
            "created_utc", "completed_digest", "completed_utc"]),
        ("runs", 1, ["variant", "run_index", "seed", "outcome", "cause", "end_hour", "close_siege_days", "persians_ferried",
            "assault_attacker_losses", "assault_defender_losses", "canoes_launched", "canoes_lost", "engines_lost", "towers_burned",
            "roman_losses", "host_losses", "persian_losses", "min_wall_integrity_permille", "envoys_caught", "signal_learned", "state_hash"]),
        ("run_parameters", 1, ["variant", "run_index", "path", "value"]),
        ("writer_lease", 2, ["id", "owner", "machine", "pid", "process_started_utc", "acquired_utc", "heartbeat_utc"]),
    ];

    public static int CurrentVersion => Migrations.Count;
}
