using System.Reflection;
using System.Runtime.CompilerServices;
using Bosporos.Analysis.Stores;
using Npgsql;
using Xunit.Sdk;

namespace Bosporos.Analysis.Tests.Stores;

/// <summary>A scratch directory removed at the end of a test.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bosporos-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>
/// Where a conformance test keeps its store: a fresh SQLite file, or a fresh schema in the PostgreSQL database named by
/// BOSPOROS_TEST_POSTGRES (see tests/postgres-setup.sh).
/// </summary>
public sealed class StoreHarness : IDisposable
{
    public const string PostgresVariable = "BOSPOROS_TEST_POSTGRES";
    private readonly TempDir? dir;
    private readonly string? schema;

    private StoreHarness(string kind)
    {
        Kind = kind;
        if (kind == "sqlite")
        {
            dir = new TempDir();
            Location = dir.File("store.db");
        }
        else
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable)
                ?? throw new InvalidOperationException($"{PostgresVariable} is not set");
            schema = "t_" + Guid.NewGuid().ToString("N")[..16];
            Location = server + (server.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "schema=" + schema;
        }
    }

    public string Kind { get; }

    public string Location { get; }

    public static StoreHarness Create(string kind) => new(kind);

    public IResultStore Open(ResultStoreOptions? options = null) => ResultStores.Open(Location, options ?? ResultStoreOptions.Default);

    public void Dispose()
    {
        dir?.Dispose();
        if (schema is not null)
        {
            var (builder, _) = PostgresResultStore.Parse(Location);
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE";
            command.ExecuteNonQuery();
        }
    }

    public static IEnumerable<object[]> Sqlite => [["sqlite"]];
}

/// <summary>Supplies the "postgres" store kind to a theory, skipped with a reason when no test server is configured.</summary>
public sealed class PostgresKindAttribute : DataAttribute
{
    public PostgresKindAttribute()
    {
        Skip = SkipReasons.Postgres(Environment.GetEnvironmentVariable(StoreHarness.PostgresVariable));
    }

    // A skipped row carries its reason in its argument (xUnit shows 50 characters of it), so that `dotnet test` at its
    // default verbosity shows why: "kind: "skipped: BOSPOROS_TEST_POSTGRES not set"".
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Skip is null ? "postgres" : $"skipped: {StoreHarness.PostgresVariable} not set"]];
}

/// <summary>
/// Why a test is skipped, and its name with the reason in it: `dotnet test` at its default verbosity prints a skipped
/// test's name with [SKIP] but not the reason, so the reason goes into the name.
/// </summary>
public static class SkipReasons
{
    public static string? Postgres(string? variable) => string.IsNullOrEmpty(variable)
        ? $"{StoreHarness.PostgresVariable} is not set: run `source tests/postgres-setup.sh` to start a throw-away PostgreSQL server"
        : null;

    public static string DisplayName(string? typeName, string test, string reason) =>
        $"{(typeName is null ? string.Empty : typeName + ".")}{test} [skipped: {reason}]";
}

/// <summary>A fact that needs a PostgreSQL test server.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute([CallerMemberName] string test = "", [CallerFilePath] string file = "")
    {
        if (SkipReasons.Postgres(Environment.GetEnvironmentVariable(StoreHarness.PostgresVariable)) is { } reason)
        {
            Skip = reason;
            DisplayName = SkipReasons.DisplayName(Path.GetFileNameWithoutExtension(file), test, reason);
        }
    }
}

/// <summary>A fact that needs root with the right to mount (a tiny tmpfs to fill the disk for real).</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute([CallerMemberName] string test = "", [CallerFilePath] string file = "")
    {
        if (!CanMount())
        {
            Skip = "needs root on Linux with CAP_SYS_ADMIN (mounts a tiny tmpfs to fill a disk for real); "
                + "the max_page_count test covers the same path without it";
            DisplayName = SkipReasons.DisplayName(Path.GetFileNameWithoutExtension(file), test, Skip);
        }
    }

    private static bool CanMount()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return false;
        }
        try
        {
            // CapEff is a hexadecimal bit set; CAP_SYS_ADMIN is bit 21.
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("CapEff:", StringComparison.Ordinal));
            return line is not null
                && ulong.TryParse(line["CapEff:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, null, out var caps)
                && (caps & (1UL << 21)) != 0;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
