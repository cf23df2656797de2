namespace Bosporos.Analysis.Stores;

/// <summary>Where the runs of one experiment (or one shard of it) are kept so that a killed sweep can resume.</summary>
public interface IResultStore : IDisposable
{
    /// <summary>The manifest, or null for a new, empty store.</summary>
    ExperimentManifest? ReadManifest();

    /// <summary>
    /// Records the manifest of a new store. On a store that already has one, accepts the same experiment (resume) and
    /// refuses a different engine version, scenario hash, experiment hash, master seed or run range with
    /// <see cref="ResultStoreException"/>.
    /// </summary>
    void WriteManifest(ExperimentManifest manifest);

    /// <summary>The (variant, run index) pairs already stored: what a resumed sweep skips.</summary>
    IReadOnlySet<(string Variant, long RunIndex)> CompletedRuns();

    /// <summary>Stores a batch in one transaction; rows already present are left as they are (idempotent).</summary>
    void Append(IReadOnlyList<RunRecord> batch);

    /// <summary>All rows, ordered by the manifest's variant order, then by run index.</summary>
    IEnumerable<RunRecord> ReadAll();

    /// <summary>Marks the store finished with the digest of its rows (see <see cref="ExperimentDigest"/>).</summary>
    void MarkComplete(string digest);

    /// <summary>The digest given to <see cref="MarkComplete"/>, or null while the store is unfinished.</summary>
    string? CompletedDigest => null;

    /// <summary>Where the store is, for messages (a file path, or a PostgreSQL address without the password).</summary>
    string Location => "(in memory)";
}
