using Bosporos.Analysis.Stores;
using Bosporos.StoreKill;

namespace Bosporos.Analysis.Tests.Stores;

/// <summary>The behaviour every result store must have; each test runs against SQLite and (when configured) PostgreSQL.</summary>
public class StoreConformanceTests
{
    [Theory]
    [MemberData(nameof(StoreHarness.Sqlite), MemberType = typeof(StoreHarness))]
    [PostgresKind]
    public void New_store_is_empty(string kind)
    {
        using var h = StoreHarness.Create(kind);
        using var store = h.Open();
        Assert.Null(store.ReadManifest());
        Assert.Empty(store.CompletedRuns());
        Assert.Empty(store.ReadAll());
        Assert.Null(store.CompletedDigest);
    }

    [Theory]
    [MemberData(nameof(StoreHarness.Sqlite), MemberType = typeof(StoreHarness))]
    [PostgresKind]
    public void Manifest_survives_reopening(string kind)
    {
        using var h = StoreHarness.Create(kind);
        var manifest = SyntheticRuns.Manifest(40, ["baseline", "no-signal", "early-fleet"], shardIndex: 1, shardCount: 3, firstRun: 13, endRun: 26)
            with
        { MasterSeed = ulong.MaxValue - 5 };
        using (var store = h.Open())
        {
            store.WriteManifest(manifest);
        }
        using var reopened = h.Open();
        Assert.Equal(manifest, reopened.ReadManifest());
    }

    [Theory]
    [MemberData(nameof(StoreHarness.Sqlite), MemberType = typeof(StoreHarness))]
    [PostgresKind]
    public void Rows_come_back_equal_in_variant_then_run_order(string kind)
    {
        using var h = StoreHarness.Create(kind);
        var manifest = SyntheticRuns.Manifest(30, ["no-signal", "baseline"]);
        var expected = SyntheticRuns.Rows(manifest, withParameters: true).ToList();
        using (var store = h.Open())
        {
            store.WriteManifest(manifest);
            // Out of order, in uneven batches, as parallel workers would deliver them.
            var shuffled = expected.OrderBy(r => SplitHash(r.RunIndex, r.Variant)).ToList();
            store.Append(shuffled.Take(17).ToList());
            store.Append(shuffled.Skip(17).Take(1).ToList());
            store.Append(shuffled.Skip(18).ToList());
        }
        using var reopened = h.Open();
        var actual = reopened.ReadAll().ToList();
        Assert.Equal(expected, actual);
        Assert.Equal("no-signal", actual[0].Variant);
        Assert.Equal(ExperimentDigest.Compute(expected), ExperimentDigest.Compute(actual));
    }

    [Theory]
    [MemberData(nameof(StoreHarness.Sqlite), MemberType = typeof(StoreHarness))]
    [PostgresKind]
    public void Extreme_values_round_trip(string kind)
    {
        using var h = StoreHarness.Create(kind);
        var manifest = SyntheticRuns.Manifest(2, ["baseline"]);
        var row = SyntheticRuns.Row("baseline", 1) with
        {
            Seed = ulong.MaxValue,
            StateHash = 0x8000_0000_0000_0000UL,
            EndHour = int.MaxValue,
            RomanLosses = int.MinValue,
            Outcome = "négotiated \"quoted\", with commas",
            Parameters = new Dictionary<string, decimal>
            {
                ["combat.defender-lethality"] = 0.350m,
                ["contingents.field-troops.strength"] = -12000.000001m,
                ["tiny"] = 0.0000000000000000000000000001m,
            },
        };
        using var store = h.Open();
        store.WriteManifest(manifest);
        store.Append([row]);
        var back = Assert.Single(store.ReadAll());
        Assert.Equal(row, back);
        Assert.Equal(ExperimentDigest.Compute([row]), ExperimentDigest.Compute([back]));
    }

    [Theory]
    [MemberData(nameof(StoreHarness.Sqlite), MemberType = typeof(StoreHarness))]
    [PostgresKind]
    public void Append_is_idempotent_on_variant_and_run_index(string kind)
    {
        using var h = StoreHarness.Create(kind);
        var manifest = SyntheticRuns.Manifest(20);
        var rows = SyntheticRuns.Rows(manifest, withParameters: true).ToList();
        using var store = h.Open();
        store.WriteManifest(manifest);
        store.Append(rows.Take(10).ToList());
        store.Append(rows.Take(10).ToList());
        store.Append(rows.Skip(5).Take(20).ToList());
        // A replayed row with different values does not overwrite the stored one.
        store.Append([rows[0] with { Outcome = "fallen-again", Parameters = new Dictionary<string, decimal> { ["x"] = 1m } }]);
        store.Append(rows);
        var back = store.ReadAll().ToList();
        Assert.Equal(rows, back);
        Assert.Equal(rows.Count, store.CompletedRuns().Count);
    }

