using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Bosporos.Analysis.Stores;

/// <summary>
/// The default store: one SQLite file in WAL mode. Each batch is one transaction, so a killed process loses at most
/// the batch it was writing and a resumed sweep redoes exactly the missing runs.
/// </summary>
public sealed class SqliteResultStore : IResultStore
{
    private const string RunColumnList =
        "variant, run_index, seed, outcome, cause, end_hour, close_siege_days, persians_ferried, "
        + "assault_attacker_losses, assault_defender_losses, canoes_launched, canoes_lost, engines_lost, towers_burned, "
        + "roman_losses, host_losses, persian_losses, min_wall_integrity_permille, envoys_caught, signal_learned, state_hash";

    private readonly SqliteConnection connection;
    private readonly bool readOnly;
    private ExperimentManifest? manifest;
    private bool manifestLoaded;
    private bool unversioned; // an empty file opened read-only: no tables to read
    private string? leaseOwner; // set while this instance holds the writer lease

    private SqliteResultStore(string path, SqliteConnection connection, bool readOnly)
    {
        Location = path;
        this.connection = connection;
        this.readOnly = readOnly;
    }

    public string Location { get; }

    /// <summary>Opens (creating if needed, unless read-only) the store at <paramref name="path"/>.</summary>
    public static SqliteResultStore Open(string path, ResultStoreOptions? options = null)
    {
        options ??= ResultStoreOptions.Default;
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ResultStoreException("The result store path is empty.");
        }
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new ResultStoreException(
                $"{path}: cannot create the result store: directory '{directory}' does not exist. Create it first.");
        }
        if (Directory.Exists(full))
        {
            throw new ResultStoreException($"{path}: is a directory; give a file name for the result store (for example results.db).");
        }
        if (options.ReadOnly && !File.Exists(full))
        {
            throw new ResultStoreException($"{path}: no such result store.");
        }

        // A file that exists is first looked at through a read-only connection: a database that is not a Bosporos
        // store (another program's, or one whose tables only look like ours) is refused before anything touches it.
        if (File.Exists(full) && new FileInfo(full).Length > 0)
        {
            Probe(path, full);
        }

        var connectionReadOnly = options.ReadOnly || options.SimulateReadOnlyFile;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = connectionReadOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        };
        var connection = new SqliteConnection(builder.ToString());
        var store = new SqliteResultStore(path, connection, options.ReadOnly);
        try
        {
            store.Run(() =>
            {
                connection.Open();
                store.Pragma("busy_timeout = 10000");
                if (!connectionReadOnly)
                {
                    store.SwitchToWal();
                    store.Pragma(options.Durable ? "synchronous = FULL" : "synchronous = NORMAL");
                }
                if (options.MaxPageCount is { } pages)
                {
                    store.Pragma($"max_page_count = {pages.ToString(CultureInfo.InvariantCulture)}");
                }
                store.Migrate();
                if (!connectionReadOnly)
                {
                    store.AcquireLease();
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

    /// <summary>
    /// Opens <paramref name="full"/> read-only and checks that it is a Bosporos store (or an empty database): schema
    /// version, tables and columns. Throws <see cref="ResultStoreException"/> otherwise; the file is never modified.
    /// </summary>
    private static void Probe(string path, string full)
    {
        // Even a read-only connection creates -wal and -shm files beside a database in WAL mode. Unless they exist
        // already (a store being written, or left by a killed writer), the file is read as immutable: no locks, no
        // side files, nothing written.
        var dataSource = File.Exists(full + "-wal") ? full : new Uri(full).AbsoluteUri + "?immutable=1";
        var builder = new SqliteConnectionStringBuilder { DataSource = dataSource, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 30 };
        using var connection = new SqliteConnection(builder.ToString());
        var probe = new SqliteResultStore(path, connection, readOnly: true);
        probe.Run(() =>
        {
            connection.Open();
            probe.Pragma("busy_timeout = 10000");
            var (version, tables) = probe.VersionAndTables(null);
            probe.RequireKnownVersion(version, tables);
            if (version == 0)
            {
                return; // an empty database: it becomes a store
            }
            foreach (var (table, since, columns) in SqliteSchema.Tables)
            {
                if (since > version)
                {
                    continue;
                }
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT name FROM pragma_table_info($t)";
                command.Parameters.AddWithValue("$t", table);
                var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                using (var reader = command.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        present.Add(reader.GetString(0));
                    }
                }
                var missing = columns.Where(c => !present.Contains(c)).ToList();
                if (missing.Count > 0)
                {
                    throw new ResultStoreException(
                        $"{path}: is a SQLite database but not a Bosporos result store: "
                        + (present.Count == 0
                            ? $"it has no table '{table}'"
                            : $"its table '{table}' lacks the column(s) {string.Join(", ", missing)}")
                        + $" (schema version {version.ToString(CultureInfo.InvariantCulture)}). The file was not changed; "
                        + "choose another file, or restore the store from a copy.");
                }
            }
        }, "open");
    }

    /// <summary>Runs <c>PRAGMA integrity_check</c>; returns "ok" for a sound file, otherwise SQLite's report.</summary>
    public string IntegrityCheck() => Run(() =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }
        return string.Join("\n", lines);
    }, "check");

    /// <summary>The schema version stored in <c>PRAGMA user_version</c>.</summary>
    public int SchemaVersion => Run(() => Convert.ToInt32(Scalar("PRAGMA user_version"), CultureInfo.InvariantCulture), "read");

    /// <summary>The value of a read-only pragma (journal_mode, synchronous ...), for tests and diagnostics.</summary>
    internal string PragmaValue(string name) => Run(() => Convert.ToString(Scalar("PRAGMA " + name), CultureInfo.InvariantCulture) ?? "", "read");

    public ExperimentManifest? ReadManifest()
    {
        if (manifestLoaded)
        {
            return manifest;
        }
        manifest = unversioned ? null : Run(LoadManifest, "read");
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
        Run(() =>
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                """
                INSERT INTO manifest (id, experiment_id, engine_version, scenario_id, scenario_hash, experiment_hash,
                    experiment_text, master_seed, run_count, variants_json, mode, shard_index, shard_count, first_run,
                    end_run, machine, created_utc)
                VALUES (1, $experiment_id, $engine_version, $scenario_id, $scenario_hash, $experiment_hash,
                    $experiment_text, $master_seed, $run_count, $variants_json, $mode, $shard_index, $shard_count,
                    $first_run, $end_run, $machine, $created_utc)
                """;
            command.Parameters.AddWithValue("$experiment_id", manifest.ExperimentId);
            command.Parameters.AddWithValue("$engine_version", manifest.EngineVersion);
            command.Parameters.AddWithValue("$scenario_id", manifest.ScenarioId);
            command.Parameters.AddWithValue("$scenario_hash", manifest.ScenarioHash);
            command.Parameters.AddWithValue("$experiment_hash", manifest.ExperimentHash);
            command.Parameters.AddWithValue("$experiment_text", manifest.ExperimentText);
            command.Parameters.AddWithValue("$master_seed", unchecked((long)manifest.MasterSeed));
            command.Parameters.AddWithValue("$run_count", manifest.RunCount);
            command.Parameters.AddWithValue("$variants_json", ManifestRules.VariantsToJson(manifest.Variants));
            command.Parameters.AddWithValue("$mode", manifest.Mode);
            command.Parameters.AddWithValue("$shard_index", manifest.ShardIndex);
            command.Parameters.AddWithValue("$shard_count", manifest.ShardCount);
            command.Parameters.AddWithValue("$first_run", manifest.FirstRun);
            command.Parameters.AddWithValue("$end_run", manifest.EndRun);
            command.Parameters.AddWithValue("$machine", manifest.Machine);
            command.Parameters.AddWithValue("$created_utc", ManifestRules.TimeToText(manifest.CreatedUtc));
            command.ExecuteNonQuery();
            transaction.Commit();
        }, "write the manifest to");
        this.manifest = manifest;
        manifestLoaded = true;
    }

    public IReadOnlySet<(string Variant, long RunIndex)> CompletedRuns() => Run(() =>
    {
        var set = new HashSet<(string, long)>();
        if (unversioned)
        {
            return (IReadOnlySet<(string, long)>)set;
        }
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT variant, run_index FROM runs";
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
            using var insertRun = connection.CreateCommand();
            insertRun.Transaction = transaction;
            var names = RunColumnList.Split(", ");
            insertRun.CommandText =
                $"INSERT INTO runs ({RunColumnList}) VALUES ({string.Join(", ", names.Select(n => "$" + n))}) "
                + "ON CONFLICT (variant, run_index) DO NOTHING";
            var parameters = names.Select(n => insertRun.Parameters.AddWithValue("$" + n, DBNull.Value)).ToArray();
            insertRun.Prepare();

            using var insertParameter = connection.CreateCommand();
            insertParameter.Transaction = transaction;
            insertParameter.CommandText =
                "INSERT INTO run_parameters (variant, run_index, path, value) VALUES ($v, $k, $p, $x) "
                + "ON CONFLICT (variant, run_index, path) DO NOTHING";
            var pv = insertParameter.Parameters.Add("$v", SqliteType.Text);
            var pk = insertParameter.Parameters.Add("$k", SqliteType.Integer);
            var pp = insertParameter.Parameters.Add("$p", SqliteType.Text);
            var px = insertParameter.Parameters.Add("$x", SqliteType.Text);
            insertParameter.Prepare();

            foreach (var row in batch)
            {
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = ToSqlite(RunColumns.Value(row, i));
                }
                if (insertRun.ExecuteNonQuery() == 0)
                {
                    continue; // already stored: idempotent
                }
                foreach (var (path, value) in row.StoredParameters)
                {
                    pv.Value = row.Variant;
                    pk.Value = row.RunIndex;
                    pp.Value = path;
                    px.Value = value.ToString(CultureInfo.InvariantCulture);
                    insertParameter.ExecuteNonQuery();
                }
            }
            RenewLease(transaction);
            transaction.Commit();
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
            foreach (var row in ReadVariant(variant))
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
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE manifest SET completed_digest = $d, completed_utc = $t WHERE id = 1";
            command.Parameters.AddWithValue("$d", digest);
            command.Parameters.AddWithValue("$t", ManifestRules.TimeToText(DateTimeOffset.UtcNow));
            command.ExecuteNonQuery();
        }, "mark complete");
    }

    public string? CompletedDigest => unversioned ? null : Run(() =>
    {
        var value = Scalar("SELECT completed_digest FROM manifest WHERE id = 1");
        return value is string s ? s : null;
    }, "read");

    public void Dispose()
    {
        ReleaseLease();
        connection.Dispose();
    }

    /// <summary>How long a lease taken on another machine stays valid without a heartbeat (each stored batch renews it).</summary>
    internal static TimeSpan LeaseTimeout { get; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Takes the writer lease, or refuses with <see cref="ResultStoreException"/> while another live writer holds it.
    /// A lease whose process is gone (same machine) or that has not been renewed for <see cref="LeaseTimeout"/>
    /// (another machine) is taken over: a killed run can be resumed at once.
    /// </summary>
    private void AcquireLease()
    {
        var me = Environment.ProcessId;
        var machine = Environment.MachineName;
        var owner = $"{machine}/{me.ToString(CultureInfo.InvariantCulture)}/{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT machine, pid, process_started_utc, acquired_utc, heartbeat_utc FROM writer_lease WHERE id = 1";
            using var reader = read.ExecuteReader();
            if (reader.Read())
            {
                var holder = new LeaseHolder(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), ManifestRules.TimeFromText(reader.GetString(3)),
                    ManifestRules.TimeFromText(reader.GetString(4)));
                if (holder.IsAlive(now))
                {
                    throw StoreRows.WriterBusy(Location,
                        $"process {holder.Pid.ToString(CultureInfo.InvariantCulture)} on {holder.Machine}, since {ManifestRules.TimeToText(holder.Acquired)}");
                }
            }
        }
        using (var write = connection.CreateCommand())
        {
            write.Transaction = transaction;
            write.CommandText =
                "INSERT OR REPLACE INTO writer_lease (id, owner, machine, pid, process_started_utc, acquired_utc, heartbeat_utc) "
                + "VALUES (1, $o, $m, $p, $s, $t, $t)";
            write.Parameters.AddWithValue("$o", owner);
            write.Parameters.AddWithValue("$m", machine);
            write.Parameters.AddWithValue("$p", me);
            write.Parameters.AddWithValue("$s", LeaseHolder.ProcessStarted(me) ?? "");
            write.Parameters.AddWithValue("$t", ManifestRules.TimeToText(now));
            write.ExecuteNonQuery();
        }
        transaction.Commit();
        leaseOwner = owner;
    }

    /// <summary>Renews the lease inside a write transaction (every stored batch).</summary>
    private void RenewLease(SqliteTransaction transaction)
    {
        if (leaseOwner is null)
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE writer_lease SET heartbeat_utc = $t WHERE id = 1 AND owner = $o";
        command.Parameters.AddWithValue("$t", ManifestRules.TimeToText(DateTimeOffset.UtcNow));
        command.Parameters.AddWithValue("$o", leaseOwner);
        if (command.ExecuteNonQuery() == 0)
        {
            throw new ResultStoreException(
                $"{Location}: this process no longer holds the store's writer lease (another process took it over); "
                + "stopping so that two writers never work the same runs. Resume when the other process has finished.");
        }
    }

    private void ReleaseLease()
    {
        if (leaseOwner is null || connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM writer_lease WHERE id = 1 AND owner = $o";
            command.Parameters.AddWithValue("$o", leaseOwner);
            command.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // A store that cannot be written (full disk) keeps the row; the process check lets the next writer in.
        }
        leaseOwner = null;
    }

    /// <summary>Who holds the lease, and whether that writer may still be at work.</summary>
    private sealed record LeaseHolder(string Machine, int Pid, string ProcessStartedText, DateTimeOffset Acquired, DateTimeOffset Heartbeat)
    {
        public bool IsAlive(DateTimeOffset now)
        {
            if (!string.Equals(Machine, Environment.MachineName, StringComparison.Ordinal))
            {
                return now - Heartbeat < LeaseTimeout;
            }
            var started = ProcessStarted(Pid);
            if (started is null)
            {
                return false;
            }
            if (started.Length == 0 || ProcessStartedText.Length == 0)
            {
                return true;
            }
            // The same process id with another start time is a new process that reused the id: the writer is gone.
            return (ManifestRules.TimeFromText(started) - ManifestRules.TimeFromText(ProcessStartedText)).Duration() < TimeSpan.FromSeconds(2);
        }

        /// <summary>When process <paramref name="pid"/> started (tells a live writer from a reused process id), or null if none runs.</summary>
        public static string? ProcessStarted(int pid)
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                return process.HasExited ? null : ManifestRules.TimeToText(process.StartTime.ToUniversalTime());
            }
            catch (ArgumentException)
            {
                return null; // no such process
            }
            catch (InvalidOperationException)
            {
                return null; // exited meanwhile
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return ""; // running, but its start time cannot be read
            }
        }
    }

    private IEnumerable<RunRecord> ReadVariant(string variant)
    {
        // Two ordered cursors walked together: runs, and their parameters, both by run_index.
        using var runs = connection.CreateCommand();
        runs.CommandText = $"SELECT {RunColumnList} FROM runs WHERE variant = $v ORDER BY run_index";
        runs.Parameters.AddWithValue("$v", variant);
        using var parameters = connection.CreateCommand();
        parameters.CommandText = "SELECT run_index, path, value FROM run_parameters WHERE variant = $v ORDER BY run_index, path";
        parameters.Parameters.AddWithValue("$v", variant);
        using var runReader = Run(runs.ExecuteReader, "read");
        using var parameterReader = Run(parameters.ExecuteReader, "read");
        var hasParameter = Run(parameterReader.Read, "read");
        while (Run(runReader.Read, "read"))
        {
            var index = runReader.GetInt64(1);
            var draws = new Dictionary<string, decimal>(StringComparer.Ordinal);
            while (hasParameter && parameterReader.GetInt64(0) < index)
            {
                hasParameter = Run(parameterReader.Read, "read");
            }
            while (hasParameter && parameterReader.GetInt64(0) == index)
            {
                draws[parameterReader.GetString(1)] = ManifestRules.ParseDecimal(parameterReader.GetString(2));
                hasParameter = Run(parameterReader.Read, "read");
            }
            yield return StoreRows.Run(runReader, draws);
        }
    }

    private ExperimentManifest? LoadManifest()
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StoreRows.ManifestColumns} FROM manifest WHERE id = 1";
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }
        return StoreRows.Manifest(reader, Location);
    }

    /// <summary>Schema version and table count read in one statement, so both come from the same snapshot.</summary>
    private (int Version, long Tables) VersionAndTables(SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_master)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt32(0), reader.GetInt64(1));
    }

    private void RequireKnownVersion(int version, long tables)
    {
        if (version > SqliteSchema.CurrentVersion)
        {
            throw new ResultStoreException(
                $"{Location}: the store has schema version {version}, newer than this Bosporos understands "
                + $"({SqliteSchema.CurrentVersion}). Open it with the Bosporos version that wrote it, or a newer one.");
        }
        if (version == 0 && tables > 0)
        {
            throw new ResultStoreException(
                $"{Location}: is a SQLite database but not a Bosporos result store (it has tables but no schema version). "
                + "The file was not changed; choose another file.");
        }
    }

    private void Migrate()
    {
        var (version, tables) = VersionAndTables(null);
        RequireKnownVersion(version, tables);
        if (version == SqliteSchema.CurrentVersion)
        {
            return;
        }
        if (readOnly)
        {
            if (version == 0)
            {
                unversioned = true; // an empty file opened for reading: no manifest, no runs
            }
            // An older store is read as it is: reading needs no table added since.
            return;
        }
        // BEGIN IMMEDIATE takes the write lock first, then the version is read again: two processes creating one new
        // store at the same moment migrate it once, the second finds it done.
        using var transaction = connection.BeginTransaction(deferred: false);
        var (current, currentTables) = VersionAndTables(transaction);
        RequireKnownVersion(current, currentTables);
        for (var next = current + 1; next <= SqliteSchema.CurrentVersion; next++)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = SqliteSchema.Migrations[next - 1]
                + $"\nPRAGMA user_version = {next.ToString(CultureInfo.InvariantCulture)};";
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private void RequireWritable()
    {
        if (readOnly)
        {
            throw new ResultStoreException($"{Location}: the store was opened read-only; it cannot be written.");
        }
    }

    /// <summary>
    /// journal_mode = WAL needs the database to itself for a moment; when another process is creating the same new
    /// store, SQLite answers "busy" without waiting, so this waits and tries again (up to the busy timeout).
    /// </summary>
    private void SwitchToWal()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                Pragma("journal_mode = WAL");
                return;
            }
            catch (SqliteException e) when ((e.SqliteErrorCode & 0xff) is 5 or 6 && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }
        }
    }

    private void Pragma(string pragma)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + pragma;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static object ToSqlite(object value) => value switch
    {
        bool b => b ? 1L : 0L,
        ulong u => unchecked((long)u),
        _ => value,
    };

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
        catch (SqliteException e)
        {
            throw Translate(e, verb);
        }
        catch (IOException e)
        {
            throw new ResultStoreException($"{Location}: cannot {verb} the result store: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ResultStoreException($"{Location}: cannot {verb} the result store: permission denied ({e.Message}).", e);
        }
    }

    private ResultStoreException Translate(SqliteException e, string verb)
    {
        const string NothingLost =
            "Runs committed before this batch are kept; the batch being written was rolled back and will be redone on resume.";
        var message = (e.SqliteErrorCode & 0xff) switch
        {
            13 => $"{Location}: the disk is full (or the store reached its size limit) while trying to {verb} the store. "
                + NothingLost + " Free some space, then run the same command again to resume.",
            8 => $"{Location}: the result store is read-only (file or directory not writable, or a read-only file system). "
                + "Make it writable (chmod u+w, check the mount), or write to another --out file.",
            14 => $"{Location}: cannot open the result store file (does the directory exist and is it writable?).",
            26 => $"{Location}: is not a Bosporos result store (the file is not a SQLite database).",
            11 => $"{Location}: the result store is corrupt (SQLite: {e.Message}). Restore it from a copy or start a new one.",
            5 or 6 => $"{Location}: the result store is locked by another process; wait for it to finish, or use another file.",
            10 => $"{Location}: input/output error while trying to {verb} the store ({e.Message}). "
                + "Check the disk and free space; " + NothingLost,
            _ => $"{Location}: cannot {verb} the result store: {e.Message}",
        };
        return new ResultStoreException(message, e);
    }
}
