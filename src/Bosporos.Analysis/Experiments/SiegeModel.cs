using Bosporos.Analysis.Runs;
using Bosporos.Analysis.Stores;
using Bosporos.Kernel;
using Bosporos.Kernel.Events;
using Bosporos.Scenarios;
using Bosporos.Scenarios.Documents;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Analysis.Experiments;

/// <summary>
/// What the experiment engine needs from a model: the scenario's identity and cited numbers, and a way to build a
/// configuration (the scenario with some overrides) that runs seeds. The shipped implementation is
/// <see cref="ScenarioSiegeModel"/>; tests use small analytic models.
/// </summary>
public interface ISiegeModel
{
    string ScenarioId { get; }

    /// <summary>Hash of the scenario as loaded without overrides: part of every run's identity.</summary>
    string ScenarioHash { get; }

    /// <summary>Every number of the scenario with its citation and range (the default sampling space).</summary>
    IReadOnlyList<CitedNumber> Numbers { get; }

    /// <summary>The scenario with these overrides applied, or the diagnostics explaining why it is not valid.</summary>
    ModelConfiguration Configure(IReadOnlyList<ScenarioOverride> overrides);

    /// <summary>The outputs its runs give to uncertainty and sensitivity experiments (a siege's, unless the model says otherwise).</summary>
    OutputCatalog Outputs => Metrics.Siege;
}

/// <summary>A configured scenario (thread-safe, immutable), or its diagnostics.</summary>
public sealed record ModelConfiguration(IConfiguredModel? Model, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Model is not null && !Diagnostics.Any(d => d.Severity == Severity.Error);
}

public interface IConfiguredModel
{
    /// <summary>A reusable run for one worker thread (not thread-safe itself).</summary>
    IModelRun CreateRun();
}

/// <summary>
/// A configuration that runs whole seed ranges itself: seeds SplitMix64.Derive(masterSeed, i) for i in
/// [first, first + count), each summary handed to the sink in index order. The kernel model does this through the
/// Monte Carlo runner (one reused simulation per worker thread).
/// </summary>
public interface IRangeRunner
{
    void RunSeeds(ulong masterSeed, long first, long count, int threads, Action<long, ulong, SiegeSummary> sink);
}

/// <summary>One worker's simulation: reset with a seed and run to the end, reusing its storage.</summary>
public interface IModelRun
{
    SiegeSummary Run(ulong seed);

    /// <summary>The event log of the last <see cref="Run"/>.</summary>
    IReadOnlyList<SiegeEvent> Events();

    /// <summary>The event as a clause a reader can follow, with names instead of indices.</summary>
    string Describe(SiegeEvent e);
}

/// <summary>
/// A run that makes its own record, for a model whose results go beyond the siege summary (a war, with its measures).
/// The executor asks it instead of <see cref="IModelRun.Run"/>.
/// </summary>
public interface IRecordingRun
{
    RunRecord Record(string variant, long runIndex, ulong seed, IReadOnlyDictionary<string, decimal> parameters);
}

/// <summary>The kernel simulation behind the engine's model interface.</summary>
public sealed class ScenarioSiegeModel : ISiegeModel
{
    private readonly byte[] bytes;
    private readonly string file;

    private ScenarioSiegeModel(byte[] bytes, string file, LoadResult loaded)
    {
        this.bytes = bytes;
        this.file = file;
        ScenarioId = loaded.Document!.Id;
        ScenarioHash = loaded.ScenarioHash;
        Numbers = loaded.Document.Numbers;
    }

    public string ScenarioId { get; }

    public string ScenarioHash { get; }

    public IReadOnlyList<CitedNumber> Numbers { get; }

    /// <summary>
    /// Resolves the experiment's scenario (a shipped id, or a path relative to the experiment file), loads it once and
    /// keeps its bytes, so every configuration is loaded from the same bytes (and hashed as they are). An experiment
    /// with a 'branch' section gets the branch model of its replay instead.
    /// </summary>
    public static ISiegeModel? Open(ExperimentDefinition experiment, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (experiment.Branch is not null)
        {
            // A branch experiment's scenario is its replay's, with the replay's overrides.
            return Branching.BranchSiegeModel.Open(experiment, diagnostics);
        }

        var path = ResolveScenario(experiment, diagnostics);
        if (path is null)
        {
            return null;
        }

        if (Scenarios.War.WarScenarioLoader.IsWarFile(path))
        {
            // A war (kind: war) runs through the war model: whole wars with the siege inside, recorded with their measures.
            return War.WarModel.Open(experiment, path, diagnostics);
        }

        // The same reading as 'bosporos run' and 'validate': size limit, strict UTF-8, the SHA-256 of the bytes.
        var file = ScenarioLoader.ReadFile(path);
        if (file.Bytes is null)
        {
            diagnostics.AddRange(file.Diagnostics);
            return null;
        }

        var loaded = ScenarioLoader.LoadBytes(file.Bytes, path);
        if (!loaded.Succeeded || loaded.Document is null)
        {
            diagnostics.AddRange(loaded.Diagnostics);
            return null;
        }

        return new ScenarioSiegeModel(file.Bytes, path, loaded);
    }