    [Theory]
    [MemberData(nameof(StoreHarness.Sqlite), MemberType = typeof(StoreHarness))]
    [PostgresKind]
    public void Completed_runs_tell_a_resume_what_to_skip(string kind)
    {
        using var h = StoreHarness.Create(kind);
        var manifest = SyntheticRuns.Manifest(10);
        using (var store = h.Open())
        {
            store.WriteManifest(manifest);
            store.Append([SyntheticRuns.Row("baseline", 3), SyntheticRuns.Row("no-signal", 7), SyntheticRuns.Row("baseline", 9)]);
        }
        using var reopened = h.Open();
        reopened.WriteManifest(manifest); // a resume writes the same manifest again
        var done = reopened.CompletedRuns();
        Assert.Equal(3, done.Count);
        Assert.Contains(("baseline", 3L), done);
        Assert.Contains(("no-signal", 7L), done);
        Assert.Contains(("baseline", 9L), done);
    }

    public static TheoryData<string, string, string> Mismatches => new()
    {
        { "sqlite", "engine", "engine version differs (store: 0.1.0-test, now: 0.2.0)" },
        { "sqlite", "scenario", "scenario hash differs" },
        { "sqlite", "experiment", "experiment hash differs" },
        { "sqlite", "seed", "master seed differs (store: 626, now: 627)" },
        { "sqlite", "range", "run range differs (store: [0, 10), now: [0, 5))" },
        { "sqlite", "variants", "variants differs (store: baseline,no-signal, now: baseline)" },
    };

    [Theory]
    [MemberData(nameof(Mismatches))]
    public void A_store_of_another_experiment_is_refused(string kind, string what, string expectedText)
    {
        using var h = StoreHarness.Create(kind);
        var manifest = SyntheticRuns.Manifest(10);
        using (var store = h.Open())
        {
            store.WriteManifest(manifest);
            store.Append([SyntheticRuns.Row("baseline", 0)]);
        }
        var other = what switch
        {
            "engine" => manifest with { EngineVersion = "0.2.0" },
            "scenario" => manifest with { ScenarioHash = "ffff" },
            "experiment" => manifest with { ExperimentHash = "eeee" },
            "seed" => manifest with { MasterSeed = 627 },
            "range" => manifest with { EndRun = 5 },
            "variants" => manifest with { Variants = ["baseline"] },
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };
        using var reopened = h.Open();
        var error = Assert.Throws<ResultStoreException>(() => reopened.WriteManifest(other));
        Assert.Contains(expectedText, error.Message, StringComparison.Ordinal);
        Assert.Contains("must not be mixed", error.Message, StringComparison.Ordinal);
        Assert.Equal(manifest, reopened.ReadManifest());
        Assert.Single(reopened.ReadAll());
    }

