using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace Bosporos.Analysis.Stores;

/// <summary>
/// The team store: the same tables as the SQLite store, in one PostgreSQL schema per experiment. Batches go in by
/// binary COPY into a temporary staging table, then <c>INSERT … ON CONFLICT DO NOTHING</c>, in one transaction.
/// </summary>
public sealed partial class PostgresResultStore : IResultStore
{
    private const string RunColumnList =
        "variant, run_index, seed, outcome, cause, end_hour, close_siege_days, persians_ferried, "
        + "assault_attacker_losses, assault_defender_losses, canoes_launched, canoes_lost, engines_lost, towers_burned, "
        + "roman_losses, host_losses, persian_losses, min_wall_integrity_permille, envoys_caught, signal_learned, state_hash";

    private readonly NpgsqlConnection connection;
    private readonly string schema;
    private readonly bool readOnly;
    private ExperimentManifest? manifest;
    private bool manifestLoaded;
    private bool stagingReady;
    private bool locked;

    private PostgresResultStore(NpgsqlConnection connection, string schema, string location, bool readOnly)
    {
        this.connection = connection;
        this.schema = schema;
        Location = location;
        this.readOnly = readOnly;
    }

    public string Location { get; }

    /// <summary>The PostgreSQL schema (namespace) holding this store's tables.</summary>
    public string Schema => schema;

