using System.Diagnostics;
using Bosporos.Analysis.Stores;
using Parquet;

namespace Bosporos.Cli.Tests;

public sealed class ExperimentCommandTests
{
    [Fact]
    public void Check_describes_the_shipped_experiment()
    {
        var r = Experiments.Run("experiment", "check", Experiments.ShippedExperiment);
        Assert.Equal(ExitCodes.Success, r.Code);
        Assert.Contains("counterfactuals-626: paired on constantinople-626, 6 variants", r.Out, StringComparison.Ordinal);
        Assert.Contains("1,000 runs each", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_reports_a_bad_experiment_file_with_its_location()
    {
        var dir = Cli.TempDir();
        var file = Path.Combine(dir, "bad.yaml");
        File.WriteAllText(file, "format: 1\nid: bad\nscenario: constantinople-626\nruns: 10\nmode: paired\nvariants:\n  - name: x\n    sett: {}\n");
        var r = Experiments.Run("experiment", "check", file);
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains(file + ":8:", r.Error, StringComparison.Ordinal);
        Assert.Contains("error BOSX", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_of_a_missing_file_fails_with_a_diagnostic()
    {
        var r = Experiments.Run("experiment", "check", Path.Combine(Cli.TempDir(), "none.yaml"));
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains("BOSX010", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_prints_the_paired_analysis_and_the_same_digest_on_one_and_two_threads()
    {
        var dir = Cli.TempDir();
        var file = Experiments.Small(dir);
        var one = Experiments.Run("experiment", "run", file, "--out", Path.Combine(dir, "one.db"), "--threads", "1");
        var two = Experiments.Run("experiment", "run", file, "--out", Path.Combine(dir, "two.db"), "--threads", "2");
        Assert.Equal(ExitCodes.Success, one.Code);
        Assert.Equal(ExitCodes.Success, two.Code);
        Assert.Equal(Experiments.Digest(one.Out), Experiments.Digest(two.Out));
        Assert.Equal(Experiments.StoreDigest(Path.Combine(dir, "one.db")), Experiments.Digest(one.Out));
        Assert.Contains("Variant no-fleet", one.Out, StringComparison.Ordinal);
        Assert.Contains("median close-siege days", one.Out, StringComparison.Ordinal);
        Assert.Contains("Where baseline and no-fleet part", one.Out, StringComparison.Ordinal);
        Assert.Contains("experiment: 72/72 runs", one.Error, StringComparison.Ordinal);
        Assert.Equal(72, Experiments.StoreRows(Path.Combine(dir, "one.db")));
    }

    [Fact]
    public void Run_with_json_format_writes_only_json_to_stdout()
    {
        var dir = Cli.TempDir();
        var r = Experiments.Run("experiment", "run", Experiments.Small(dir, runs: 6), "--out", Path.Combine(dir, "s.db"), "--format", "json");
        Assert.Equal(ExitCodes.Success, r.Code);
        using var json = System.Text.Json.JsonDocument.Parse(r.Out);
        Assert.Equal("counterfactuals-626", json.RootElement.GetProperty("experiment-id").GetString());
        Assert.Equal(5, json.RootElement.GetProperty("paired").GetProperty("comparisons").GetArrayLength());
        Assert.Equal(Experiments.Digest(r.Error), json.RootElement.GetProperty("digest").GetString());
    }

    [Fact]
    public void Runs_option_replaces_the_files_run_count()
    {
        var dir = Cli.TempDir();
        var r = Experiments.Run("experiment", "run", Experiments.Small(dir), "--out", Path.Combine(dir, "s.db"), "--runs", "4");
        Assert.Equal(ExitCodes.Success, r.Code);
        Assert.Equal(24, Experiments.StoreRows(Path.Combine(dir, "s.db")));
    }

    [Fact]
    public void Until_ci_stops_once_the_shares_are_precise_enough()
    {
        var dir = Cli.TempDir();
        var r = Experiments.Run("experiment", "run", Experiments.Small(dir, runs: 60, batch: 10), "--out", Path.Combine(dir, "s.db"), "--until-ci", "0.45");
        Assert.Equal(ExitCodes.Success, r.Code);
        Assert.Contains("stopped early", r.Out, StringComparison.Ordinal);
        Assert.True(Experiments.StoreRows(Path.Combine(dir, "s.db")) < 360);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    public void Merged_shards_give_the_digest_of_the_whole_run(int shards)
    {
        var dir = Cli.TempDir();
        var file = Experiments.Small(dir, runs: 10, batch: 2);
        var whole = Experiments.Run("experiment", "run", file, "--out", Path.Combine(dir, "whole.db"), "--threads", "1");
        var stores = new List<string>();
        for (var k = 0; k < shards; k++)
        {
            var store = Path.Combine(dir, $"shard-{k}.db");
            var r = Experiments.Run("experiment", "run", file, "--out", store, "--shard", $"{k}/{shards}", "--threads", "1");
            Assert.Equal(ExitCodes.Success, r.Code);
            Assert.Contains($"shard {k}/{shards} done", r.Out, StringComparison.Ordinal);
            stores.Add(store);
        }

        var merged = Experiments.Run(["experiment", "merge", .. stores, "--out", Path.Combine(dir, "merged.db")]);
        Assert.Equal(ExitCodes.Success, merged.Code);
        Assert.Equal(Experiments.Digest(whole.Out), Experiments.Digest(merged.Out));
    }

    [Fact]
    public void A_shard_in_json_reports_its_range_and_digest()
    {
        var dir = Cli.TempDir();
        var r = Experiments.Run("experiment", "run", Experiments.Small(dir, runs: 6), "--out", Path.Combine(dir, "s.db"), "--shard", "1/2", "--format", "json");
        Assert.Equal(ExitCodes.Success, r.Code);
        using var json = System.Text.Json.JsonDocument.Parse(r.Out);
        Assert.Equal("1/2", json.RootElement.GetProperty("shard").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("first-run").GetInt64());
        Assert.Equal(Experiments.StoreDigest(Path.Combine(dir, "s.db")), json.RootElement.GetProperty("digest").GetString());
    }

    [Fact]
    public void One_shard_of_one_is_the_whole_run()
    {
        var dir = Cli.TempDir();
        var file = Experiments.Small(dir, runs: 5);
        var whole = Experiments.Run("experiment", "run", file, "--out", Path.Combine(dir, "whole.db"));
        var shard = Experiments.Run("experiment", "run", file, "--out", Path.Combine(dir, "s.db"), "--shard", "0/1");
        Assert.Equal(Experiments.Digest(whole.Out), Experiments.Digest(shard.Out));
    }

    [Fact]
    public async Task Two_shards_run_as_separate_processes_merge_to_the_whole_digest()
    {
        var dir = Cli.TempDir();
        var file = Experiments.Small(dir, runs: 8, batch: 2);
        var dll = Path.Combine(AppContext.BaseDirectory, "bosporos.dll");
        Assert.True(File.Exists(dll), dll);
        var processes = Enumerable.Range(0, 2).Select(k =>
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { dll, "experiment", "run", file, "--out", Path.Combine(dir, $"p{k}.db"), "--shard", $"{k}/2", "--threads", "1" })
            {
                info.ArgumentList.Add(a);
            }

            return Process.Start(info)!;
        }).ToList();
        foreach (var p in processes)
        {
            var stderr = p.StandardError.ReadToEndAsync();
            var stdout = await p.StandardOutput.ReadToEndAsync();
            await p.WaitForExitAsync();
            Assert.True(p.ExitCode == 0, stdout + await stderr);
            p.Dispose();
        }

        var whole = Experiments.Run("experiment", "run", file, "--out", Path.Combine(dir, "whole.db"));
        var merged = Experiments.Run("experiment", "merge", Path.Combine(dir, "p1.db"), Path.Combine(dir, "p0.db"), "--out", Path.Combine(dir, "merged.db"));
        Assert.Equal(ExitCodes.Success, merged.Code);
        Assert.Equal(Experiments.Digest(whole.Out), Experiments.Digest(merged.Out));
    }

    [Fact]
    public void Resume_after_a_cancelled_run_gives_the_uninterrupted_digest()
    {
        var dir = Cli.TempDir();
        var file = Experiments.Small(dir, runs: 12, batch: 3);
        var store = Path.Combine(dir, "s.db");
        using var cts = new CancellationTokenSource();
        var interrupted = Experiments.Run(
            line =>
            {
                if (line.StartsWith("experiment: 36/", StringComparison.Ordinal))
                {
                    cts.Cancel();
                }
            },
            cts.Token,
            "experiment", "run", file, "--out", store, "--threads", "2");
        Assert.Equal(ExitCodes.Cancelled, interrupted.Code);
        Assert.Contains("experiment resume", interrupted.Error, StringComparison.Ordinal);
        Assert.Equal(36, Experiments.StoreRows(store));

        var resumed = Experiments.Run("experiment", "resume", file, "--out", store, "--threads", "1");
        Assert.Equal(ExitCodes.Success, resumed.Code);
        Assert.Contains("36 runs done, 36 already in the store", resumed.Out, StringComparison.Ordinal);

        var whole = Experiments.Run("experiment", "run", file, "--out", Path.Combine(dir, "whole.db"));
        Assert.Equal(Experiments.Digest(whole.Out), Experiments.Digest(resumed.Out));
    }

    [Fact]
    public void Resume_of_a_missing_store_is_refused()
    {
        var dir = Cli.TempDir();
        var r = Experiments.Run("experiment", "resume", Experiments.Small(dir), "--out", Path.Combine(dir, "none.db"));
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains("nothing to resume", r.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "none.db")));
    }

    [Fact]
    public void Resume_continues_a_shard_where_it_stopped()
    {
        var dir = Cli.TempDir();
        var file = Experiments.Small(dir, runs: 12, batch: 2);
        var store = Path.Combine(dir, "s.db");
        using var cts = new CancellationTokenSource();
        var first = Experiments.Run(_ => cts.Cancel(), cts.Token, "experiment", "run", file, "--out", store, "--shard", "1/2");
        Assert.Equal(ExitCodes.Cancelled, first.Code);
        var resumed = Experiments.Run("experiment", "resume", file, "--out", store);
        Assert.Equal(ExitCodes.Success, resumed.Code);
        Assert.Contains("shard 1/2 done", resumed.Out, StringComparison.Ordinal);
        var straight = Experiments.Run("experiment", "run", file, "--out", Path.Combine(dir, "t.db"), "--shard", "1/2");
        Assert.Equal(Experiments.Digest(straight.Out), Experiments.Digest(resumed.Out));
    }

    [Theory]
    [InlineData("3/2")]
    [InlineData("abc")]
    [InlineData("1/0")]
    [InlineData("-1/4")]
    public void A_bad_shard_is_a_usage_error(string shard)
    {
        var dir = Cli.TempDir();
        var r = Experiments.Run("experiment", "run", Experiments.Small(dir), "--out", Path.Combine(dir, "s.db"), "--shard", shard);
        Assert.Equal(ExitCodes.Usage, r.Code);
        Assert.Contains("--shard", r.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "s.db")));
    }

    [Fact]
    public void A_store_of_another_experiment_is_refused_and_kept()
    {
        var dir = Cli.TempDir();
        var store = Path.Combine(dir, "s.db");
        Assert.Equal(ExitCodes.Success, Experiments.Run("experiment", "run", Experiments.Small(dir, runs: 4), "--out", store).Code);
        var before = Experiments.StoreDigest(store);
        var other = Experiments.Small(dir, runs: 4, seed: 627, name: "other.yaml");
        var r = Experiments.Run("experiment", "run", other, "--out", store);
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains("holds another experiment's runs", r.Error, StringComparison.Ordinal);
        Assert.Contains("master seed", r.Error, StringComparison.Ordinal);
        Assert.Equal(before, Experiments.StoreDigest(store));
    }

    [Fact]
    public void A_store_from_another_engine_version_is_refused()
    {
        var dir = Cli.TempDir();
        var file = Experiments.Small(dir, runs: 4);
        var store = Path.Combine(dir, "s.db");
        Assert.Equal(ExitCodes.Success, Experiments.Run("experiment", "run", file, "--out", store).Code);
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + store + ";Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE manifest SET engine_version = '0.0.1-old'";
            cmd.ExecuteNonQuery();
        }

        var r = Experiments.Run("experiment", "resume", file, "--out", store);
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains("engine version", r.Error, StringComparison.Ordinal);
        var report = Experiments.Run("report", store, "--out", Path.Combine(dir, "report"));
        Assert.Equal(ExitCodes.InvalidData, report.Code);
        Assert.Contains("engine version", report.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_of_one_shard_is_refused_for_another_shard()
    {
        var dir = Cli.TempDir();
        var file = Experiments.Small(dir, runs: 4);
        var store = Path.Combine(dir, "s.db");
        Assert.Equal(ExitCodes.Success, Experiments.Run("experiment", "run", file, "--out", store, "--shard", "0/2").Code);
        var r = Experiments.Run("experiment", "run", file, "--out", store, "--shard", "1/2");
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains("holds shard 0/2", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_store_fails_cleanly_and_keeps_the_stored_batches()
    {
        var dir = Cli.TempDir();
        var file = Experiments.Small(dir, runs: 12, batch: 3);
        var store = Path.Combine(dir, "s.db");
        Commands.ExperimentSupport.StoreOpener.Value = l => new FailingStore(ResultStores.Open(l), 3, l + ": the disk is full while trying to append to the store.");
        CliResult r;
        try
        {
            r = Experiments.Run("experiment", "run", file, "--out", store);
        }
        finally
        {
            Commands.ExperimentSupport.StoreOpener.Value = null;
        }

        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains("disk is full", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
        Assert.Equal(36, Experiments.StoreRows(store));
        var resumed = Experiments.Run("experiment", "resume", file, "--out", store);
        Assert.Equal(ExitCodes.Success, resumed.Code);
        Assert.Equal(72, Experiments.StoreRows(store));
    }

    [Fact]
    public void A_read_only_store_fails_cleanly()
    {
        var dir = Cli.TempDir();
        Commands.ExperimentSupport.StoreOpener.Value = l => new FailingStore(ResultStores.Open(l), 0, l + ": the store is read-only; it cannot be written.");
        CliResult r;
        try
        {
            r = Experiments.Run("experiment", "run", Experiments.Small(dir), "--out", Path.Combine(dir, "s.db"));
        }
        finally
        {
            Commands.ExperimentSupport.StoreOpener.Value = null;
        }

        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains("read-only", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Resuming_into_a_store_opened_read_only_fails_and_keeps_its_runs()
    {
        var dir = Cli.TempDir();
        var file = Experiments.Small(dir, runs: 8, batch: 2);
        var store = Path.Combine(dir, "s.db");
        using var cts = new CancellationTokenSource();
        Assert.Equal(ExitCodes.Cancelled, Experiments.Run(_ => cts.Cancel(), cts.Token, "experiment", "run", file, "--out", store).Code);
        var before = Experiments.StoreDigest(store);
        Commands.ExperimentSupport.StoreOpener.Value = l => ResultStores.Open(l, new ResultStoreOptions(ReadOnly: true));
        CliResult r;
        try
        {
            r = Experiments.Run("experiment", "resume", file, "--out", store);
        }
        finally
        {
            Commands.ExperimentSupport.StoreOpener.Value = null;
        }

        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains("BOSX073", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
        Assert.Equal(before, Experiments.StoreDigest(store));
    }

    [Fact]
    public void A_store_in_a_missing_directory_is_created_and_one_under_a_file_is_a_clear_error()
    {
        var dir = Cli.TempDir();
        var nested = Path.Combine(dir, "no", "such", "s.db");
        Assert.Equal(ExitCodes.Success, Experiments.Run("experiment", "run", Experiments.Small(dir, runs: 2), "--out", nested).Code);
        Assert.True(File.Exists(nested));

        var blocker = Path.Combine(dir, "plain-file");
        File.WriteAllText(blocker, "x");
        var r = Experiments.Run("experiment", "run", Experiments.Small(dir), "--out", Path.Combine(blocker, "s.db"));
        Assert.Equal(ExitCodes.Usage, r.Code);
        Assert.StartsWith("error: --out: ", r.Error, StringComparison.Ordinal);
        Assert.Contains("is a file, not a directory", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_refuses_missing_overlapping_and_mismatched_shards()
    {
        var dir = Cli.TempDir();
        var file = Experiments.Small(dir, runs: 6);
        string Shard(string f, string shard, string name)
        {
            var s = Path.Combine(dir, name);
            Assert.Equal(ExitCodes.Success, Experiments.Run("experiment", "run", f, "--out", s, "--shard", shard).Code);
            return s;
        }

        var a0 = Shard(file, "0/2", "a0.db");
        var a1 = Shard(file, "1/2", "a1.db");
        var b1 = Shard(file, "1/3", "b1.db");
        var other = Shard(Experiments.Small(dir, runs: 6, seed: 1, name: "o.yaml"), "1/2", "o1.db");

        var missing = Experiments.Run("experiment", "merge", a0, "--out", Path.Combine(dir, "m1.db"));
        Assert.Equal(ExitCodes.InvalidData, missing.Code);
        Assert.Contains("missing", missing.Error, StringComparison.Ordinal);

        var overlapping = Experiments.Run("experiment", "merge", a0, a1, b1, "--out", Path.Combine(dir, "m2.db"));
        Assert.Equal(ExitCodes.InvalidData, overlapping.Code);
        Assert.StartsWith("error: ", overlapping.Error, StringComparison.Ordinal);

        var mismatched = Experiments.Run("experiment", "merge", a0, other, "--out", Path.Combine(dir, "m3.db"));
        Assert.Equal(ExitCodes.InvalidData, mismatched.Code);
        Assert.StartsWith("error: ", mismatched.Error, StringComparison.Ordinal);

        var absent = Experiments.Run("experiment", "merge", a0, Path.Combine(dir, "nowhere.db"), "--out", Path.Combine(dir, "m4.db"));
        Assert.Equal(ExitCodes.InvalidData, absent.Code);
        Assert.Contains("no such shard store", absent.Error, StringComparison.Ordinal);

        var first = Experiments.Run("experiment", "merge", a0, a1, "--out", Path.Combine(dir, "m5.db"));
        Assert.Equal(ExitCodes.Success, first.Code);
        var again = Experiments.Run("experiment", "merge", a0, a1, "--out", Path.Combine(dir, "m5.db"));
        Assert.Equal(ExitCodes.Success, again.Code);
        Assert.Equal(Experiments.Digest(first.Out), Experiments.Digest(again.Out));

        var intoOther = Experiments.Run("experiment", "merge", a0, a1, "--out", other);
        Assert.Equal(ExitCodes.InvalidData, intoOther.Code);
        Assert.StartsWith("error: ", intoOther.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_writes_csv_parquet_and_sidecar_that_load_back()
    {
        var dir = Cli.TempDir();
        var store = Path.Combine(dir, "s.db");
        Assert.Equal(ExitCodes.Success, Experiments.Run("experiment", "run", Experiments.Small(dir, runs: 5), "--out", store).Code);
        var csv = Path.Combine(dir, "runs.csv");
        var parquet = Path.Combine(dir, "out", "runs.parquet");
        Directory.CreateDirectory(Path.Combine(dir, "out"));
        var r = Experiments.Run("experiment", "export", store, "--csv", csv, "--parquet", parquet);
        Assert.Equal(ExitCodes.Success, r.Code);
        var lines = await File.ReadAllLinesAsync(csv);
        Assert.StartsWith("variant,run_index,seed,outcome,cause", lines[0], StringComparison.Ordinal);
        Assert.Equal(31, lines.Length);
        await using (var reader = await ParquetReader.CreateAsync(parquet))
        {
            long rows = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                rows += group.RowCount;
            }

            Assert.Equal(30, rows);
        }

        var sidecar = Path.Combine(dir, "runs.json");
        using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(sidecar));
        Assert.Contains("runs.parquet", json.RootElement.ToString(), StringComparison.Ordinal);
        Assert.Contains(Experiments.StoreDigest(store), json.RootElement.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Export_needs_a_format_and_an_existing_store()
    {
        var dir = Cli.TempDir();
        var none = Experiments.Run("experiment", "export", Path.Combine(dir, "s.db"));
        Assert.Equal(ExitCodes.Usage, none.Code);
        var missing = Experiments.Run("experiment", "export", Path.Combine(dir, "s.db"), "--csv", Path.Combine(dir, "x.csv"));
        Assert.Equal(ExitCodes.InvalidData, missing.Code);
        Assert.Contains("no such store", missing.Error, StringComparison.Ordinal);
        var same = Experiments.Run("experiment", "export", Path.Combine(dir, "s.db"), "--csv", Path.Combine(dir, "x.csv"), "--sidecar", Path.Combine(dir, "x.csv"));
        Assert.Equal(ExitCodes.Usage, same.Code);
    }

    [Fact]
    public void Export_into_a_missing_directory_creates_it_and_under_a_file_fails_cleanly()
    {
        var dir = Cli.TempDir();
        var store = Path.Combine(dir, "s.db");
        Assert.Equal(ExitCodes.Success, Experiments.Run("experiment", "run", Experiments.Small(dir, runs: 2), "--out", store).Code);
        var csv = Path.Combine(dir, "nope", "x.csv");
        Assert.Equal(ExitCodes.Success, Experiments.Run("experiment", "export", store, "--csv", csv).Code);
        Assert.True(File.Exists(csv));

        var r = Experiments.Run("experiment", "export", store, "--csv", Path.Combine(store, "x.csv"));
        Assert.Equal(ExitCodes.Usage, r.Code);
        Assert.Contains("error: --csv: ", r.Error, StringComparison.Ordinal);
    }
}
