namespace Bosporos.Cli.Tests;

public class ExitCodeTests
{
    [Theory]
    [InlineData("")]
    [InlineData("frobnicate")]
    [InlineData("run")]
    [InlineData("run test-siege --no-such-option")]
    [InlineData("run test-siege --set combat.defender-lethality")]
    [InlineData("run test-siege --set =0.3")]
    [InlineData("run test-siege --seed minus-one")]
    [InlineData("run test-siege --format xml")]
    [InlineData("mc test-siege")]
    [InlineData("mc test-siege --runs 0")]
    [InlineData("mc test-siege --runs -5")]
    [InlineData("mc test-siege --runs lots")]
    [InlineData("mc test-siege --runs 10 --threads 0")]
    [InlineData("replay")]
    [InlineData("validate")]
    public void Bad_usage_exits_2_with_a_message_on_stderr(string commandLine)
    {
        var r = Cli.Invoke(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(ExitCodes.Usage, r.Code);
        Assert.StartsWith("error: ", r.Error, StringComparison.Ordinal);
        Assert.Empty(r.Out);
    }

    [Fact]
    public void Set_without_equals_names_the_bad_item()
    {
        var r = Cli.Invoke("run", "test-siege", "--set", "combat.defender-lethality");
        Assert.Contains("--set expects path=value, got 'combat.defender-lethality'", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_exits_0_on_stdout()
    {
        var r = Cli.Invoke("--help");
        Assert.Equal(ExitCodes.Success, r.Code);
        Assert.Contains("mc", r.Out, StringComparison.Ordinal);
        Assert.Contains("replay", r.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("mc")]
    [InlineData("validate")]
    public void Unknown_scenario_exits_1(string command)
    {
        var args = command == "mc" ? new[] { command, "no-such-siege", "--runs", "3" } : new[] { command, "no-such-siege" };
        var r = Cli.Invoke(args);
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains("'no-such-siege' is neither a scenario file nor a shipped scenario id", r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("mc")]
    public void Invalid_scenario_exits_1_with_diagnostics_on_stderr(string command)
    {
        var args = command == "mc" ? new[] { command, "broken", "--runs", "3" } : new[] { command, "broken" };
        var r = Cli.Invoke(args);
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains("broken.yaml:3:7: error BOS1001: Strength must be positive.", r.Error, StringComparison.Ordinal);
        Assert.Contains("hint: Write a whole number of men.", r.Error, StringComparison.Ordinal);
        Assert.Empty(r.Out);
    }

    [Fact]
    public void Bad_set_path_reported_by_the_loader_exits_1()
    {
        var r = Cli.Invoke("run", "test-siege", "--set", "nowhere.at-all=3");
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains("error BOS2001", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Internal_error_is_one_line_without_stack_trace()
    {
        var r = Cli.Invoke("run", "crash");
        Assert.Equal(ExitCodes.InternalError, r.Code);
        Assert.Equal("internal error: the loader fell over; run again with --verbose for details", r.Error.TrimEnd());
        Assert.DoesNotContain(" at ", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verbose_internal_error_shows_the_exception()
    {
        var r = Cli.Invoke("run", "crash", "--verbose");
        Assert.Equal(ExitCodes.InternalError, r.Code);
        Assert.Contains("InvalidOperationException", r.Error, StringComparison.Ordinal);
        Assert.Contains(" at ", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancelled_mc_exits_130_and_reports_what_was_completed()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var r = Cli.Invoke(new TestScenarios(), cts.Token, "mc", "test-siege", "--runs", "50", "--format", "json");
        Assert.Equal(ExitCodes.Cancelled, r.Code);
        Assert.Contains("cancelled: 0 of 50 runs completed", r.Error, StringComparison.Ordinal);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        Assert.True(doc.RootElement.GetProperty("cancelled").GetBoolean());
        Assert.Equal(0, doc.RootElement.GetProperty("runs").GetInt64());
    }

    [Fact]
    public void Cancelled_run_exits_130()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Equal(ExitCodes.Cancelled, Cli.Invoke(new TestScenarios(), cts.Token, "run", "test-siege").Code);
    }
}
