using System.Diagnostics;
using Bosporos.Analysis.Stores;
using Bosporos.StoreKill;
using Microsoft.Data.Sqlite;

namespace Bosporos.Analysis.Tests.Stores;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class SqliteStoreTests
{
    [Fact]
    public void Store_uses_wal_with_normal_sync_and_full_sync_when_durable()
    {
        using var dir = new TempDir();
        using (var store = SqliteResultStore.Open(dir.File("a.db")))
        {
            Assert.Equal("wal", store.PragmaValue("journal_mode"));
            Assert.Equal("1", store.PragmaValue("synchronous")); // NORMAL
            Assert.Equal(SqliteSchema.CurrentVersion, store.SchemaVersion);
        }
        using var durable = SqliteResultStore.Open(dir.File("b.db"), new ResultStoreOptions(Durable: true));
        Assert.Equal("2", durable.PragmaValue("synchronous")); // FULL
    }

    [Fact]
    public void Open_through_result_stores_gives_sqlite_for_a_path()
    {
        using var dir = new TempDir();
        using var store = ResultStores.Open(dir.File("x.db"));
        Assert.IsType<SqliteResultStore>(store);
        Assert.Equal(dir.File("x.db"), store.Location);
    }

    [Fact]
    public void Empty_location_is_refused()
    {
        var error = Assert.Throws<ResultStoreException>(() => ResultStores.Open(" "));
        Assert.Contains("location is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_directory_is_refused_with_a_hint()
    {
        using var dir = new TempDir();
        var error = Assert.Throws<ResultStoreException>(() => ResultStores.Open(dir.File("nowhere/x.db")));
        Assert.Contains("does not exist. Create it first", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_is_not_a_store()
    {
        using var dir = new TempDir();
        var error = Assert.Throws<ResultStoreException>(() => ResultStores.Open(dir.Path));
        Assert.Contains("is a directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_only_open_of_a_missing_store_is_refused()
    {
        using var dir = new TempDir();
        var error = Assert.Throws<ResultStoreException>(() => ResultStores.Open(dir.File("none.db"), new ResultStoreOptions(ReadOnly: true)));
        Assert.Contains("no such result store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_sqlite_is_refused()
    {
        using var dir = new TempDir();
        var path = dir.File("notes.db");
        File.WriteAllText(path, new string('x', 4096));
        var error = Assert.Throws<ResultStoreException>(() => ResultStores.Open(path));
        Assert.Contains("not a Bosporos result store (the file is not a SQLite database)", error.Message, StringComparison.Ordinal);
        Assert.Equal(new string('x', 4096), File.ReadAllText(path));
    }

    [Fact]
    public void Another_programs_sqlite_database_is_refused()
    {
        using var dir = new TempDir();
        var path = dir.File("other.db");
        Execute(path, "CREATE TABLE people (name TEXT)");
        var error = Assert.Throws<ResultStoreException>(() => ResultStores.Open(path));
        Assert.Contains("not a Bosporos result store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_from_a_newer_schema_is_refused()
    {
        using var dir = new TempDir();
        var path = dir.File("future.db");
        using (ResultStores.Open(path))
        {
        }
        Execute(path, "PRAGMA user_version = 99");
        var error = Assert.Throws<ResultStoreException>(() => ResultStores.Open(path));
        Assert.Contains("schema version 99, newer than this Bosporos understands", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_migrated_and_reported_at_the_current_version()
    {
        using var dir = new TempDir();
        var path = dir.File("empty.db");
        File.WriteAllBytes(path, []);
        using (var reader = SqliteResultStore.Open(path, new ResultStoreOptions(ReadOnly: true)))
        {
            Assert.Null(reader.ReadManifest()); // read-only leaves it alone
        }
        using var store = SqliteResultStore.Open(path);
        Assert.Equal(SqliteSchema.CurrentVersion, store.SchemaVersion);
        Assert.Equal("ok", store.IntegrityCheck());
    }

    [Fact]
    public void A_corrupt_manifest_variant_list_gives_a_clear_error()
    {
        using var dir = new TempDir();
        var path = dir.File("bad.db");
        using (var store = ResultStores.Open(path))
        {
            store.WriteManifest(SyntheticRuns.Manifest(3));
        }
        Execute(path, "UPDATE manifest SET variants_json = '[oops'");
        using var reopened = ResultStores.Open(path);
        var error = Assert.Throws<ResultStoreException>(() => reopened.ReadManifest());
        Assert.Contains("variant list is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_only_file_gives_a_clear_error_keeps_its_rows_and_resumes_once_writable()
    {
        using var dir = new TempDir();
        var path = dir.File("ro.db");
        var manifest = SyntheticRuns.Manifest(20);
        var rows = SyntheticRuns.Rows(manifest).ToList();
        using (var store = ResultStores.Open(path))
        {
            store.WriteManifest(manifest);
            store.Append(rows.Take(10).ToList());
        }
        // chmod a-w; root ignores permission bits, so there the file is also made immutable (chattr +i, ext4/xfs/tmpfs).
        // Where neither works (root on a file system without chattr, as in some containers), the write goes through a
        // read-only SQLite connection instead, which fails the same way inside SQLite.
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var root = Environment.UserName == "root";
        var immutable = root && Chattr("+i", path);
        try
        {
            var options = root && !immutable ? new ResultStoreOptions { SimulateReadOnlyFile = true } : ResultStoreOptions.Default;
            var error = Assert.Throws<ResultStoreException>(() =>
            {
                using var store = SqliteResultStore.Open(path, options);
                store.WriteManifest(manifest);
                store.Append(rows.Skip(10).ToList());
            });
            Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
            Assert.Contains("chmod u+w", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            if (immutable)
            {
                Chattr("-i", path);
            }
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        }
        using var resumed = SqliteResultStore.Open(path);
        Assert.Equal(rows.Take(10), resumed.ReadAll());
        resumed.WriteManifest(manifest);
        resumed.Append(rows.Where(r => !resumed.CompletedRuns().Contains((r.Variant, r.RunIndex))).ToList());
        Assert.Equal(rows, resumed.ReadAll());
        Assert.Equal("ok", resumed.IntegrityCheck());
    }

    [Fact]
    public void A_write_refused_by_sqlite_itself_is_reported_as_read_only()
    {
        using var dir = new TempDir();
        var path = dir.File("ro2.db");
        var manifest = SyntheticRuns.Manifest(4);
        using (var store = ResultStores.Open(path))
        {
            store.WriteManifest(manifest);
        }
        using var readOnly = SqliteResultStore.Open(path, new ResultStoreOptions { SimulateReadOnlyFile = true });
        var error = Assert.Throws<ResultStoreException>(() => readOnly.Append([SyntheticRuns.Row("baseline", 0)]));
        Assert.Contains("the result store is read-only (file or directory not writable", error.Message, StringComparison.Ordinal);
        Assert.Empty(readOnly.ReadAll());
    }

    [Fact]
    public void A_full_store_gives_a_clear_error_loses_nothing_committed_and_resumes()
    {
        // Simulates a full disk with SQLite's max_page_count (SQLITE_FULL, the error a full disk gives);
        // the root-only test below fills a real tmpfs.
        using var dir = new TempDir();
        var path = dir.File("full.db");
        var manifest = SyntheticRuns.Manifest(4000);
        var rows = SyntheticRuns.Rows(manifest, withParameters: true).ToList();
        var committed = 0;
        var error = Assert.Throws<ResultStoreException>(() =>
        {
            using var store = SqliteResultStore.Open(path, new ResultStoreOptions { MaxPageCount = 40 });
            store.WriteManifest(manifest);
            foreach (var batch in rows.Chunk(50))
            {
                store.Append(batch);
                committed += batch.Length;
            }
        });
        Assert.Contains("the disk is full", error.Message, StringComparison.Ordinal);
        Assert.Contains("run the same command again to resume", error.Message, StringComparison.Ordinal);
        Assert.InRange(committed, 50, rows.Count - 1);

        using var resumed = SqliteResultStore.Open(path);
        Assert.Equal("ok", resumed.IntegrityCheck());
        Assert.Equal(rows.Take(committed), resumed.ReadAll());
        Resume(resumed, manifest, rows);
    }

    [RootFact]
    public void A_really_full_disk_gives_a_clear_error_and_resumes_after_space_is_freed()
    {
        using var dir = new TempDir();
        var mount = dir.File("small");
        Directory.CreateDirectory(mount);
        RunTool("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mount);
        try
        {
            var path = Path.Combine(mount, "full.db");
            var manifest = SyntheticRuns.Manifest(20000);
            var rows = SyntheticRuns.Rows(manifest, withParameters: true).ToList();
            var committed = 0;
            var error = Assert.Throws<ResultStoreException>(() =>
            {
                using var store = SqliteResultStore.Open(path);
                store.WriteManifest(manifest);
                foreach (var batch in rows.Chunk(100))
                {
                    store.Append(batch);
                    committed += batch.Length;
                }
            });
            Assert.Matches("disk is full|input/output error", error.Message);
            Assert.InRange(committed, 100, rows.Count - 1);

            // Free space: move the store to a roomy directory (what a user would do), then resume there.
            var moved = dir.File("moved.db");
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                if (File.Exists(path + suffix))
                {
                    File.Copy(path + suffix, moved + suffix);
                }
            }
            using var resumed = SqliteResultStore.Open(moved);
            Assert.Equal("ok", resumed.IntegrityCheck());
            var kept = resumed.ReadAll().ToList();
            Assert.True(kept.Count >= committed, $"{committed} runs were acknowledged, {kept.Count} kept");
            Assert.Equal(rows.Take(kept.Count), kept);
            Resume(resumed, manifest, rows);
        }
        finally
        {
            RunTool("umount", "-l", mount);
        }
    }

    private static void Resume(SqliteResultStore store, ExperimentManifest manifest, List<RunRecord> rows)
    {
        store.WriteManifest(manifest);
        var done = store.CompletedRuns();
        foreach (var batch in rows.Where(r => !done.Contains((r.Variant, r.RunIndex))).Chunk(500))
        {
            store.Append(batch);
        }
        Assert.Equal(ExperimentDigest.Compute(rows), ExperimentDigest.Compute(store.ReadAll()));
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static bool Chattr(string flag, string path)
    {
        try
        {
            RunTool("chattr", flag, path);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void RunTool(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {tool}");
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed: {stderr}");
        }
    }
}
