namespace Bosporos.Analysis.Stores;

/// <summary>Opens a result store from a location: a file path (SQLite) or a PostgreSQL address.</summary>
public static class ResultStores
{
    /// <summary>
    /// <c>postgres://user:pass@host:port/db[?schema=name]</c>, <c>postgresql://…</c> or a <c>Host=…;Database=…</c>
    /// connection string opens a PostgreSQL store; anything else is a SQLite file path.
    /// </summary>
    public static IResultStore Open(string location) => Open(location, ResultStoreOptions.Default);

    public static IResultStore Open(string location, ResultStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(location))
        {
            throw new ResultStoreException("The result store location is empty: give a file path or a postgres:// address.");
        }
        return IsPostgres(location)
            ? PostgresResultStore.Open(location, options)
            : SqliteResultStore.Open(location, options);
    }

    /// <summary>True when <paramref name="location"/> names a PostgreSQL database rather than a file.</summary>
    public static bool IsPostgres(string location) =>
        location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || location.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
        || location.Contains(";Host=", StringComparison.OrdinalIgnoreCase)
        || location.Contains("; Host=", StringComparison.OrdinalIgnoreCase);
}