    [Theory]
    [MemberData(nameof(StoreHarness.Sqlite), MemberType = typeof(StoreHarness))]
    [PostgresKind]
    public void Engine_version_mismatch_is_refused(string kind)
    {
        using var h = StoreHarness.Create(kind);
        using (var store = h.Open())
        {
            store.WriteManifest(SyntheticRuns.Manifest(10));
        }
        using var reopened = h.Open();
        var error = Assert.Throws<ResultStoreException>(() => reopened.WriteManifest(SyntheticRuns.Manifest(10, engineVersion: "9.9.9")));
        Assert.Contains("engine version differs", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StoreHarness.Sqlite), MemberType = typeof(StoreHarness))]
    [PostgresKind]
    public void Invalid_manifest_is_refused(string kind)
    {
        using var h = StoreHarness.Create(kind);
        using var store = h.Open();
        var error = Assert.Throws<ResultStoreException>(() =>
            store.WriteManifest(SyntheticRuns.Manifest(10, ["baseline", "baseline"], shardIndex: 3, shardCount: 2)));
        Assert.Contains("variant names repeat", error.Message, StringComparison.Ordinal);
        Assert.Contains("shard 3/2 is not a valid k/N", error.Message, StringComparison.Ordinal);
        Assert.Null(store.ReadManifest());
    }

    [Theory]
    [MemberData(nameof(StoreHarness.Sqlite), MemberType = typeof(StoreHarness))]
    [PostgresKind]
    public void Append_before_manifest_is_refused(string kind)
    {
        using var h = StoreHarness.Create(kind);
        using var store = h.Open();
        var error = Assert.Throws<ResultStoreException>(() => store.Append([SyntheticRuns.Row("baseline", 0)]));
        Assert.Contains("before the experiment manifest is written", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StoreHarness.Sqlite), MemberType = typeof(StoreHarness))]
    [PostgresKind]
    public void A_batch_with_a_bad_row_is_refused_whole(string kind)
    {
        using var h = StoreHarness.Create(kind);
        using var store = h.Open();
        store.WriteManifest(SyntheticRuns.Manifest(10, shardIndex: 0, shardCount: 2, firstRun: 0, endRun: 5));
        var unknownVariant = Assert.Throws<ResultStoreException>(() =>
            store.Append([SyntheticRuns.Row("baseline", 0), SyntheticRuns.Row("mystery", 1)]));
        Assert.Contains("variant 'mystery', which the manifest does not list", unknownVariant.Message, StringComparison.Ordinal);
        var outside = Assert.Throws<ResultStoreException>(() =>
            store.Append([SyntheticRuns.Row("baseline", 1), SyntheticRuns.Row("baseline", 5)]));
        Assert.Contains("run 5 of 'baseline' lies outside this store's run range [0, 5)", outside.Message, StringComparison.Ordinal);
        var nullRow = Assert.Throws<ResultStoreException>(() => store.Append([null!]));
        Assert.Contains("null row", nullRow.Message, StringComparison.Ordinal);
        var nullParameters = Assert.Throws<ResultStoreException>(() => store.Append([SyntheticRuns.Row("baseline", 2) with { Parameters = null! }]));
        Assert.Contains("no parameter dictionary", nullParameters.Message, StringComparison.Ordinal);
        Assert.Empty(store.ReadAll());
    }

    [Theory]
    [MemberData(nameof(StoreHarness.Sqlite), MemberType = typeof(StoreHarness))]
    [PostgresKind]
    public void Mark_complete_records_the_digest_and_refuses_garbage(string kind)
    {
        using var h = StoreHarness.Create(kind);
        using (var store = h.Open())
        {
            var early = Assert.Throws<ResultStoreException>(() => store.MarkComplete(new string('a', 64)));
            Assert.Contains("before its manifest is written", early.Message, StringComparison.Ordinal);
            var manifest = SyntheticRuns.Manifest(5);
            store.WriteManifest(manifest);
            store.Append(SyntheticRuns.Rows(manifest).ToList());
            var bad = Assert.Throws<ResultStoreException>(() => store.MarkComplete("ABC"));
            Assert.Contains("is not a result digest", bad.Message, StringComparison.Ordinal);
            Assert.Null(store.CompletedDigest);
            store.MarkComplete(ExperimentDigest.Compute(store.ReadAll()));
        }
        using var reopened = h.Open();
        Assert.Equal(ExperimentDigest.Compute(reopened.ReadAll()), reopened.CompletedDigest);
    }

    [Theory]
    [MemberData(nameof(StoreHarness.Sqlite), MemberType = typeof(StoreHarness))]
    [PostgresKind]
    public void A_store_opened_read_only_refuses_writes_but_reads(string kind)
    {
        using var h = StoreHarness.Create(kind);
        var manifest = SyntheticRuns.Manifest(4);
        using (var store = h.Open())
        {
            store.WriteManifest(manifest);
            store.Append([SyntheticRuns.Row("baseline", 0)]);
        }
        using var reader = h.Open(new ResultStoreOptions(ReadOnly: true));
        Assert.Equal(manifest, reader.ReadManifest());
        Assert.Single(reader.ReadAll());
        var error = Assert.Throws<ResultStoreException>(() => reader.Append([SyntheticRuns.Row("baseline", 1)]));
        Assert.Contains("opened read-only", error.Message, StringComparison.Ordinal);
        Assert.Throws<ResultStoreException>(() => reader.MarkComplete(new string('0', 64)));
    }

    private static ulong SplitHash(long index, string variant) =>
        Kernel.Randomness.SplitMix64.Mix((ulong)index * 7919 + (ulong)variant.Length);
}
