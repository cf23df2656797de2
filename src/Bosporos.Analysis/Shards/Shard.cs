using System.Globalization;
using Bosporos.Analysis.Stores;

namespace Bosporos.Analysis.Shards;

/// <summary>A half-open range of run indices [First, End).</summary>
public readonly record struct RunRange(long First, long End)
{
    public long Count => End - First;

    public bool Contains(long runIndex) => runIndex >= First && runIndex < End;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{First}, {End})");
}

/// <summary>
/// The shard contract shared by local process pools, Slurm job arrays and Kubernetes Indexed Jobs: shard k of N runs
/// indices [⌊C·k/N⌋, ⌊C·(k+1)/N⌋). Ranges are contiguous and cover [0, C) exactly, and a run's result never depends on
/// which shard ran it, so merged shards equal one machine's run.
/// </summary>
public static class Shard
{
    /// <summary>The run range of shard <paramref name="k"/> of <paramref name="n"/> over <paramref name="count"/> runs.</summary>
    public static RunRange Range(long count, long k, long n)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "the run count must not be negative");
        }
        if (n < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "the shard count must be at least 1");
        }
        if (k < 0 || k >= n)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"the shard index must lie in [0, {n})");
        }
        // 128-bit products: C·k overflows 64 bits for large sweeps split many ways.
        var first = (long)((Int128)count * k / n);
        var end = (long)((Int128)count * (k + 1) / n);
        return new RunRange(first, end);
    }

    /// <summary>Parses the command-line form "k/N" (for example "3/16"); throws <see cref="FormatException"/> with a clear message.</summary>
    public static (long Index, long Count) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            throw new FormatException($"'{text}' is not a shard: write k/N, for example 0/16 (k counts from 0).");
        }
        if (n < 1)
        {
            throw new FormatException($"'{text}': the shard count N must be at least 1.");
        }
        if (k >= n)
        {
            throw new FormatException($"'{text}': the shard index k must be less than N (shards are numbered 0 to {n - 1}).");
        }
        return (k, n);
    }

    /// <summary>The manifest of shard <paramref name="k"/> of <paramref name="n"/> of the experiment <paramref name="whole"/>.</summary>
    public static ExperimentManifest ForShard(ExperimentManifest whole, long k, long n)
    {
        ArgumentNullException.ThrowIfNull(whole);
        var range = Range(whole.RunCount, k, n);
        return whole with { ShardIndex = k, ShardCount = n, FirstRun = range.First, EndRun = range.End };
    }

    /// <summary>
    /// Merges shard stores into <paramref name="output"/>: refuses mismatched manifests, overlapping or missing ranges
    /// and incomplete shards with <see cref="ResultStoreException"/>; the output holds the same rows and digest as a
    /// single run of the whole experiment, and is marked complete with that digest.
    /// </summary>
    public static MergeResult Merge(IEnumerable<string> inputs, string output) => ShardMerger.Merge(inputs, output, ResultStoreOptions.Default);

    public static MergeResult Merge(IEnumerable<string> inputs, string output, ResultStoreOptions outputOptions) =>
        ShardMerger.Merge(inputs, output, outputOptions);
}

/// <summary>What a merge produced.</summary>
public sealed record MergeResult(ExperimentManifest Manifest, long Rows, string Digest, IReadOnlyList<string> Inputs);
