namespace Bosporos.Analysis.Stores;

/// <summary>How a store is opened.</summary>
/// <param name="Durable">SQLite: synchronous=FULL, so committed batches also survive an OS crash or power loss
/// (the default, NORMAL, survives a killed process but may lose the last commits on power loss).</param>
/// <param name="ReadOnly">Open for reading only (reports, exports); every write fails with <see cref="ResultStoreException"/>.</param>
public sealed record ResultStoreOptions(bool Durable = false, bool ReadOnly = false)
{
    public static ResultStoreOptions Default { get; } = new();

    /// <summary>SQLite max_page_count for tests that simulate a full disk; null leaves SQLite's default.</summary>
    internal long? MaxPageCount { get; init; }

    /// <summary>
    /// Tests only: opens the file through a read-only SQLite connection while the store believes it may write, so
    /// writes fail inside SQLite exactly as on a read-only file (for machines where no file can be made read-only).
    /// </summary>
    internal bool SimulateReadOnlyFile { get; init; }
}
