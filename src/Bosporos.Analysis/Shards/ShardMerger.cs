using System.Globalization;
using Bosporos.Analysis.Stores;

namespace Bosporos.Analysis.Shards;

internal static class ShardMerger
{
    private const int BatchSize = 5000;

    public static MergeResult Merge(IEnumerable<string> inputs, string output, ResultStoreOptions outputOptions)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(output);
        var locations = inputs.ToList();
        if (locations.Count == 0)
        {
            throw new ResultStoreException("Nothing to merge: give at least one shard store.");
        }
        var repeated = locations.GroupBy(Normalize).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new ResultStoreException($"{repeated.First()} is given more than once; give each shard store once.");
        }
        if (locations.Any(l => Normalize(l) == Normalize(output)))
        {
            throw new ResultStoreException($"{output}: the merge output must not be one of its inputs; choose a new file.");
        }

        // Inputs are opened one at a time (a sweep may have thousands of shards; file handles are limited).
        var shards = new List<(string Location, ExperimentManifest Manifest)>();
        foreach (var location in locations)
        {
            using var store = OpenInput(location);
            var manifest = store.ReadManifest() ?? throw new ResultStoreException(
                $"{location}: has no experiment manifest (was the shard ever started?); it cannot be merged.");
            shards.Add((location, manifest));
        }

        var first = shards[0];
        foreach (var shard in shards.Skip(1))
        {
            RequireSameSweep(first.Location, first.Manifest, shard.Location, shard.Manifest);
        }
        RequireExactCover(shards);

        // Every input is checked in full before anything is written: complete, no row outside its range or of an
        // unknown variant, rows equal to the digest recorded when the shard completed.
        foreach (var (location, manifest) in shards)
        {
            using var store = OpenInput(location);
            RequireComplete(location, store, manifest);
        }

        var whole = first.Manifest with
        {
            ShardIndex = 0,
            ShardCount = 1,
            FirstRun = 0,
            EndRun = first.Manifest.RunCount,
            Machine = string.Join(", ", shards.Select(s => s.Manifest.Machine).Distinct(StringComparer.Ordinal)),
            CreatedUtc = shards.Min(s => s.Manifest.CreatedUtc),
        };
        var ordered = shards.OrderBy(s => s.Manifest.FirstRun).Select(s => s.Location).ToList();

        if (ResultStores.IsPostgres(output))
        {
            // A database has no rename of a whole store: the inputs are sound, so only the server can fail mid-way,
            // and the target then has no digest (a merge run again completes it).
            var (rows, digest) = WriteMerged(output, outputOptions, whole, ordered);
            return new MergeResult(whole, rows, digest, locations);
        }

        // SQLite: the merge goes to a temporary file beside the target, which replaces the target only when complete.
        var full = Path.GetFullPath(output);
        if (File.Exists(full) && new FileInfo(full).Length > 0)
        {
            using var existing = ResultStores.Open(output, new ResultStoreOptions(ReadOnly: true));
            if (existing.ReadManifest() is { } stored)
            {
                ManifestRules.RequireSameExperiment(stored, whole, output);
            }
        }
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            throw new ResultStoreException($"{output}: cannot create the merged store: directory '{directory}' does not exist. Create it first.");
        }
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.merging-{Guid.NewGuid():N}");
        try
        {
            var (rows, digest) = WriteMerged(temporary, outputOptions, whole, ordered);
            File.Move(temporary, full, overwrite: true);
            return new MergeResult(whole, rows, digest, locations);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ResultStoreException($"{output}: cannot write the merged store: {e.Message}. Nothing was left at {output}.", e);
        }
        finally
        {
            foreach (var leftover in new[] { temporary, temporary + "-wal", temporary + "-shm", temporary + "-journal" })
            {
                TryDelete(leftover);
            }
        }
    }

    private static (long Rows, string Digest) WriteMerged(string output, ResultStoreOptions options, ExperimentManifest whole, IReadOnlyList<string> inputs)
    {
        using var target = ResultStores.Open(output, options);
        if (target.ReadManifest() is { } stored && target.CompletedDigest is { } done)
        {
            ManifestRules.RequireSameExperiment(stored, whole, output);
            return (whole.ExpectedRows, done); // the same merge, already complete
        }
        target.WriteManifest(whole);
        var batch = new List<RunRecord>(BatchSize);
        foreach (var location in inputs)
        {
            using var store = OpenInput(location);
            foreach (var row in store.ReadAll())
            {
                batch.Add(row);
                if (batch.Count == BatchSize)
                {
                    target.Append(batch);
                    batch.Clear();
                }
            }
            target.Append(batch);
            batch.Clear();
        }

        var rows = 0L;
        using var digest = new ExperimentDigest.Accumulator();
        foreach (var row in target.ReadAll())
        {
            digest.Add(row);
            rows++;
        }
        if (rows != whole.ExpectedRows)
        {
            throw new ResultStoreException(
                $"{output}: after merging it holds {rows} rows where {whole.ExpectedRows} were expected; "
                + "it already held rows of another merge? Merge into a new store.");
        }
        var result = digest.Finish();
        target.MarkComplete(result);
        return (rows, result);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static IResultStore OpenInput(string location) => ResultStores.Open(location, new ResultStoreOptions(ReadOnly: true));

    private static void RequireSameSweep(string aLocation, ExperimentManifest a, string bLocation, ExperimentManifest b)
    {
        var differences = new List<string>();
        void Compare(string what, string x, string y)
        {
            if (!string.Equals(x, y, StringComparison.Ordinal))
            {
                differences.Add($"{what} ({x} vs {y})");
            }
        }

        Compare("engine version", a.EngineVersion, b.EngineVersion);
        Compare("scenario hash", a.ScenarioHash, b.ScenarioHash);
        Compare("experiment hash", a.ExperimentHash, b.ExperimentHash);
        Compare("experiment id", a.ExperimentId, b.ExperimentId);
        Compare("master seed", a.MasterSeed.ToString(CultureInfo.InvariantCulture), b.MasterSeed.ToString(CultureInfo.InvariantCulture));
        Compare("run count", a.RunCount.ToString(CultureInfo.InvariantCulture), b.RunCount.ToString(CultureInfo.InvariantCulture));
        Compare("variants", string.Join(",", a.Variants), string.Join(",", b.Variants));
        Compare("mode", a.Mode, b.Mode);
        Compare("shard count", a.ShardCount.ToString(CultureInfo.InvariantCulture), b.ShardCount.ToString(CultureInfo.InvariantCulture));
        if (differences.Count > 0)
        {
            throw new ResultStoreException(
                $"{aLocation} and {bLocation} are shards of different sweeps and cannot be merged: differing "
                + string.Join("; ", differences) + ".");
        }
    }

    private static void RequireExactCover(List<(string Location, ExperimentManifest Manifest)> shards)
    {
        foreach (var (location, manifest) in shards)
        {
            var expected = Shard.Range(manifest.RunCount, manifest.ShardIndex, manifest.ShardCount);
            if (expected != new RunRange(manifest.FirstRun, manifest.EndRun))
            {
                throw new ResultStoreException(
                    $"{location}: shard {manifest.ShardIndex}/{manifest.ShardCount} claims runs {new RunRange(manifest.FirstRun, manifest.EndRun)} "
                    + $"but that shard covers {expected}; the file was not written by a Bosporos sweep.");
            }
        }
        var twice = shards.GroupBy(s => s.Manifest.ShardIndex).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            var names = twice.Select(s => s.Location).ToList();
            throw new ResultStoreException(
                $"{names[0]} and {names[1]} overlap: both are shard {twice.Key}/{twice.First().Manifest.ShardCount}; give each shard once.");
        }
        var ordered = shards.OrderBy(s => s.Manifest.FirstRun).ThenBy(s => s.Manifest.EndRun).ToList();
        var runCount = ordered[0].Manifest.RunCount;
        var covered = 0L;
        string? previous = null;
        foreach (var (location, manifest) in ordered)
        {
            if (manifest.FirstRun < covered)
            {
                throw new ResultStoreException(
                    $"{previous} and {location} overlap: both hold runs "
                    + $"{new RunRange(manifest.FirstRun, Math.Min(covered, manifest.EndRun))} (shard {manifest.ShardIndex}/{manifest.ShardCount} given twice?).");
            }
            if (manifest.FirstRun > covered)
            {
                throw new ResultStoreException(
                    $"runs {new RunRange(covered, manifest.FirstRun)} are missing: no input covers them. "
                    + $"Add the missing shard store(s) ({MissingShards(covered, manifest.FirstRun, manifest)}).");
            }
            covered = manifest.EndRun;
            previous = location;
        }
        if (covered < runCount)
        {
            var last = ordered[^1].Manifest;
            throw new ResultStoreException(
                $"runs {new RunRange(covered, runCount)} are missing: no input covers them. "
                + $"Add the missing shard store(s) ({MissingShards(covered, runCount, last)}).");
        }
    }

    private static string MissingShards(long from, long to, ExperimentManifest any)
    {
        var missing = new List<string>();
        for (long k = 0; k < any.ShardCount && missing.Count < 10; k++)
        {
            var range = Shard.Range(any.RunCount, k, any.ShardCount);
            if (range.Count > 0 && range.First >= from && range.End <= to)
            {
                missing.Add($"{k}/{any.ShardCount}");
            }
        }
        return missing.Count == 0 ? "shards of an empty range" : "shard " + string.Join(", ", missing);
    }

    private static void RequireComplete(string location, IResultStore store, ExperimentManifest manifest)
    {
        var done = store.CompletedRuns();
        var variants = new HashSet<string>(manifest.Variants, StringComparer.Ordinal);
        var strays = done.Where(key => !variants.Contains(key.Variant) || key.RunIndex < manifest.FirstRun || key.RunIndex >= manifest.EndRun)
            .OrderBy(key => key.Variant, StringComparer.Ordinal).ThenBy(key => key.RunIndex).ToList();
        if (strays.Count > 0)
        {
            var shown = string.Join(", ", strays.Take(3).Select(key => variants.Contains(key.Variant)
                ? $"run {key.RunIndex} of '{key.Variant}'"
                : $"run {key.RunIndex} of '{key.Variant}', a variant its manifest does not list"));
            throw new ResultStoreException(
                $"{location}: shard {manifest.ShardIndex}/{manifest.ShardCount} holds {strays.Count} row(s) outside its runs "
                + $"{new RunRange(manifest.FirstRun, manifest.EndRun)} ({shown}{(strays.Count > 3 ? ", ..." : "")}); "
                + "the file was changed after the run, or is not this shard. Re-run the shard into a new store. Nothing was written.");
        }
        if (done.Count != manifest.ExpectedRows)
        {
            var missing = manifest.Variants
                .SelectMany(v => LongRange(manifest.FirstRun, manifest.EndRun).Select(k => (Variant: v, RunIndex: k)))
                .First(key => !done.Contains(key));
            throw new ResultStoreException(
                $"{location}: shard {manifest.ShardIndex}/{manifest.ShardCount} is incomplete: it holds {done.Count} of "
                + $"{manifest.ExpectedRows} runs (first missing: run {missing.RunIndex} of '{missing.Variant}'). "
                + "Resume it (run the same shard command again) before merging. Nothing was written.");
        }
        if (store.CompletedDigest is { } recorded && ExperimentDigest.Compute(store.ReadAll()) is var actual && actual != recorded)
        {
            throw new ResultStoreException(
                $"{location}: its rows do not match the digest recorded when the shard completed "
                + $"({recorded[..12]}… recorded, {actual[..12]}… now); the file was changed after the run. Re-run the shard. "
                + "Nothing was written.");
        }
    }

    private static IEnumerable<long> LongRange(long first, long end)
    {
        for (var k = first; k < end; k++)
        {
            yield return k;
        }
    }

    private static string Normalize(string location) =>
        ResultStores.IsPostgres(location) ? location : Path.GetFullPath(location);
}
