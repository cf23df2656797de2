using System.Security.Cryptography;
using System.Text;
using Bosporos.Analysis.Experiments;
using Bosporos.Scenarios;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Cli.Tests;

/// <summary>The experiment path reads its scenario through the same loader, limits and hash as 'run' and 'validate'.</summary>
public class ScenarioReadingTests
{
    private static string Experiment(string dir, string scenario, string name = "exp.yaml")
    {
        var path = Path.Combine(dir, name);
        var text = File.ReadAllText(Experiments.Small(dir, name: "base-" + name))
            .Replace("scenario: " + Experiments.ShippedScenario, "scenario: '" + scenario + "'", StringComparison.Ordinal);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void An_experiment_on_dev_zero_is_refused_at_the_size_limit()
    {
        var dir = Cli.TempDir();
        var r = Experiments.Run("experiment", "check", Experiment(dir, "/dev/zero"));
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains(DiagnosticCodes.FileTooLarge, r.Error, StringComparison.Ordinal);
        Assert.Contains("/dev/zero", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf16_scenario_is_refused_by_experiments_as_by_validate()
    {
        var dir = Cli.TempDir();
        var scenario = Path.Combine(dir, "utf16.yaml");
        File.WriteAllText(scenario, File.ReadAllText(Experiments.ShippedScenario), Encoding.Unicode);
        var validate = Experiments.Run("validate", scenario);
        var check = Experiments.Run("experiment", "check", Experiment(dir, scenario));
        Assert.Equal(ExitCodes.InvalidData, validate.Code);
        Assert.Equal(ExitCodes.InvalidData, check.Code);
        Assert.Contains(DiagnosticCodes.InvalidUtf8, validate.Error, StringComparison.Ordinal);
        Assert.Contains(DiagnosticCodes.InvalidUtf8, check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_in_a_scenario_is_refused_by_experiments()
    {
        var dir = Cli.TempDir();
        var scenario = Path.Combine(dir, "latin1.yaml");
        var bytes = File.ReadAllBytes(Experiments.ShippedScenario).ToList();
        bytes.InsertRange(bytes.IndexOf((byte)'\n') + 1, Encoding.ASCII.GetBytes("# caf").Append((byte)0xE9).Append((byte)'\n'));
        File.WriteAllBytes(scenario, [.. bytes]);
        var check = Experiments.Run("experiment", "check", Experiment(dir, scenario));
        Assert.Equal(ExitCodes.InvalidData, check.Code);
        Assert.Contains($"{scenario}:2:6: error {DiagnosticCodes.InvalidUtf8}", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_experiment_scenario_hash_is_the_files_sha256_like_run()
    {
        var dir = Cli.TempDir();
        var scenario = Path.Combine(dir, "bom.yaml");
        File.WriteAllBytes(scenario, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(Experiments.ShippedScenario)]);
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(scenario)));

        var loaded = ExperimentLoader.LoadFile(Experiment(dir, scenario));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var diagnostics = new List<Diagnostic>();
        var model = ScenarioSiegeModel.Open(loaded.Experiment!, diagnostics);
        Assert.NotNull(model);
        Assert.Equal(sha, model.ScenarioHash);
        Assert.Equal(sha, ScenarioLoader.LoadFile(scenario).ScenarioHash);
        Assert.Contains(sha, Experiments.Run("run", scenario, "--format", "json").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_experiment_file_itself_is_read_under_a_cap_and_as_strict_utf8()
    {
        var dir = Cli.TempDir();
        var utf16 = Path.Combine(dir, "utf16-exp.yaml");
        File.WriteAllText(utf16, File.ReadAllText(Experiments.Small(dir)), Encoding.Unicode);
        var r = Experiments.Run("experiment", "check", utf16);
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains("UTF-8", r.Error, StringComparison.Ordinal);

        var zero = Experiments.Run("experiment", "check", "/dev/zero");
        Assert.Equal(ExitCodes.InvalidData, zero.Code);
        Assert.Contains("larger than", zero.Error, StringComparison.Ordinal);
    }
}

public class ReplayReadingTests
{
    [Fact]
    public void A_replay_from_dev_zero_or_a_directory_is_refused_without_reading_it_all()
    {
        var zero = Cli.Invoke("replay", "/dev/zero");
        Assert.Equal(ExitCodes.InvalidData, zero.Code);
        Assert.Contains("larger than 16 MiB", zero.Error, StringComparison.Ordinal);

        var dir = Cli.Invoke("replay", Cli.TempDir());
        Assert.Equal(ExitCodes.InvalidData, dir.Code);
        Assert.Contains("is a directory, not a replay file", dir.Error, StringComparison.Ordinal);
    }
}
