using Bosporos.Analysis.Stores;

namespace Bosporos.Analysis.Tests.Experiments;

/// <summary>An in-memory result store honouring the store contract: idempotent appends, manifest checks, ordered reads.</summary>
internal sealed class MemoryResultStore : IResultStore
{
    private readonly SortedDictionary<(int Variant, long Run), RunRecord> rows = [];
    private ExperimentManifest? manifest;

    public int Appends { get; private set; }

    public string? CompleteDigest { get; private set; }

    public bool Disposed { get; private set; }

    public Exception? FailOnAppend { get; set; }

    public ExperimentManifest? ReadManifest() => manifest;

    public void WriteManifest(ExperimentManifest value)
    {
        if (manifest is not null && (manifest.ExperimentHash != value.ExperimentHash || manifest.ScenarioHash != value.ScenarioHash || manifest.EngineVersion != value.EngineVersion))
        {
            throw new ResultStoreException("manifest mismatch");
        }

        manifest = value;
    }

    public IReadOnlySet<(string Variant, long RunIndex)> CompletedRuns() => rows.Values.Select(r => (r.Variant, r.RunIndex)).ToHashSet();

    public void Append(IReadOnlyList<RunRecord> batch)
    {
        if (FailOnAppend is not null)
        {
            throw FailOnAppend;
        }

        Appends++;
        foreach (var r in batch)
        {
            rows.TryAdd((VariantOrder(r.Variant), r.RunIndex), r);
        }
    }

    public IEnumerable<RunRecord> ReadAll() => rows.Values.ToList();

    public void MarkComplete(string digest) => CompleteDigest = digest;

    public void Dispose() => Disposed = true;

    /// <summary>Adds rows from another store, as a merge would.</summary>
    public void MergeFrom(MemoryResultStore other)
    {
        manifest ??= other.manifest;
        Append([.. other.ReadAll()]);
    }

    private int VariantOrder(string variant)
    {
        var i = manifest?.Variants.ToList().IndexOf(variant) ?? -1;
        return i < 0 ? int.MaxValue : i;
    }
}
