using System.Diagnostics;
using System.Text;
using Bosporos.Analysis.Exporters;
using Bosporos.Analysis.Shards;
using Bosporos.Analysis.Stores;
using Bosporos.StoreKill;
using Microsoft.Data.Sqlite;

namespace Bosporos.Analysis.Tests.Stores;

/// <summary>Passwords never reach a message or a file; foreign files are left alone; one writer at a time; merges never leave half a store.</summary>
public class StoreSafetyTests
{
    private const string Secret = "Tr0ub4dor-626";

    [Theory]
    [InlineData("postgres://bosporos:" + Secret + "@db.example:5432/results?schema=cf", "postgres://bosporos:***@db.example:5432/results?schema=cf")]
    [InlineData("error: postgresql://u:" + Secret + "@h/db holds another experiment", "error: postgresql://u:***@h/db holds another experiment")]
    [InlineData("Host=db;Username=u;Password=" + Secret + ";Database=r", "Host=db;Username=u;Password=***;Database=r")]
    [InlineData("Host=db; PWD = '" + Secret + ";x'; Database=r", "Host=db; PWD = ***; Database=r")]
    [InlineData("postgres://h/db?password=" + Secret + "&schema=a", "postgres://h/db?password=***&schema=a")]
    [InlineData("bosporos experiment resume 'postgres://u:" + Secret + "@h/db'", "bosporos experiment resume 'postgres://u:***@h/db'")]
    [InlineData("results/cf.db", "results/cf.db")]
    public void Passwords_are_masked_in_locations_and_connection_strings(string text, string expected)
    {
        Assert.Equal(expected, Credentials.Redact(text));
        Assert.DoesNotContain(Secret, Credentials.Redact(text), StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_error_never_carries_the_password()
    {
        var error = new ResultStoreException($"postgres://u:{Secret}@h/db holds results of another experiment");
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        Assert.Contains("postgres://u:***@h/db", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exported_files_keep_the_command_line_without_the_password()
    {
        using var dir = new TempDir();
        var manifest = SyntheticRuns.Manifest(20);
        var location = $"postgres://bosporos:{Secret}@127.0.0.1:5432/results?schema=cf";
        var result = ResultExport.Write(manifest, SyntheticRuns.Rows(manifest), dir.File("cf"), commandLine: ["bosporos", "experiment", "export", location]);
        Assert.Contains("postgres://bosporos:***@127.0.0.1:5432/results?schema=cf", result.Provenance.CommandLine);
        foreach (var file in Directory.GetFiles(dir.Path))
        {
            var text = Encoding.UTF8.GetString(File.ReadAllBytes(file));
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        }
        Assert.Contains("***@127.0.0.1", File.ReadAllText(result.SidecarPath), StringComparison.Ordinal);
    }

    [Fact]
    public void A_foreign_database_is_refused_without_being_touched()
    {
        using var dir = new TempDir();
        var path = dir.File("other.db");
        Execute(path, "PRAGMA journal_mode = DELETE; CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('Sergius')");
        var before = File.ReadAllBytes(path);
        var error = Assert.Throws<ResultStoreException>(() => ResultStores.Open(path));
        Assert.Contains("not a Bosporos result store", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["other.db"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_lookalike_schema_is_refused_by_name_not_with_a_raw_sqlite_error()
    {
        using var dir = new TempDir();
        var path = dir.File("lookalike.db");
        Execute(path, "PRAGMA journal_mode = DELETE; CREATE TABLE manifest (id INTEGER PRIMARY KEY, experiment_id TEXT); "
            + "CREATE TABLE runs (variant TEXT, run_index INTEGER); CREATE TABLE run_parameters (variant TEXT); PRAGMA user_version = 1;");
        var before = File.ReadAllBytes(path);
        foreach (var readOnly in new[] { false, true })
        {
            var error = Assert.Throws<ResultStoreException>(() =>
            {
                using var store = ResultStores.Open(path, new ResultStoreOptions(ReadOnly: readOnly));
                store.ReadManifest();
            });
            Assert.Contains("not a Bosporos result store", error.Message, StringComparison.Ordinal);
            Assert.Contains("table 'manifest' lacks the column(s) engine_version", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("no such column", error.Message, StringComparison.Ordinal);
        }
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void A_store_of_schema_version_1_is_read_as_it_is_and_upgraded_when_written()
    {
        using var dir = new TempDir();
        var path = dir.File("v1.db");
        using (var store = ResultStores.Open(path))
        {
            store.WriteManifest(SyntheticRuns.Manifest(4));
            store.Append([SyntheticRuns.Row("baseline", 0)]);
        }
        Execute(path, "DROP TABLE writer_lease; PRAGMA user_version = 1;");
        using (var reader = SqliteResultStore.Open(path, new ResultStoreOptions(ReadOnly: true)))
        {
            Assert.Equal(1, reader.SchemaVersion);
            Assert.Single(reader.ReadAll());
        }
        using var writer = SqliteResultStore.Open(path);
        Assert.Equal(SqliteSchema.CurrentVersion, writer.SchemaVersion);
        writer.Append([SyntheticRuns.Row("baseline", 1)]);
        Assert.Equal(2, writer.ReadAll().Count());
    }

    [Fact]
    public void A_second_writer_is_refused_until_the_first_is_done()
    {
        using var dir = new TempDir();
        var path = dir.File("one.db");
        using (var first = ResultStores.Open(path))
        {
            first.WriteManifest(SyntheticRuns.Manifest(4));
            var error = Assert.Throws<ResultStoreException>(() => ResultStores.Open(path));
            Assert.Contains("another Bosporos process is writing this store", error.Message, StringComparison.Ordinal);
            Assert.Contains($"process {Environment.ProcessId}", error.Message, StringComparison.Ordinal);
            using var reader = ResultStores.Open(path, new ResultStoreOptions(ReadOnly: true)); // readers are welcome
            Assert.NotNull(reader.ReadManifest());
        }
        using var second = ResultStores.Open(path);
        second.Append([SyntheticRuns.Row("baseline", 0)]);
        Assert.Single(second.ReadAll());
    }

    [Fact]
    public void A_store_left_by_a_killed_writer_is_taken_over_but_a_live_one_is_refused()
    {
        using var dir = new TempDir();
        var path = dir.File("killed.db");
        var helper = StartHelper(path, "20000", "50", "200");
        Assert.StartsWith("ready", helper.StandardOutput.ReadLine(), StringComparison.Ordinal);
        var refused = Assert.Throws<ResultStoreException>(() => ResultStores.Open(path));
        Assert.Contains($"process {helper.Id}", refused.Message, StringComparison.Ordinal);
        helper.Kill(entireProcessTree: true);
        helper.WaitForExit();
        using var store = ResultStores.Open(path);
        Assert.NotNull(store.ReadManifest());
    }

    [Fact]
    public async Task Two_writers_starting_on_one_new_store_give_one_writer_and_one_clear_refusal()
    {
        for (var trial = 0; trial < 3; trial++)
        {
            using var dir = new TempDir();
            var path = dir.File("new.db");
            var a = StartHelper(path, "3000", "50", "300");
            var b = StartHelper(path, "3000", "50", "300");
            var errorTasks = new[] { a, b }.Select(p => p.StandardError.ReadToEndAsync()).ToArray();
            var outputTasks = new[] { a, b }.Select(p => p.StandardOutput.ReadToEndAsync()).ToArray();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await a.WaitForExitAsync(timeout.Token);
            await b.WaitForExitAsync(timeout.Token);
            await Task.WhenAll(outputTasks);
            var errors = await Task.WhenAll(errorTasks);
            var codes = new[] { a.ExitCode, b.ExitCode };
            Assert.Contains(0, codes);
            for (var i = 0; i < 2; i++)
            {
                if (codes[i] != 0)
                {
                    Assert.Equal(1, codes[i]);
                    Assert.True(errors[i].Contains("another Bosporos process is writing this store", StringComparison.Ordinal), errors[i]);
                    Assert.DoesNotContain("SQLite Error", errors[i], StringComparison.Ordinal);
                }
            }
            using var check = SqliteResultStore.Open(path, new ResultStoreOptions(ReadOnly: true));
            Assert.Equal(6000, check.ReadAll().Count());
            Assert.Equal("ok", check.IntegrityCheck());
        }
    }

    [Fact]
    public void A_shard_with_a_row_outside_its_range_is_refused_before_anything_is_written()
    {
        using var dir = new TempDir();
        var whole = SyntheticRuns.Manifest(30);
        var inputs = WriteShards(dir, whole, 3);
        Execute(inputs[1], "INSERT INTO runs SELECT variant, 25, seed, outcome, cause, end_hour, close_siege_days, persians_ferried, "
            + "assault_attacker_losses, assault_defender_losses, canoes_launched, canoes_lost, engines_lost, towers_burned, roman_losses, "
            + "host_losses, persian_losses, min_wall_integrity_permille, envoys_caught, signal_learned, state_hash FROM runs WHERE run_index = 10 AND variant = 'baseline'");
        var output = dir.File("merged.db");
        var error = Assert.Throws<ResultStoreException>(() => Shard.Merge(inputs, output));
        Assert.Contains("holds 1 row(s) outside its runs [10, 20) (run 25 of 'baseline')", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(dir.Path, ".merged.db*"));
    }

    [Fact]
    public void A_shard_with_a_row_moved_into_another_shards_range_is_refused_and_no_target_is_left()
    {
        using var dir = new TempDir();
        var whole = SyntheticRuns.Manifest(30);
        var inputs = WriteShards(dir, whole, 3);
        Execute(inputs[0], "UPDATE runs SET run_index = 12 WHERE run_index = 3 AND variant = 'no-signal'");
        var output = dir.File("merged.db");
        var error = Assert.Throws<ResultStoreException>(() => Shard.Merge(inputs, output));
        Assert.Contains("run 12 of 'no-signal'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was written", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void A_merge_that_fails_while_writing_leaves_no_target_behind()
    {
        using var dir = new TempDir();
        var whole = SyntheticRuns.Manifest(3000);
        var inputs = WriteShards(dir, whole, 2);
        var output = dir.File("merged.db");
        var error = Assert.Throws<ResultStoreException>(() => Shard.Merge(inputs, output, new ResultStoreOptions { MaxPageCount = 30 }));
        Assert.Contains("disk is full", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(dir.Path, "*merged*"));
    }

    [PostgresFact]
    public void Postgres_refuses_a_second_writer_and_lets_one_in_after_the_first_disconnects()
    {
        using var h = StoreHarness.Create("postgres");
        using (var first = h.Open())
        {
            first.WriteManifest(SyntheticRuns.Manifest(4));
            var error = Assert.Throws<ResultStoreException>(() => h.Open());
            Assert.Contains("another Bosporos process is writing this store", error.Message, StringComparison.Ordinal);
            using var reader = h.Open(new ResultStoreOptions(ReadOnly: true));
            Assert.NotNull(reader.ReadManifest());
        }
        using var second = h.Open();
        Assert.NotNull(second.ReadManifest());
    }

    [PostgresFact]
    public void Postgres_messages_never_show_the_password()
    {
        var server = Environment.GetEnvironmentVariable(StoreHarness.PostgresVariable)!;
        var (builder, _) = PostgresResultStore.Parse(server);
        var location = $"postgres://{builder.Username}:{Secret}@{builder.Host}:{builder.Port}/no_such_database_626";
        var error = Assert.Throws<ResultStoreException>(() => ResultStores.Open(location));
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    internal static Process StartHelper(params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Bosporos.StoreKill.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        return Process.Start(info) ?? throw new InvalidOperationException("cannot start the helper");
    }

    internal static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<string> WriteShards(TempDir dir, ExperimentManifest whole, int n)
    {
        var paths = new List<string>();
        for (var k = 0; k < n; k++)
        {
            var manifest = Shard.ForShard(whole, k, n);
            var path = dir.File($"shard-{k}.db");
            using (var store = ResultStores.Open(path))
            {
                store.WriteManifest(manifest);
                store.Append(SyntheticRuns.Rows(manifest, withParameters: true).ToList());
            }
            paths.Add(path);
        }
        return paths;
    }
}

public class SkipReasonTests
{
    [Fact]
    public void A_skipped_postgres_test_names_its_reason()
    {
        var reason = SkipReasons.Postgres(null);
        Assert.NotNull(reason);
        Assert.Contains("BOSPOROS_TEST_POSTGRES is not set", reason, StringComparison.Ordinal);
        Assert.Contains("tests/postgres-setup.sh", reason, StringComparison.Ordinal);
        Assert.Null(SkipReasons.Postgres("postgres://u@h/db"));
        Assert.Equal("StoreSafetyTests.Some_test [skipped: " + reason + "]", SkipReasons.DisplayName("StoreSafetyTests", "Some_test", reason));
    }
}
