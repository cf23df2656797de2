using Bosporos.Analysis.Shards;
using Bosporos.Analysis.Stores;
using Bosporos.Analysis.Tests.Stores;
using Bosporos.StoreKill;
using CsCheck;

namespace Bosporos.Analysis.Tests.Shards;

public class ShardTests
{
    [Fact]
    public void Ranges_are_contiguous_and_cover_every_run_exactly_once()
    {
        Gen.Select(Gen.Long[0, 1_000_000_000_000_000], Gen.Long[1, 5000]).Sample((count, n) =>
        {
            var next = 0L;
            var smallest = long.MaxValue;
            var largest = 0L;
            for (var k = 0L; k < n; k++)
            {
                var range = Shard.Range(count, k, n);
                Assert.Equal(next, range.First);
                Assert.True(range.End >= range.First);
                smallest = Math.Min(smallest, range.Count);
                largest = Math.Max(largest, range.Count);
                next = range.End;
            }
            Assert.Equal(count, next);
            Assert.True(largest - smallest <= 1, "shards differ in size by at most one run");
        }, iter: 2000);
    }

    [Fact]
    public void Ranges_match_the_floor_formula_on_small_cases()
    {
        Gen.Select(Gen.Long[0, 100_000], Gen.Long[1, 300]).Sample((count, n) =>
        {
            var k = count % n;
            Assert.Equal(new RunRange(count * k / n, count * (k + 1) / n), Shard.Range(count, k, n));
        }, iter: 2000);
        Assert.Equal(new RunRange(0, 0), Shard.Range(0, 0, 1));
        Assert.Equal(new RunRange(1, 3), Shard.Range(3, 1, 2)); // ⌊3·1/2⌋ = 1, ⌊3·2/2⌋ = 3
        Assert.Equal(new RunRange(0, 1), Shard.Range(3, 0, 2));
    }

