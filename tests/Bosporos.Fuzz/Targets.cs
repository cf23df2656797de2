using System.Text.RegularExpressions;
using Bosporos.Analysis.Experiments;
using Bosporos.Kernel;
using Bosporos.Scenarios;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Fuzz;

/// <summary>Thrown when a loader returns without an exception but breaks one of its promises.</summary>
internal sealed class BrokenPromiseException(string message) : Exception(message);

/// <summary>What is fuzzed: a name, its seed corpus and a function that must neither throw nor break a promise.</summary>
internal abstract class FuzzTarget
{
    public abstract string Name { get; }

    /// <summary>Longest input produced (a little over the loader's size limit, so the limit itself is exercised).</summary>
    public abstract int MaxInput { get; }

    public abstract void Run(byte[] input, IReadOnlyList<ScenarioOverride> overrides);

    /// <summary>The diagnostic codes of the last run: a new one adds the input to the working corpus.</summary>
    public IReadOnlyList<string> LastCodes { get; protected set; } = [];

    protected static void Check(bool condition, string promise)
    {
        if (!condition)
        {
            throw new BrokenPromiseException(promise);
        }
    }

    protected static void CheckDiagnostics(IReadOnlyList<Diagnostic> diagnostics, Regex codes)
    {
        foreach (var d in diagnostics)
        {
            Check(codes.IsMatch(d.Code), $"diagnostic code '{d.Code}' has the wrong shape");
            Check(!string.IsNullOrWhiteSpace(d.Message), $"{d.Code} has no message");
            Check(!string.IsNullOrEmpty(d.File), $"{d.Code} names no file");
            Check(d.Line >= 0 && d.Column >= 0, $"{d.Code} has a negative place {d.Line}:{d.Column}");
        }
    }
}

/// <summary>
/// The scenario loader on bytes and --set overrides. Promises: no exception; well-formed diagnostics; success exactly
/// when there is no error; a SHA-256 hash; and a definition it accepts runs in the kernel without an exception.
/// </summary>
internal sealed partial class ScenarioTarget : FuzzTarget
{
    public override string Name => "scenario";

    public override int MaxInput => (int)LoaderLimits.Default.MaxFileBytes + 16;

    public override void Run(byte[] input, IReadOnlyList<ScenarioOverride> overrides)
    {
        var result = ScenarioLoader.LoadBytes(input, "fuzz.yaml", overrides);
        LastCodes = result.Diagnostics.Select(d => d.Code).Distinct().ToList();
        CheckDiagnostics(result.Diagnostics, Code());
        Check(result.Succeeded == (result.Definition is not null && !result.Errors.Any()), "Succeeded disagrees with the errors");
        Check(input.Length > LoaderLimits.Default.MaxFileBytes || Hash().IsMatch(result.ScenarioHash), "no SHA-256 scenario hash");
        if (result.Succeeded)
        {
            // Whatever the loader lets through must run: a kernel exception here would be an internal error for the user.
            var sim = Simulation.Create(result.Definition!, 1);
            sim.RunToEnd();
        }
    }

    [GeneratedRegex(@"^BOS\d{4}$")]
    private static partial Regex Code();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Hash();
}

/// <summary>
/// The experiment loader on bytes, then (when the file is valid) the plan and the check of every variant against the
/// shipped scenario, as 'bosporos experiment check' does. The scenario is always the shipped one: the fuzzer never
/// opens a path taken from its input.
/// </summary>
internal sealed partial class ExperimentTarget : FuzzTarget
{
    private readonly ISiegeModel model;

    public ExperimentTarget(string shippedScenario)
    {
        var text = $"format: 1\nid: fuzz\nscenario: '{shippedScenario}'\nmaster-seed: 1\nruns: 1\n";
        var loaded = ExperimentLoader.LoadText(text, Path.Combine(AppContext.BaseDirectory, "fuzz.yaml"));
        var diagnostics = new List<Diagnostic>();
        model = (loaded.Experiment is null ? null : ScenarioSiegeModel.Open(loaded.Experiment, diagnostics))
            ?? throw new InvalidOperationException("the shipped scenario does not load: " + string.Join("\n", loaded.Diagnostics.Concat(diagnostics)));
    }

    public override string Name => "experiment";

    public override int MaxInput => 256 * 1024 + 16;

    public override void Run(byte[] input, IReadOnlyList<ScenarioOverride> overrides)
    {
        var loaded = ExperimentLoader.LoadBytes(input, "fuzz.yaml");
        LastCodes = loaded.Diagnostics.Select(d => d.Code).Distinct().ToList();
        CheckDiagnostics(loaded.Diagnostics, Code());
        Check(loaded.Succeeded == (loaded.Experiment is not null), "Succeeded disagrees with the errors");
        if (loaded.Experiment is null)
        {
            return;
        }

        var diagnostics = new List<Diagnostic>();
        var plan = RunPlan.Build(loaded.Experiment, model, diagnostics);
        CheckDiagnostics(diagnostics, Code());
        if (plan is null)
        {
            return;
        }

        Check(plan.RunCount >= 0, "negative run count");
        var checks = new RunExecutor(plan, model, 1).Validate();
        CheckDiagnostics(checks, Code());
        LastCodes = [.. LastCodes, .. diagnostics.Concat(checks).Select(d => d.Code).Distinct()];
    }

    [GeneratedRegex(@"^BOSX?\d{3,4}$")]
    private static partial Regex Code();
}
