using System.Net;
using System.Net.Sockets;
using Bosporos.Analysis.Shards;
using Bosporos.Analysis.Stores;
using Bosporos.StoreKill;
using Npgsql;

namespace Bosporos.Analysis.Tests.Stores;

public class PostgresStoreTests
{
    [Theory]
    [InlineData("postgres://alice:s%40cret@db.example:6543/sweeps?schema=run_626", "db.example", 6543, "sweeps", "alice", "s@cret", "run_626")]
    [InlineData("postgresql://bob@localhost/results", "localhost", 5432, "results", "bob", null, "public")]
    [InlineData("Host=10.0.0.5;Port=5433;Database=r;Username=u;Password=p;Search Path=exp_1", "10.0.0.5", 5433, "r", "u", "p", "exp_1")]
    public void Locations_parse_into_connection_settings(string location, string host, int port, string database, string user, string? password, string schema)
    {
        Assert.True(ResultStores.IsPostgres(location));
        var (builder, parsedSchema) = PostgresResultStore.Parse(location);
        Assert.Equal(host, builder.Host);
        Assert.Equal(port, builder.Port);
        Assert.Equal(database, builder.Database);
        Assert.Equal(user, builder.Username);
        Assert.Equal(password, builder.Password);
        Assert.Equal(schema, parsedSchema);
    }

    [Theory]
    [InlineData("results.db")]
    [InlineData("/data/postgres/results.db")]
    [InlineData("C:\\runs\\Host=x.db")]
    public void File_paths_are_not_postgres(string location) => Assert.False(ResultStores.IsPostgres(location));

    [Theory]
    [InlineData("postgres://u:p@host:5432/", "names no database")]
    [InlineData("postgres://u:p@host:5432/db?schema=Bad-Name", "is not a usable schema name")]
    [InlineData("postgres://u:p@host:5432/db?colour=blue", "unknown parameter 'colour'")]
    [InlineData("Host=h;Nonsense=1", "Not a valid PostgreSQL connection string")]
    [InlineData("postgres://u:p@:5432/db", "is not a valid PostgreSQL address")]
    public void Bad_locations_are_refused_clearly(string location, string expected)
    {
        var error = Assert.Throws<ResultStoreException>(() => ResultStores.Open(location));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Passwords_never_appear_in_messages()
    {
        var error = Assert.Throws<ResultStoreException>(() => ResultStores.Open("postgres://u:hunter2@host:5432/"));
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        var refused = Assert.Throws<ResultStoreException>(() => ResultStores.Open($"postgres://u:hunter2@127.0.0.1:{ClosedPort()}/db"));
        Assert.DoesNotContain("hunter2", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_server_gives_a_clear_error()
    {
        var error = Assert.Throws<ResultStoreException>(() => ResultStores.Open($"postgres://u:p@127.0.0.1:{ClosedPort()}/db"));
        Assert.Contains("cannot open the PostgreSQL result store", error.Message, StringComparison.Ordinal);
        Assert.Contains("Is the server running and reachable", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionRefused", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void Open_through_result_stores_gives_postgres_and_a_schema_version()
    {
        using var h = StoreHarness.Create("postgres");
        using var store = h.Open();
        var postgres = Assert.IsType<PostgresResultStore>(store);
        Assert.Equal(PostgresResultStore.Migrations.Count, postgres.SchemaVersion);
        Assert.DoesNotContain("unused", store.Location, StringComparison.Ordinal); // the test password
        Assert.StartsWith("postgres://bosporos@127.0.0.1:", store.Location, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void A_missing_database_is_named()
    {
        var server = Environment.GetEnvironmentVariable(StoreHarness.PostgresVariable)!;
        var location = server[..(server.LastIndexOf('/') + 1)] + "no_such_database";
        var error = Assert.Throws<ResultStoreException>(() => ResultStores.Open(location));
        Assert.Contains("the database does not exist", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void Read_only_open_of_an_empty_schema_is_refused()
    {
        using var h = StoreHarness.Create("postgres");
        var error = Assert.Throws<ResultStoreException>(() => h.Open(new ResultStoreOptions(ReadOnly: true)));
        Assert.Contains("no result store in schema", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void A_store_from_a_newer_schema_is_refused()
    {
        using var h = StoreHarness.Create("postgres");
        using (var store = (PostgresResultStore)h.Open())
        {
            Execute(h.Location, $"INSERT INTO \"{store.Schema}\".schema_version (version) VALUES (42)");
        }
        var error = Assert.Throws<ResultStoreException>(() => h.Open());
        Assert.Contains("schema version 42, newer than this Bosporos understands", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void A_read_only_server_session_gives_a_clear_error_and_keeps_committed_rows()
    {
        using var h = StoreHarness.Create("postgres");
        var manifest = SyntheticRuns.Manifest(10);
        using (var store = h.Open())
        {
            store.WriteManifest(manifest);
            store.Append([SyntheticRuns.Row("baseline", 0)]);
        }
        var (builder, schema) = PostgresResultStore.Parse(h.Location);
        builder.Options = "-c default_transaction_read_only=on";
        using (var readOnly = ResultStores.Open(builder.ConnectionString + $";Search Path={schema}"))
        {
            var error = Assert.Throws<ResultStoreException>(() => readOnly.Append([SyntheticRuns.Row("baseline", 1)]));
            Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
        }
        using var again = h.Open();
        Assert.Single(again.ReadAll());
        again.Append([SyntheticRuns.Row("baseline", 1)]);
        Assert.Equal(2, again.ReadAll().Count());
    }

    [PostgresFact]
    public void Shards_in_sqlite_merge_into_postgres_with_the_same_digest()
    {
        using var dir = new TempDir();
        using var h = StoreHarness.Create("postgres");
        var whole = SyntheticRuns.Manifest(50);
        var inputs = new List<string>();
        for (var k = 0; k < 3; k++)
        {
            var path = dir.File($"s{k}.db");
            using var store = ResultStores.Open(path);
            var manifest = Shard.ForShard(whole, k, 3);
            store.WriteManifest(manifest);
            store.Append(SyntheticRuns.Rows(manifest, withParameters: true).ToList());
            inputs.Add(path);
        }
        var result = Shard.Merge(inputs, h.Location);
        Assert.Equal(ExperimentDigest.Compute(SyntheticRuns.Rows(whole, withParameters: true)), result.Digest);
        using var merged = h.Open();
        Assert.Equal(result.Digest, merged.CompletedDigest);
    }

    private static void Execute(string location, string sql)
    {
        var (builder, _) = PostgresResultStore.Parse(location);
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