    [Theory]
    [InlineData(-1, 0, 1, "count")]
    [InlineData(10, 0, 0, "n")]
    [InlineData(10, 2, 2, "k")]
    [InlineData(10, -1, 2, "k")]
    public void Bad_range_arguments_are_refused(long count, long k, long n, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Shard.Range(count, k, n));
        Assert.Equal(parameter, error.ParamName);
    }

    [Theory]
    [InlineData("3/16", 3, 16)]
    [InlineData("0/1", 0, 1)]
    public void Shard_text_parses(string text, long k, long n) => Assert.Equal((k, n), Shard.Parse(text));

    [Theory]
    [InlineData("3", "is not a shard: write k/N")]
    [InlineData("a/b", "is not a shard")]
    [InlineData("-1/4", "is not a shard")]
    [InlineData("1/2/3", "is not a shard")]
    [InlineData("4/4", "must be less than N (shards are numbered 0 to 3)")]
    [InlineData("0/0", "must be at least 1")]
    public void Bad_shard_text_is_refused(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => Shard.Parse(text));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void Merged_shards_equal_a_single_run(int shardCount)
    {
        using var dir = new TempDir();
        var whole = SyntheticRuns.Manifest(103, ["baseline", "no-signal", "late-fleet"]);
        var single = dir.File("single.db");
        string singleDigest;
        using (var store = ResultStores.Open(single))
        {
            store.WriteManifest(whole);
            store.Append(SyntheticRuns.Rows(whole, withParameters: true).ToList());
            singleDigest = ExperimentDigest.Compute(store.ReadAll());
        }

        var inputs = WriteShards(dir, whole, shardCount);
        inputs.Reverse(); // order of the inputs does not matter
        var merged = dir.File("merged.db");
        var result = Shard.Merge(inputs, merged);

        Assert.Equal(singleDigest, result.Digest);
        Assert.Equal(whole.ExpectedRows, result.Rows);
        using var check = ResultStores.Open(merged);
        var manifest = check.ReadManifest()!;
        Assert.Equal((0L, 1L, 0L, whole.RunCount), (manifest.ShardIndex, manifest.ShardCount, manifest.FirstRun, manifest.EndRun));
        Assert.Equal(whole.ExperimentHash, manifest.ExperimentHash);
        using var reference = ResultStores.Open(single);
        Assert.Equal(reference.ReadAll(), check.ReadAll());
        Assert.Equal(singleDigest, check.CompletedDigest);
    }

    [Fact]
    public void More_shards_than_runs_leaves_empty_shards_that_still_merge()
    {
        using var dir = new TempDir();
        var whole = SyntheticRuns.Manifest(3, ["baseline"]);
        var inputs = WriteShards(dir, whole, 7);
        var result = Shard.Merge(inputs, dir.File("merged.db"));
        Assert.Equal(ExperimentDigest.Compute(SyntheticRuns.Rows(whole, withParameters: true)), result.Digest);
    }

    [Fact]
    public void Shard_stores_carry_their_shard_in_the_manifest()
    {
        using var dir = new TempDir();
        var whole = SyntheticRuns.Manifest(10);
        var inputs = WriteShards(dir, whole, 3);
        using var store = ResultStores.Open(inputs[1], new ResultStoreOptions(ReadOnly: true));
        var manifest = store.ReadManifest()!;
        Assert.Equal((1L, 3L, 3L, 6L), (manifest.ShardIndex, manifest.ShardCount, manifest.FirstRun, manifest.EndRun));
    }

    [Fact]
    public void Mismatched_manifests_are_refused()
    {
        using var dir = new TempDir();
        var whole = SyntheticRuns.Manifest(20);
        var a = WriteShard(dir, whole, 0, 2);
        var b = WriteShard(dir, whole with { ScenarioHash = "0000beef" }, 1, 2);
        var error = Assert.Throws<ResultStoreException>(() => Shard.Merge([a, b], dir.File("m.db")));
        Assert.Contains("are shards of different sweeps", error.Message, StringComparison.Ordinal);
        Assert.Contains("scenario hash", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("m.db")));
    }

    [Fact]
    public void Different_shard_counts_are_refused()
    {
        using var dir = new TempDir();
        var whole = SyntheticRuns.Manifest(20);
        var a = WriteShard(dir, whole, 0, 2);
        var b = WriteShard(dir, whole, 2, 4);
        var error = Assert.Throws<ResultStoreException>(() => Shard.Merge([a, b], dir.File("m.db")));
        Assert.Contains("shard count (2 vs 4)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_shard_is_named()
    {
        using var dir = new TempDir();
        var whole = SyntheticRuns.Manifest(30);
        var inputs = WriteShards(dir, whole, 3);
        var error = Assert.Throws<ResultStoreException>(() => Shard.Merge([inputs[0], inputs[2]], dir.File("m.db")));
        Assert.Contains("runs [10, 20) are missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("shard 1/3", error.Message, StringComparison.Ordinal);
        var tail = Assert.Throws<ResultStoreException>(() => Shard.Merge([inputs[0], inputs[1]], dir.File("m2.db")));
        Assert.Contains("runs [20, 30) are missing", tail.Message, StringComparison.Ordinal);
        Assert.Contains("shard 2/3", tail.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_shard_twice_is_an_overlap()
    {
        using var dir = new TempDir();
        var whole = SyntheticRuns.Manifest(30);
        var inputs = WriteShards(dir, whole, 3);
        var copy = dir.File("copy-of-1.db");
        File.Copy(inputs[1], copy);
        var error = Assert.Throws<ResultStoreException>(() => Shard.Merge([.. inputs, copy], dir.File("m.db")));
        Assert.Contains("overlap", error.Message, StringComparison.Ordinal);
        Assert.Contains("shard 1/3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shard_claiming_a_wrong_range_is_refused()
    {
        using var dir = new TempDir();
        var whole = SyntheticRuns.Manifest(30);
        var a = WriteShard(dir, whole, 0, 2);
        var forged = WriteShard(dir, whole with { ShardIndex = 1, ShardCount = 2, FirstRun = 10, EndRun = 30 }, null, null);
        var error = Assert.Throws<ResultStoreException>(() => Shard.Merge([a, forged], dir.File("m.db")));
        Assert.Contains("claims runs [10, 30) but that shard covers [15, 30)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_incomplete_shard_is_refused_with_the_first_missing_run()
    {
        using var dir = new TempDir();
        var whole = SyntheticRuns.Manifest(20);
        var a = WriteShard(dir, whole, 0, 2);
        var b = dir.File("partial.db");
        using (var store = ResultStores.Open(b))
        {
            var manifest = Shard.ForShard(whole, 1, 2);
            store.WriteManifest(manifest);
            store.Append(SyntheticRuns.Rows(manifest).Where(r => r.RunIndex != 13 || r.Variant != "no-signal").ToList());
        }
        var error = Assert.Throws<ResultStoreException>(() => Shard.Merge([a, b], dir.File("m.db")));
        Assert.Contains("is incomplete: it holds 19 of 20 runs (first missing: run 13 of 'no-signal')", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resume it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shard_changed_after_completion_is_refused()
    {
        using var dir = new TempDir();
        var whole = SyntheticRuns.Manifest(20);
        var a = WriteShard(dir, whole, 0, 2);
        var b = WriteShard(dir, whole, 1, 2);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={b};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE runs SET outcome = 'fallen' WHERE run_index = 12";
            command.ExecuteNonQuery();
        }
        var error = Assert.Throws<ResultStoreException>(() => Shard.Merge([a, b], dir.File("m.db")));
        Assert.Contains("do not match the digest recorded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_without_manifest_is_refused()
    {
        using var dir = new TempDir();
        var empty = dir.File("empty.db");
        using (ResultStores.Open(empty))
        {
        }
        var error = Assert.Throws<ResultStoreException>(() => Shard.Merge([empty], dir.File("m.db")));
        Assert.Contains("has no experiment manifest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Argument_mistakes_are_refused()
    {
        using var dir = new TempDir();
        var whole = SyntheticRuns.Manifest(20);
        var a = WriteShard(dir, whole, 0, 1);
        Assert.Contains("Nothing to merge", Assert.Throws<ResultStoreException>(() => Shard.Merge([], dir.File("m.db"))).Message, StringComparison.Ordinal);
        Assert.Contains("more than once", Assert.Throws<ResultStoreException>(() => Shard.Merge([a, a], dir.File("m.db"))).Message, StringComparison.Ordinal);
        Assert.Contains("must not be one of its inputs", Assert.Throws<ResultStoreException>(() => Shard.Merge([a], a)).Message, StringComparison.Ordinal);
        Assert.Contains("no such result store", Assert.Throws<ResultStoreException>(() => Shard.Merge([dir.File("nope.db")], dir.File("m.db"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merging_into_a_store_of_another_experiment_is_refused()
    {
        using var dir = new TempDir();
        var whole = SyntheticRuns.Manifest(20);
        var inputs = WriteShards(dir, whole, 2);
        var output = dir.File("m.db");
        using (var other = ResultStores.Open(output))
        {
            other.WriteManifest(SyntheticRuns.Manifest(20, experimentHash: "another"));
        }
        var error = Assert.Throws<ResultStoreException>(() => Shard.Merge(inputs, output));
        Assert.Contains("experiment hash differs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merging_twice_into_the_same_output_is_idempotent()
    {
        using var dir = new TempDir();
        var whole = SyntheticRuns.Manifest(20);
        var inputs = WriteShards(dir, whole, 2);
        var output = dir.File("m.db");
        var first = Shard.Merge(inputs, output);
        var second = Shard.Merge(inputs, output);
        Assert.Equal(first.Digest, second.Digest);
        Assert.Equal(first.Rows, second.Rows);
    }

    private static List<string> WriteShards(TempDir dir, ExperimentManifest whole, int n) =>
        Enumerable.Range(0, n).Select(k => WriteShard(dir, whole, k, n)).ToList();

    private static string WriteShard(TempDir dir, ExperimentManifest whole, long? k, long? n)
    {
        var manifest = k is { } index && n is { } count ? Shard.ForShard(whole, index, count) : whole;
        var path = dir.File($"shard-{manifest.ShardIndex}-of-{manifest.ShardCount}-{Guid.NewGuid():N}.db");
        using var store = ResultStores.Open(path);
        store.WriteManifest(manifest);
        // Finish out of order, in small batches, as parallel workers do.
        foreach (var batch in SyntheticRuns.Rows(manifest, withParameters: true).Reverse().Chunk(7))
        {
            store.Append(batch);
        }
        store.MarkComplete(ExperimentDigest.Compute(store.ReadAll()));
        return path;
    }
}