    public ModelConfiguration Configure(IReadOnlyList<ScenarioOverride> overrides)
    {
        var loaded = ScenarioLoader.LoadBytes(bytes, file, overrides);
        return loaded.Succeeded ? new ModelConfiguration(new Configured(loaded.Definition!), loaded.Diagnostics) : new ModelConfiguration(null, loaded.Diagnostics);
    }

    internal static string? ResolveScenario(ExperimentDefinition experiment, List<Diagnostic> diagnostics)
    {
        var s = experiment.Scenario;
        var looksLikePath = s.Contains('/', StringComparison.Ordinal) || s.Contains('\\', StringComparison.Ordinal) ||
            s.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || s.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || s.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        if (looksLikePath)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(experiment.File)) ?? ".";
            var full = Path.GetFullPath(Path.Combine(dir, s));
            if (File.Exists(full))
            {
                return full;
            }

            diagnostics.Add(YamlTree.Error(experiment.File, experiment.ScenarioLine, experiment.ScenarioColumn, "BOSX051", $"The scenario file '{s}' does not exist (looked for {full}).", "Paths are relative to the experiment file.", "scenario"));
            return null;
        }

        CatalogEntry? entry;
        IReadOnlyList<CatalogEntry> all;
        try
        {
            entry = ScenarioCatalog.Find(s);
            all = entry is null ? ScenarioCatalog.List() : [];
        }
        catch (Exception ex) when (ex is NotImplementedException or IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(YamlTree.Error(experiment.File, experiment.ScenarioLine, experiment.ScenarioColumn, "BOSX052", $"The shipped scenarios cannot be listed: {ex.Message}", "Give the scenario as a path relative to the experiment file.", "scenario"));
            return null;
        }

        if (entry is null)
        {
            var known = all.Count == 0 ? "no shipped scenario was found" : "shipped scenarios: " + string.Join(", ", all.Select(e => e.Id));
            diagnostics.Add(YamlTree.Error(experiment.File, experiment.ScenarioLine, experiment.ScenarioColumn, "BOSX052", $"Unknown scenario '{s}'.", $"Give a path relative to this file, or a shipped id ({known}).", "scenario"));
            return null;
        }

        return entry.Path;
    }

    private sealed class Configured(SiegeDefinition definition) : IConfiguredModel, IRangeRunner
    {
        private MonteCarloRunner? runner;

        public IModelRun CreateRun() => new Run(definition);

        public void RunSeeds(ulong masterSeed, long first, long count, int threads, Action<long, ulong, SiegeSummary> sink)
        {
            // The executor runs one range at a time, so the runner (and its simulations) is reused across batches.
            if (runner is null || runner.Threads != threads)
            {
                runner = new MonteCarloRunner(definition, threads);
            }

            runner.Run(masterSeed, first, count, new Sink(sink));
        }
    }

    private sealed class Sink(Action<long, ulong, SiegeSummary> target) : IRunSink
    {
        public void Accept(long index, ulong seed, in SiegeSummary summary) => target(index, seed, summary);
    }

    private sealed class Run(SiegeDefinition definition) : IModelRun
    {
        private Simulation? sim;

        SiegeSummary IModelRun.Run(ulong seed)
        {
            if (sim is null)
            {
                sim = Simulation.Create(definition, seed);
            }
            else
            {
                sim.Reset(seed);
            }

            return sim.RunToEnd();
        }

        public IReadOnlyList<SiegeEvent> Events() => sim is null ? [] : sim.Events.All.ToArray();

        // The chronicle's own sentence (the same words as the command line and the web replay), without its full stop,
        // so that it reads inside "in the baseline, ...; with the variant, ...".
        public string Describe(SiegeEvent e) => Scenarios.Narrative.EventSentences.Sentence(definition, e).TrimEnd('.');
    }
}
