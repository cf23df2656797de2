using Bosporos.Analysis.Stores;

namespace Bosporos.Cli.Tests;

/// <summary>What the experiment commands say about stores: no passwords, one writer, and report/resume from the store alone.</summary>
public sealed class StoreCommandTests
{
    private const string Secret = "Tr0ub4dor-626";
    private const string Url = "postgres://bosporos:" + Secret + "@db.example:5432/results?schema=cf";

    [Fact]
    public void The_walkthrough_reports_and_resumes_a_store_run_with_another_run_count()
    {
        var dir = Cli.TempDir();
        var file = Experiments.Small(dir, runs: 12);
        var store = Path.Combine(dir, "cf.db");
        var run = Experiments.Run("experiment", "run", file, "--out", store, "--runs", "4");
        Assert.Equal(ExitCodes.Success, run.Code);

        var report = Experiments.Run("report", store, "--out", Path.Combine(dir, "report"), "--no-divergence");
        Assert.True(report.Code == ExitCodes.Success, report.Error);
        Assert.DoesNotContain("another experiment", report.Error, StringComparison.Ordinal);

        var resumed = Experiments.Run("experiment", "resume", store);
        Assert.True(resumed.Code == ExitCodes.Success, resumed.Error);
        Assert.Contains("0 runs done, 24 already in the store", resumed.Out, StringComparison.Ordinal);
        Assert.Equal(Experiments.Digest(run.Out), Experiments.Digest(resumed.Out));

        var experimentReport = Experiments.Run("report", file, "--store", store, "--out", Path.Combine(dir, "report2"), "--no-divergence");
        Assert.True(experimentReport.Code == ExitCodes.Success, experimentReport.Error);
    }

    [Fact]
    public void Resume_names_the_store_when_given_only_an_experiment_file()
    {
        var dir = Cli.TempDir();
        var r = Experiments.Run("experiment", "resume", Experiments.Small(dir));
        Assert.Equal(ExitCodes.Usage, r.Code);
        Assert.Contains("name the store to resume", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancelled_runs_say_how_to_resume_from_the_store_alone_and_the_store_is_resumed()
    {
        var dir = Cli.TempDir();
        var file = Experiments.Small(dir, runs: 12, batch: 3);
        var store = Path.Combine(dir, "s.db");
        using var cts = new CancellationTokenSource();
        var interrupted = Experiments.Run(_ => cts.Cancel(), cts.Token, "experiment", "run", file, "--out", store);
        Assert.Equal(ExitCodes.Cancelled, interrupted.Code);
        Assert.Contains("continue with: bosporos experiment resume " + store, interrupted.Error, StringComparison.Ordinal);
        var resumed = Experiments.Run("experiment", "resume", store);
        Assert.Equal(ExitCodes.Success, resumed.Code);
        var whole = Experiments.Run("experiment", "run", file, "--out", Path.Combine(dir, "whole.db"));
        Assert.Equal(Experiments.Digest(whole.Out), Experiments.Digest(resumed.Out));
    }

    [Fact]
    public void A_second_writer_is_refused_with_a_clear_message()
    {
        var dir = Cli.TempDir();
        var file = Experiments.Small(dir, runs: 2);
        var store = Path.Combine(dir, "s.db");
        using var holder = ResultStores.Open(store);
        var r = Experiments.Run("experiment", "run", file, "--out", store);
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains("another Bosporos process is writing this store", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite Error", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_refusal_of_another_experiment_and_the_resume_hint_never_show_the_password()
    {
        var dir = Cli.TempDir();
        var sqlite = Path.Combine(dir, "s.db");
        Assert.Equal(ExitCodes.Success, Experiments.Run("experiment", "run", Experiments.Small(dir, runs: 2, seed: 1, name: "a.yaml"), "--out", sqlite).Code);
        var other = Experiments.Small(dir, runs: 2, seed: 2, name: "b.yaml");
        Commands.ExperimentSupport.StoreOpener.Value = _ => ResultStores.Open(sqlite);
        try
        {
            var refused = Experiments.Run("experiment", "run", other, "--out", Url);
            Assert.Equal(ExitCodes.InvalidData, refused.Code);
            Assert.Contains("postgres://bosporos:***@db.example:5432/results?schema=cf holds another experiment's runs", refused.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, refused.Error + refused.Out, StringComparison.Ordinal);

            File.Delete(sqlite);
            using var cts = new CancellationTokenSource();
            var longer = Experiments.Small(dir, runs: 12, batch: 3, seed: 2, name: "c.yaml");
            var cancelled = Experiments.Run(_ => cts.Cancel(), cts.Token, "experiment", "run", longer, "--out", Url);
            Assert.Equal(ExitCodes.Cancelled, cancelled.Code);
            Assert.Contains("continue with: bosporos experiment resume 'postgres://bosporos:***@db.example", cancelled.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, cancelled.Error + cancelled.Out, StringComparison.Ordinal);
        }
        finally
        {
            Commands.ExperimentSupport.StoreOpener.Value = null;
        }
    }

    [PostgresFact]
    public void Merge_export_and_report_into_postgres_never_show_the_password()
    {
        var server = Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)!;
        var address = new Uri(server);
        var user = address.UserInfo.Split(':')[0];
        var schema = "cli_" + Guid.NewGuid().ToString("N")[..12];
        var url = $"postgres://{user}:{Secret}@{address.Host}:{address.Port}{address.AbsolutePath}?schema={schema}";
        var dir = Cli.TempDir();
        var file = Experiments.Small(dir, runs: 4);
        foreach (var k in new[] { 0, 1 })
        {
            Assert.Equal(ExitCodes.Success, Experiments.Run("experiment", "run", file, "--out", Path.Combine(dir, $"p{k}.db"), "--shard", $"{k}/2").Code);
        }

        var merged = Experiments.Run("experiment", "merge", Path.Combine(dir, "p0.db"), Path.Combine(dir, "p1.db"), "--out", url);
        Assert.True(merged.Code == ExitCodes.Success, merged.Error);
        Assert.Contains($"into postgres://{user}:***@", merged.Out, StringComparison.Ordinal);
        var again = Experiments.Run("experiment", "run", Experiments.Small(dir, runs: 4, seed: 9, name: "other.yaml"), "--out", url);
        Assert.Equal(ExitCodes.InvalidData, again.Code);
        var export = Experiments.Run("experiment", "export", url, "--csv", Path.Combine(dir, "cf.csv"), "--parquet", Path.Combine(dir, "cf.parquet"));
        Assert.True(export.Code == ExitCodes.Success, export.Error);
        foreach (var output in new[] { merged.Out, merged.Error, again.Out, again.Error, export.Out, export.Error })
        {
            Assert.DoesNotContain(Secret, output, StringComparison.Ordinal);
        }

        foreach (var f in new[] { "cf.csv", "cf.parquet", "cf.json" })
        {
            Assert.DoesNotContain(Secret, System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(dir, f))), StringComparison.Ordinal);
        }

        Assert.Contains(":***@", File.ReadAllText(Path.Combine(dir, "cf.json")), StringComparison.Ordinal);
    }
}

/// <summary>A fact that needs the PostgreSQL test server; skipped, with the reason in its name, without one.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "BOSPOROS_TEST_POSTGRES";

    public PostgresFactAttribute([System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"{Variable} is not set: run `source tests/postgres-setup.sh` to start a throw-away PostgreSQL server.";
            DisplayName = $"{nameof(StoreCommandTests)}.{test} [skipped: {Skip}]";
        }
    }
}
