using System.Globalization;
using Bosporos.Analysis.Shards;
using Bosporos.Analysis.Stores;
using Bosporos.Analysis.Tests.Stores;
using Bosporos.StoreKill;

namespace Bosporos.Analysis.Tests.Shards;

/// <summary>
/// Merges of damaged shard sets, and opens of files that are not (quite) stores, counted: every damaged merge is
/// refused with nothing left at the target, every sound one gives the one-machine digest, no foreign file is changed.
/// </summary>
public class MergeTrialTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string[] Damages =
    [
        "none", "row-outside-range", "row-moved-to-another-shard", "row-deleted", "row-edited", "unknown-variant",
        "shard-missing", "shard-given-twice", "shard-of-another-experiment", "target-disk-full",
    ];

    private const string RunColumns =
        "seed, outcome, cause, end_hour, close_siege_days, persians_ferried, assault_attacker_losses, assault_defender_losses, "
        + "canoes_launched, canoes_lost, engines_lost, towers_burned, roman_losses, host_losses, persian_losses, "
        + "min_wall_integrity_permille, envoys_caught, signal_learned, state_hash";

    [Fact]
    public void Damaged_merges_are_refused_and_leave_no_target_sound_ones_match_one_machine()
    {
        var random = new Random(626);
        var whole = SyntheticRuns.Manifest(120);
        var reference = ExperimentDigest.Compute(SyntheticRuns.Rows(whole, withParameters: true));
        int tried = 0, refused = 0, merged = 0, lost = 0;
        foreach (var trial in Enumerable.Range(0, 40))
        {
            using var dir = new TempDir();
            var damage = Damages[trial % Damages.Length];
            var n = random.Next(2, 6);
            var inputs = Enumerable.Range(0, n).Select(k => WriteShard(dir, whole, k, n)).ToList();
            var victim = inputs[random.Next(n)];
            var options = ResultStoreOptions.Default;
            var k0 = inputs.IndexOf(victim);
            var range = Shard.Range(whole.RunCount, k0, n);
            switch (damage)
            {
                case "row-outside-range":
                    StoreSafetyTests.Execute(victim, $"INSERT INTO runs SELECT variant, {(range.End % whole.RunCount) + 0}, {RunColumns} FROM runs WHERE run_index = {range.First} AND variant = 'baseline' AND {range.End} < {whole.RunCount}");
                    if (range.End >= whole.RunCount)
                    {
                        StoreSafetyTests.Execute(victim, $"INSERT INTO runs SELECT variant, 0, {RunColumns} FROM runs WHERE run_index = {range.First} AND variant = 'baseline'");
                    }
                    break;
                case "row-moved-to-another-shard":
                    StoreSafetyTests.Execute(victim, $"UPDATE runs SET run_index = {(range.First == 0 ? whole.RunCount - 1 : 0)} WHERE run_index = {range.First} AND variant = 'no-signal'");
                    break;
                case "row-deleted":
                    StoreSafetyTests.Execute(victim, $"DELETE FROM runs WHERE run_index = {range.End - 1} AND variant = 'baseline'");
                    break;
                case "row-edited":
                    StoreSafetyTests.Execute(victim, $"UPDATE runs SET roman_losses = roman_losses + 1 WHERE run_index = {range.First}");
                    break;
                case "unknown-variant":
                    StoreSafetyTests.Execute(victim, $"UPDATE runs SET variant = 'no-fleat' WHERE run_index = {range.First} AND variant = 'no-signal'");
                    break;
                case "shard-missing":
                    inputs.Remove(victim);
                    break;
                case "shard-given-twice":
                    var copy = dir.File("copy.db");
                    File.Copy(victim, copy);
                    inputs.Add(copy);
                    break;
                case "shard-of-another-experiment":
                    inputs[k0] = WriteShard(dir, SyntheticRuns.Manifest(120, experimentHash: "other"), k0, n, "other");
                    break;
                case "target-disk-full":
                    options = new ResultStoreOptions { MaxPageCount = 8 };
                    break;
            }

            var target = dir.File("merged.db");
            tried++;
            try
            {
                var result = Shard.Merge(inputs, target, options);
                merged++;
                if (damage != "none" || result.Digest != reference)
                {
                    lost++;
                    output.WriteLine($"trial {trial} ({damage}): merged with digest {result.Digest}");
                }
            }
            catch (ResultStoreException e)
            {
                refused++;
                Assert.True(damage != "none", $"trial {trial}: a sound merge was refused: {e.Message}");
                Assert.False(File.Exists(target), $"trial {trial} ({damage}): a refused merge left {target}");
                Assert.Empty(Directory.GetFiles(dir.Path, ".merged.db*"));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"merges: {tried} tried ({Damages.Length - 1} kinds of damage and sound sets), {merged} merged, {refused} refused, {lost} wrong or partial targets"));
        Assert.Equal(0, lost);
        Assert.Equal(tried / Damages.Length, merged);
    }

    [Fact]
    public void Files_that_are_not_stores_are_refused_and_never_changed()
    {
        var probes = new (string Name, Action<string> Make)[]
        {
            ("text file", p => File.WriteAllText(p, new string('x', 5000))),
            ("another program's database", p => StoreSafetyTests.Execute(p, "PRAGMA journal_mode = DELETE; CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('Bonus')")),
            ("WAL database of another program", p => StoreSafetyTests.Execute(p, "PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1); PRAGMA wal_checkpoint(TRUNCATE);")),
            ("lookalike, columns missing", p => StoreSafetyTests.Execute(p, "PRAGMA journal_mode = DELETE; CREATE TABLE manifest (id INTEGER); CREATE TABLE runs (variant TEXT); CREATE TABLE run_parameters (variant TEXT); PRAGMA user_version = 1")),
            ("lookalike, a table missing", p => StoreSafetyTests.Execute(p, "PRAGMA journal_mode = DELETE; CREATE TABLE manifest (id INTEGER); PRAGMA user_version = 2")),
            ("store of a newer version", p => StoreSafetyTests.Execute(p, "PRAGMA journal_mode = DELETE; CREATE TABLE x (y); PRAGMA user_version = 99")),
        };
        int tried = 0, refused = 0, changed = 0;
        foreach (var (name, make) in probes)
        {
            foreach (var readOnly in new[] { false, true })
            {
                using var dir = new TempDir();
                var path = dir.File("probe.db");
                make(path);
                var before = Directory.GetFiles(dir.Path).ToDictionary(f => f, File.ReadAllBytes);
                tried++;
                var error = Assert.Throws<ResultStoreException>(() =>
                {
                    using var store = ResultStores.Open(path, new ResultStoreOptions(ReadOnly: readOnly));
                    store.ReadManifest();
                });
                refused++;
                Assert.DoesNotContain("SQLite Error", error.Message, StringComparison.Ordinal);
                var after = Directory.GetFiles(dir.Path).ToDictionary(f => f, File.ReadAllBytes);
                if (!before.Keys.Order().SequenceEqual(after.Keys.Order()) || before.Any(b => !b.Value.SequenceEqual(after[b.Key])))
                {
                    changed++;
                    output.WriteLine($"{name} (read-only {readOnly}) was changed: {string.Join(", ", after.Keys.Select(Path.GetFileName))}");
                }
            }
        }

        output.WriteLine($"probes: {tried} opens of {probes.Length} kinds of foreign file, {refused} refused, {changed} changed");
        Assert.Equal(0, changed);
    }

    private static string WriteShard(TempDir dir, ExperimentManifest whole, int k, int n, string prefix = "shard")
    {
        var manifest = Shard.ForShard(whole, k, n);
        var path = dir.File($"{prefix}-{k}-of-{n}.db");
        using var store = ResultStores.Open(path);
        store.WriteManifest(manifest);
        store.Append(SyntheticRuns.Rows(manifest, withParameters: true).ToList());
        store.MarkComplete(ExperimentDigest.Compute(store.ReadAll()));
        return path;
    }
}