    /// <summary>The ordered migration scripts; {0} is the quoted schema name.</summary>
    internal static IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE {0}.manifest (
            id integer PRIMARY KEY CHECK (id = 1),
            experiment_id text NOT NULL,
            engine_version text NOT NULL,
            scenario_id text NOT NULL,
            scenario_hash text NOT NULL,
            experiment_hash text NOT NULL,
            experiment_text text NOT NULL,
            master_seed bigint NOT NULL,
            run_count bigint NOT NULL,
            variants_json text NOT NULL,
            mode text NOT NULL,
            shard_index bigint NOT NULL,
            shard_count bigint NOT NULL,
            first_run bigint NOT NULL,
            end_run bigint NOT NULL,
            machine text NOT NULL,
            created_utc text NOT NULL,
            completed_digest text NULL,
            completed_utc text NULL
        );
        CREATE TABLE {0}.runs (
            variant text NOT NULL,
            run_index bigint NOT NULL,
            seed bigint NOT NULL,
            outcome text NOT NULL,
            cause text NOT NULL,
            end_hour integer NOT NULL,
            close_siege_days integer NOT NULL,
            persians_ferried integer NOT NULL,
            assault_attacker_losses integer NOT NULL,
            assault_defender_losses integer NOT NULL,
            canoes_launched integer NOT NULL,
            canoes_lost integer NOT NULL,
            engines_lost integer NOT NULL,
            towers_burned integer NOT NULL,
            roman_losses integer NOT NULL,
            host_losses integer NOT NULL,
            persian_losses integer NOT NULL,
            min_wall_integrity_permille integer NOT NULL,
            envoys_caught boolean NOT NULL,
            signal_learned boolean NOT NULL,
            state_hash bigint NOT NULL,
            PRIMARY KEY (variant, run_index)
        );
        CREATE TABLE {0}.run_parameters (
            variant text NOT NULL,
            run_index bigint NOT NULL,
            path text NOT NULL,
            value numeric NOT NULL,
            PRIMARY KEY (variant, run_index, path)
        );
        """,
    ];

    /// <summary>Opens the store named by a <c>postgres://</c> address or a <c>Host=…</c> connection string.</summary>
    public static PostgresResultStore Open(string location, ResultStoreOptions? options = null)
    {
        options ??= ResultStoreOptions.Default;
        var (builder, schema) = Parse(location);
        var display = $"postgres://{builder.Username}@{builder.Host}:{builder.Port.ToString(CultureInfo.InvariantCulture)}/{builder.Database}?schema={schema}";
        var connection = new NpgsqlConnection(builder.ConnectionString);
        var store = new PostgresResultStore(connection, schema, display, options.ReadOnly);
        try
        {
            store.Run(() =>
            {
                connection.Open();
                store.Migrate();
                if (!options.ReadOnly)
                {
                    store.AcquireLock();
                }
            }, "open");
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Splits a location into an Npgsql connection string and the schema name.</summary>
    internal static (NpgsqlConnectionStringBuilder Builder, string Schema) Parse(string location)
    {
        NpgsqlConnectionStringBuilder builder;
        var schema = "public";
        if (location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(location, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            {
                throw new ResultStoreException(
                    $"'{Redact(location)}' is not a valid PostgreSQL address; expected postgres://user:password@host:port/database.");
            }
            var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
            if (database.Length == 0)
            {
                throw new ResultStoreException(
                    $"'{Redact(location)}' names no database; expected postgres://user:password@host:port/database.");
            }
            builder = new NpgsqlConnectionStringBuilder
            {
                Host = uri.Host,
                Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
                Database = database,
                Timeout = 10,
            };
            var userInfo = uri.UserInfo.Split(':', 2);
            if (userInfo[0].Length > 0)
            {
                builder.Username = Uri.UnescapeDataString(userInfo[0]);
            }
            if (userInfo.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(userInfo[1]);
            }
            foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var kv = pair.Split('=', 2);
                var key = Uri.UnescapeDataString(kv[0]);
                var value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
                if (key.Equals("schema", StringComparison.OrdinalIgnoreCase))
                {
                    schema = value;
                }
                else if (key.Equals("sslmode", StringComparison.OrdinalIgnoreCase)
                    && Enum.TryParse<SslMode>(value.Replace("-", "", StringComparison.Ordinal), true, out var ssl))
                {
                    builder.SslMode = ssl;
                }
                else
                {
                    throw new ResultStoreException(
                        $"'{Redact(location)}': unknown parameter '{key}' (known: schema, sslmode).");
                }
            }
        }
        else
        {
            try
            {
                builder = new NpgsqlConnectionStringBuilder(location);
            }
            catch (ArgumentException e)
            {
                throw new ResultStoreException($"Not a valid PostgreSQL connection string: {Credentials.Redact(e.Message)}", e);
            }
            if (!string.IsNullOrWhiteSpace(builder.SearchPath))
            {
                schema = builder.SearchPath.Split(',')[0].Trim();
            }
        }
        if (!SchemaName().IsMatch(schema))
        {
            throw new ResultStoreException(
                $"'{schema}' is not a usable schema name: use lowercase letters, digits and underscores (at most 63).");
        }
        builder.ApplicationName ??= "bosporos";
        return (builder, schema);
    }

    public ExperimentManifest? ReadManifest()
    {
        if (manifestLoaded)
        {
            return manifest;
        }
        manifest = Run(LoadManifest, "read");
        manifestLoaded = true;
        return manifest;
    }

    public void WriteManifest(ExperimentManifest manifest)
    {
        ManifestRules.RequireValid(manifest, Location);
        var stored = ReadManifest();
        if (stored is not null)
        {
            ManifestRules.RequireSameExperiment(stored, manifest, Location);
            return;
        }
        RequireWritable();
        var inserted = Run(() =>
        {
            using var command = Command(
                """
                INSERT INTO {0}.manifest (id, experiment_id, engine_version, scenario_id, scenario_hash, experiment_hash,
                    experiment_text, master_seed, run_count, variants_json, mode, shard_index, shard_count, first_run,
                    end_run, machine, created_utc)
                VALUES (1, @experiment_id, @engine_version, @scenario_id, @scenario_hash, @experiment_hash,
                    @experiment_text, @master_seed, @run_count, @variants_json, @mode, @shard_index, @shard_count,
                    @first_run, @end_run, @machine, @created_utc)
                ON CONFLICT (id) DO NOTHING
                """);
            command.Parameters.AddWithValue("experiment_id", manifest.ExperimentId);
            command.Parameters.AddWithValue("engine_version", manifest.EngineVersion);
            command.Parameters.AddWithValue("scenario_id", manifest.ScenarioId);
            command.Parameters.AddWithValue("scenario_hash", manifest.ScenarioHash);
            command.Parameters.AddWithValue("experiment_hash", manifest.ExperimentHash);
            command.Parameters.AddWithValue("experiment_text", manifest.ExperimentText);
            command.Parameters.AddWithValue("master_seed", unchecked((long)manifest.MasterSeed));
            command.Parameters.AddWithValue("run_count", manifest.RunCount);
            command.Parameters.AddWithValue("variants_json", ManifestRules.VariantsToJson(manifest.Variants));
            command.Parameters.AddWithValue("mode", manifest.Mode);
            command.Parameters.AddWithValue("shard_index", manifest.ShardIndex);
            command.Parameters.AddWithValue("shard_count", manifest.ShardCount);
            command.Parameters.AddWithValue("first_run", manifest.FirstRun);
            command.Parameters.AddWithValue("end_run", manifest.EndRun);
            command.Parameters.AddWithValue("machine", manifest.Machine);
            command.Parameters.AddWithValue("created_utc", ManifestRules.TimeToText(manifest.CreatedUtc));
            return command.ExecuteNonQuery();
        }, "write the manifest to");
        if (inserted == 0)
        {
            // Another worker wrote it first: it must be the same experiment.
            manifestLoaded = false;
            ManifestRules.RequireSameExperiment(ReadManifest()!, manifest, Location);
            return;
        }
        this.manifest = manifest;
        manifestLoaded = true;
    }

    public IReadOnlySet<(string Variant, long RunIndex)> CompletedRuns() => Run(() =>
    {
        var set = new HashSet<(string, long)>();
        using var command = Command("SELECT variant, run_index FROM {0}.runs");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            set.Add((reader.GetString(0), reader.GetInt64(1)));
        }
        return (IReadOnlySet<(string, long)>)set;
    }, "read");

    public void Append(IReadOnlyList<RunRecord> batch)
    {
        ManifestRules.RequireAppendable(ReadManifest(), batch, Location);
        if (batch.Count == 0)
        {
            return;
        }
        RequireWritable();
        Run(() =>
        {
            using var transaction = connection.BeginTransaction();
            if (!stagingReady)
            {
                using var create = Command(
                    "CREATE TEMP TABLE IF NOT EXISTS runs_staging (LIKE {0}.runs) ON COMMIT DELETE ROWS; "
                    + "CREATE TEMP TABLE IF NOT EXISTS run_parameters_staging (LIKE {0}.run_parameters) ON COMMIT DELETE ROWS;");
                create.ExecuteNonQuery();
            }
            using (var importer = connection.BeginBinaryImport($"COPY runs_staging ({RunColumnList}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var row in batch)
                {
                    importer.StartRow();
                    importer.Write(row.Variant, NpgsqlDbType.Text);
                    importer.Write(row.RunIndex, NpgsqlDbType.Bigint);
                    importer.Write(unchecked((long)row.Seed), NpgsqlDbType.Bigint);
                    importer.Write(row.Outcome, NpgsqlDbType.Text);
                    importer.Write(row.Cause, NpgsqlDbType.Text);
                    importer.Write(row.EndHour, NpgsqlDbType.Integer);
                    importer.Write(row.CloseSiegeDays, NpgsqlDbType.Integer);
                    importer.Write(row.PersiansFerried, NpgsqlDbType.Integer);
                    importer.Write(row.AssaultAttackerLosses, NpgsqlDbType.Integer);
                    importer.Write(row.AssaultDefenderLosses, NpgsqlDbType.Integer);
                    importer.Write(row.CanoesLaunched, NpgsqlDbType.Integer);
                    importer.Write(row.CanoesLost, NpgsqlDbType.Integer);
                    importer.Write(row.EnginesLost, NpgsqlDbType.Integer);
                    importer.Write(row.TowersBurned, NpgsqlDbType.Integer);
                    importer.Write(row.RomanLosses, NpgsqlDbType.Integer);
                    importer.Write(row.HostLosses, NpgsqlDbType.Integer);
                    importer.Write(row.PersianLosses, NpgsqlDbType.Integer);
                    importer.Write(row.MinWallIntegrityPermille, NpgsqlDbType.Integer);
                    importer.Write(row.EnvoysCaught, NpgsqlDbType.Boolean);
                    importer.Write(row.SignalLearned, NpgsqlDbType.Boolean);
                    importer.Write(unchecked((long)row.StateHash), NpgsqlDbType.Bigint);
                }
                importer.Complete();
            }
            if (batch.Any(r => r.Parameters.Count > 0 || r.Measures.Count > 0))
            {
                using var importer = connection.BeginBinaryImport(
                    "COPY run_parameters_staging (variant, run_index, path, value) FROM STDIN (FORMAT BINARY)");
                foreach (var row in batch)
                {
                    foreach (var (path, value) in row.StoredParameters)
                    {
                        importer.StartRow();
                        importer.Write(row.Variant, NpgsqlDbType.Text);
                        importer.Write(row.RunIndex, NpgsqlDbType.Bigint);
                        importer.Write(path, NpgsqlDbType.Text);
                        importer.Write(value, NpgsqlDbType.Numeric);
                    }
                }
                importer.Complete();
            }
            // Parameters only for runs that are new: an existing run keeps the draws it was stored with.
            using var move = Command(
                "INSERT INTO {0}.run_parameters (variant, run_index, path, value) "
                + "SELECT p.variant, p.run_index, p.path, p.value FROM run_parameters_staging p "
                + "WHERE NOT EXISTS (SELECT 1 FROM {0}.runs r WHERE r.variant = p.variant AND r.run_index = p.run_index) "
                + "ON CONFLICT DO NOTHING; "
                + $"INSERT INTO {{0}}.runs ({RunColumnList}) SELECT {RunColumnList} FROM runs_staging ON CONFLICT DO NOTHING;");
            move.Transaction = transaction;
            move.ExecuteNonQuery();
            transaction.Commit();
            stagingReady = true;
        }, "append runs to");
    }

    public IEnumerable<RunRecord> ReadAll()
    {
        var current = ReadManifest();
        if (current is null)
        {
            yield break;
        }
        foreach (var variant in current.Variants)
        {
            // Materialise one variant at a time: Npgsql allows one open reader per connection.
            var parameters = Run(() => ReadParameters(variant), "read");
            var rows = Run(() => ReadRuns(variant, parameters), "read");
            foreach (var row in rows)
            {
                yield return row;
            }
        }
    }

    public void MarkComplete(string digest)
    {
        ManifestRules.RequireDigest(digest, Location);
        if (ReadManifest() is null)
        {
            throw new ResultStoreException($"{Location}: cannot mark a store complete before its manifest is written.");
        }
        RequireWritable();
        Run(() =>
        {
            using var command = Command("UPDATE {0}.manifest SET completed_digest = @d, completed_utc = @t WHERE id = 1");
            command.Parameters.AddWithValue("d", digest);
            command.Parameters.AddWithValue("t", ManifestRules.TimeToText(DateTimeOffset.UtcNow));
            command.ExecuteNonQuery();
        }, "mark complete");
    }

    public string? CompletedDigest => Run(() =>
    {
        using var command = Command("SELECT completed_digest FROM {0}.manifest WHERE id = 1");
        return command.ExecuteScalar() as string;
    }, "read");

    /// <summary>The schema version recorded in the store's schema_version table.</summary>
    public int SchemaVersion => Run(ReadVersion, "read");

    public void Dispose()
    {
        if (locked && connection.State == System.Data.ConnectionState.Open)
        {
            try
            {
                using var unlock = Command("SELECT pg_advisory_unlock(@k1, hashtext(@k2))");
                unlock.Parameters.AddWithValue("k1", LockNamespace);
                unlock.Parameters.AddWithValue("k2", schema);
                unlock.ExecuteScalar();
            }
            catch (NpgsqlException)
            {
                // The server drops a session's advisory locks when the connection closes anyway.
            }
        }
        locked = false;
        connection.Dispose();
    }

    /// <summary>First key of the store's advisory lock (the second is a hash of the schema name).</summary>
    private const int LockNamespace = 0x0626;

    /// <summary>
    /// Takes a session-level advisory lock on the schema, or refuses while another session holds it. The server
    /// releases it when the holder disconnects, so a killed writer never blocks the next one.
    /// </summary>
    private void AcquireLock()
    {
        // A writer that was just killed holds the lock until the server notices its connection is gone (usually
        // milliseconds): try for a few seconds before refusing.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            using var command = Command("SELECT pg_try_advisory_lock(@k1, hashtext(@k2))");
            command.Parameters.AddWithValue("k1", LockNamespace);
            command.Parameters.AddWithValue("k2", schema);
            if ((bool)command.ExecuteScalar()!)
            {
                locked = true;
                return;
            }
            if (DateTime.UtcNow >= deadline)
            {
                break;
            }
            Thread.Sleep(100);
        }
        var holder = "another session";
        try
        {
            using var who = Command(
                "SELECT a.pid, coalesce(host(a.client_addr), 'local socket'), a.application_name, a.backend_start "
                + "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                + "WHERE l.locktype = 'advisory' AND l.classid = @k1 AND l.objid = hashtext(@k2)::oid AND l.granted LIMIT 1");
            who.Parameters.AddWithValue("k1", LockNamespace);
            who.Parameters.AddWithValue("k2", schema);
            using var reader = who.ExecuteReader();
            if (reader.Read())
            {
                holder = string.Create(CultureInfo.InvariantCulture,
                    $"server process {reader.GetInt32(0)} for client {reader.GetString(1)} ({reader.GetString(2)}), connected since {reader.GetDateTime(3):u}");
            }
        }
        catch (PostgresException)
        {
            // Not allowed to see other sessions: the plain message will do.
        }
        throw StoreRows.WriterBusy(Location, holder);
    }

    private Dictionary<long, Dictionary<string, decimal>> ReadParameters(string variant)
    {
        var result = new Dictionary<long, Dictionary<string, decimal>>();
        using var command = Command("SELECT run_index, path, value FROM {0}.run_parameters WHERE variant = @v");
        command.Parameters.AddWithValue("v", variant);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var index = reader.GetInt64(0);
            if (!result.TryGetValue(index, out var draws))
            {
                draws = new Dictionary<string, decimal>(StringComparer.Ordinal);
                result[index] = draws;
            }
            draws[reader.GetString(1)] = reader.GetDecimal(2);
        }
        return result;
    }

    private List<RunRecord> ReadRuns(string variant, Dictionary<long, Dictionary<string, decimal>> parameters)
    {
        var rows = new List<RunRecord>();
        using var command = Command($"SELECT {RunColumnList} FROM {{0}}.runs WHERE variant = @v ORDER BY run_index");
        command.Parameters.AddWithValue("v", variant);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(StoreRows.Run(reader, parameters.TryGetValue(reader.GetInt64(1), out var draws) ? draws : new Dictionary<string, decimal>(StringComparer.Ordinal)));
        }
        return rows;
    }

    private ExperimentManifest? LoadManifest()
    {
        using var command = Command("SELECT " + StoreRows.ManifestColumns + " FROM {0}.manifest WHERE id = 1");
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }
        return StoreRows.Manifest(reader, Location);
    }

    private int ReadVersion()
    {
        using var exists = Command("SELECT to_regclass(@t) IS NOT NULL");
        exists.Parameters.AddWithValue("t", $"\"{schema}\".schema_version");
        if (!(bool)exists.ExecuteScalar()!)
        {
            return 0;
        }
        using var command = Command("SELECT coalesce(max(version), 0) FROM {0}.schema_version");
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private void Migrate()
    {
        var version = ReadVersion();
        if (version > Migrations.Count)
        {
            throw new ResultStoreException(
                $"{Location}: the store has schema version {version}, newer than this Bosporos understands "
                + $"({Migrations.Count}). Open it with the Bosporos version that wrote it, or a newer one.");
        }
        if (version == Migrations.Count)
        {
            return;
        }
        if (readOnly)
        {
            if (version == 0)
            {
                throw new ResultStoreException($"{Location}: no result store in schema '{schema}'.");
            }
            throw new ResultStoreException(
                $"{Location}: the store has schema version {version} and needs upgrading; open it once without read-only.");
        }
        using var transaction = connection.BeginTransaction();
        using (var setup = Command(
            "CREATE SCHEMA IF NOT EXISTS {0}; CREATE TABLE IF NOT EXISTS {0}.schema_version (version integer NOT NULL); "
            + "LOCK TABLE {0}.schema_version IN EXCLUSIVE MODE;"))
        {
            setup.Transaction = transaction;
            setup.ExecuteNonQuery();
        }
        version = ReadVersion(); // another worker may have migrated while we waited for the lock
        for (var next = version + 1; next <= Migrations.Count; next++)
        {
            using var command = Command(Migrations[next - 1] + "\nINSERT INTO {0}.schema_version (version) VALUES (" + next.ToString(CultureInfo.InvariantCulture) + ");");
            command.Transaction = transaction;
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private NpgsqlCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql.Replace("{0}", $"\"{schema}\"", StringComparison.Ordinal);
        return command;
    }

    private void RequireWritable()
    {
        if (readOnly)
        {
            throw new ResultStoreException($"{Location}: the store was opened read-only; it cannot be written.");
        }
    }

    private void Run(Action action, string verb) => Run(() =>
    {
        action();
        return 0;
    }, verb);

    private T Run<T>(Func<T> action, string verb)
    {
        try
        {
            return action();
        }
        catch (PostgresException e)
        {
            throw new ResultStoreException(Explain(e, verb), e);
        }
        catch (NpgsqlException e)
        {
            var reason = e.InnerException is SocketException socket
                ? $"{socket.SocketErrorCode} ({socket.Message})"
                : e.InnerException is TimeoutException ? "timed out" : e.Message;
            throw new ResultStoreException(
                $"{Location}: cannot {verb} the PostgreSQL result store: {reason}. Is the server running and reachable, "
                + "and are host, port and credentials right?", e);
        }
        catch (TimeoutException e)
        {
            throw new ResultStoreException($"{Location}: the PostgreSQL server did not answer in time while trying to {verb} the store.", e);
        }
    }

    private string Explain(PostgresException e, string verb) => e.SqlState switch
    {
        "28P01" or "28000" => $"{Location}: PostgreSQL refused the login ({e.MessageText}). Check the user name and password.",
        "3D000" => $"{Location}: the database does not exist ({e.MessageText}). Create it first (createdb).",
        "53100" => $"{Location}: the PostgreSQL server's disk is full while trying to {verb} the store. Runs committed "
            + "before this batch are kept; the batch was rolled back. Free space, then run again to resume.",
        "25006" => $"{Location}: the PostgreSQL server or session is read-only; cannot {verb} the store.",
        "42501" => $"{Location}: permission denied while trying to {verb} the store ({e.MessageText}). "
            + "Grant the user rights on the schema, or use another schema.",
        _ => $"{Location}: cannot {verb} the PostgreSQL result store: {e.SqlState} {e.MessageText}",
    };

    private static string Redact(string location) => Credentials.Redact(location);

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
