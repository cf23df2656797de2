namespace Bosporos.Cli.Tests;

/// <summary>Bad numbers, counts, output paths and names: each a located error with exit 1 or 2, never exit 3.</summary>
public class UsageAndPathTests
{
    private static void NoInternalError(CliResult r)
    {
        Assert.NotEqual(ExitCodes.InternalError, r.Code);
        Assert.DoesNotContain("internal error", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("combat.darkness=1e25")]
    [InlineData("combat.darkness=79228162514264337593543950335")]
    [InlineData("zones.city.longitude=1e23")]
    [InlineData("calendar.horizon-days=40.99999999999999999999999999999999")]
    public void Huge_or_overlong_set_values_are_errors_with_exit_1(string set)
    {
        var r = Experiments.Run("run", "constantinople-626", "--set", set);
        NoInternalError(r);
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Matches("<--set>: error BOS1[12]", r.Error);
    }

    [Theory]
    [InlineData("mc", "constantinople-626", "--runs", "3", "--threads", "32767")]
    [InlineData("mc", "constantinople-626", "--runs", "3", "--threads", "100000")]
    [InlineData("compare", "constantinople-626", "--variant", "a:combat.law=square", "--runs", "3", "--threads", "32767")]
    [InlineData("mc", "constantinople-626", "--runs", "99999999999")]
    [InlineData("compare", "constantinople-626", "--variant", "a:combat.law=square", "--runs", "99999999999")]
    public void Thread_and_run_counts_out_of_range_are_usage_errors(params string[] args)
    {
        var r = Experiments.Run(args);
        NoInternalError(r);
        Assert.Equal(ExitCodes.Usage, r.Code);
        Assert.Matches("error: --(threads|runs) must be between 1 and", r.Error);
    }

    [Fact]
    public void Experiment_run_refuses_too_many_threads_and_runs_before_making_a_store()
    {
        var dir = Cli.TempDir();
        var file = Experiments.Small(dir);
        var store = Path.Combine(dir, "x.db");
        var threads = Experiments.Run("experiment", "run", file, "--out", store, "--threads", "32767");
        var runs = Experiments.Run("experiment", "run", file, "--out", store, "--runs", "99999999999");
        NoInternalError(threads);
        Assert.Equal(ExitCodes.Usage, threads.Code);
        Assert.Equal(ExitCodes.Usage, runs.Code);
        Assert.Contains("100,000,000", runs.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(store));
    }

    [Fact]
    public void Shard_with_until_ci_is_refused_before_the_store_is_created()
    {
        var dir = Cli.TempDir();
        var store = Path.Combine(dir, "shards", "1.db");
        var r = Experiments.Run("experiment", "run", Experiments.Small(dir), "--out", store, "--shard", "1/4", "--until-ci", "0.05");
        Assert.Equal(ExitCodes.Usage, r.Code);
        Assert.Contains("--shard", r.Error, StringComparison.Ordinal);
        Assert.Contains("until-ci", r.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(store), "an empty store was left behind");
        Assert.False(Directory.Exists(Path.GetDirectoryName(store)), "a folder was made for nothing");
    }

    [Fact]
    public void Output_folders_are_created_for_events_replays_stores_and_exports()
    {
        var dir = Cli.TempDir();
        var events = Path.Combine(dir, "nope", "ev.jsonl");
        var replay = Path.Combine(dir, "deeper", "still", "r.json");
        var run = Experiments.Run("run", "constantinople-626", "--events", events, "--replay", replay, "--format", "json");
        Assert.Equal(ExitCodes.Success, run.Code);
        Assert.True(new FileInfo(events).Length > 0);
        Assert.True(new FileInfo(replay).Length > 0);

        var store = Path.Combine(dir, "shards", "3.db");
        Assert.Equal(ExitCodes.Success, Experiments.Run("experiment", "run", Experiments.Small(dir, runs: 4, batch: 2), "--out", store, "--shard", "1/2", "--threads", "1").Code);
        var csv = Path.Combine(dir, "results", "cf.csv");
        var export = Experiments.Run("experiment", "export", store, "--csv", csv);
        Assert.Equal(ExitCodes.Success, export.Code);
        Assert.True(File.Exists(csv));
    }

    [Theory]
    [InlineData("--events")]
    [InlineData("--replay")]
    public void A_directory_as_an_output_file_is_a_usage_error_named_by_its_option(string option)
    {
        var parent = Cli.TempDir();
        var dir = Directory.CreateDirectory(Path.Combine(parent, "out")).FullName;
        var r = Experiments.Run("run", "constantinople-626", option, dir);
        NoInternalError(r);
        Assert.Equal(ExitCodes.Usage, r.Code);
        Assert.Contains($"error: {option}: '{dir}' is a directory", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(parent), f => f.Contains(".tmp-", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unwritable_output_is_an_error_with_the_reason_not_an_internal_error()
    {
        var dir = Cli.TempDir();
        var blocker = Path.Combine(dir, "file");
        File.WriteAllText(blocker, "x");
        var r = Experiments.Run("run", "constantinople-626", "--events", Path.Combine(blocker, "ev.jsonl"));
        NoInternalError(r);
        Assert.Contains("--events", r.Error, StringComparison.Ordinal);
        Assert.Contains("is a file, not a directory", r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rnu", "unknown command 'rnu'", "Did you mean 'run'?")]
    [InlineData("valdate test-siege", "unknown command 'valdate'", "Did you mean 'validate'?")]
    [InlineData("run test-siege --sed 3", "unknown option '--sed' for 'bosporos run'", "Did you mean '--seed'")]
    [InlineData("mc test-siege --runs 5 --thread 2", "unknown option '--thread' for 'bosporos mc'", "Did you mean '--threads'?")]
    [InlineData("mc test-siege --runs abc", "error: --runs: 'abc' is not a whole number.", null)]
    [InlineData("run test-siege --seed minus-one", "error: --seed: 'minus-one' is not a whole number", null)]
    public void Usage_errors_speak_the_command_lines_language(string commandLine, string message, string? hint)
    {
        var r = Cli.Invoke(commandLine.Split(' '));
        Assert.Equal(ExitCodes.Usage, r.Code);
        Assert.Contains(message, r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Required command was not provided", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("'3'", r.Error, StringComparison.Ordinal);
        if (hint is not null)
        {
            Assert.Contains("hint: " + hint, r.Error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("run")]
    [InlineData("validate")]
    public void A_misspelled_scenario_id_gets_a_did_you_mean(string command)
    {
        var r = Cli.Invoke(command, "test-seige");
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains("Did you mean 'test-siege'?", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_as_scenario_is_called_a_directory()
    {
        var dir = Cli.TempDir();
        var r = Cli.Invoke("run", dir);
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains($"'{dir}' is a directory, not a scenario file", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("must exist", r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("validate")]
    public void An_experiment_file_run_as_a_scenario_says_so_in_one_error(string command)
    {
        var r = Experiments.Run(command, Experiments.ShippedExperiment);
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains("error BOS1010: This is an experiment file", r.Error, StringComparison.Ordinal);
        Assert.Contains("bosporos experiment run", r.Error, StringComparison.Ordinal);
        Assert.Single(r.Error.Split('\n'), l => l.Contains(": error ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_refused_set_value_prints_only_the_error_not_a_counterfactual_warning()
    {
        var r = Experiments.Run("run", "constantinople-626", "--set", "contingents.field-troops.strength=-5");
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains("error BOS1201", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(": warning ", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("counterfactual", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_names_the_argument_not_a_line_of_a_hidden_file()
    {
        var missing = Experiments.Run("compare", "nope/x.yaml", "--variant", "a:combat.law=square", "--runs", "3");
        Assert.Equal(ExitCodes.InvalidData, missing.Code);
        Assert.Contains("'nope/x.yaml' is neither a scenario file nor a shipped scenario id", missing.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("command line:", missing.Error, StringComparison.Ordinal);

        var bad = Experiments.Run("compare", "constantinople-626", "--variant", "a:combat.law=sqare", "--runs", "3");
        Assert.Equal(ExitCodes.InvalidData, bad.Code);
        Assert.StartsWith("--variant: error BOSX055", bad.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("command line:", bad.Error, StringComparison.Ordinal);
    }
}
