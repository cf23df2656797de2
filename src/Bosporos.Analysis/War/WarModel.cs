using System.Text;
using Bosporos.Analysis.Experiments;
using Bosporos.Analysis.Stores;
using Bosporos.Kernel;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.War;
using Bosporos.Scenarios;
using Bosporos.Scenarios.Documents;
using Bosporos.Scenarios.Validation;
using Bosporos.Scenarios.War;

namespace Bosporos.Analysis.War;

/// <summary>
/// A war scenario (kind: war) behind the experiment engine: each configuration is the war with its overrides (the
/// same loader, checks and --set paths as 'bosporos run'), and each run is one whole war with the siege inside,
/// recorded with the war's measures (<see cref="WarMeasures"/>). Run k of every variant uses the same seed, so
/// variants are paired, and a run depends on nothing but its configuration and seed: thread counts, batches and
/// shards give the same records.
/// </summary>
public sealed class WarModel : ISiegeModel
{
    private readonly string text;
    private readonly string file;
    private readonly string? folder;

    private WarModel(string text, string file, WarLoadResult loaded)
    {
        this.text = text;
        this.file = file;
        folder = Path.GetDirectoryName(Path.GetFullPath(file));
        ScenarioId = loaded.Definition!.Id;
        ScenarioHash = loaded.ScenarioHash;
        Numbers = loaded.Document?.Numbers ?? [];
        Outputs = WarMetrics.For(Math.Max(1, loaded.Definition.Calendar.HorizonDays));
        Start = JulianDate.Of(loaded.Definition.Calendar);
        HorizonDays = loaded.Definition.Calendar.HorizonDays;
    }

    /// <summary>The scenario's first day (day 0 of the measures' days), in the Julian calendar.</summary>
    public JulianDate Start { get; }

    /// <summary>The scenario's horizon: a war still going after this many days is undecided.</summary>
    public int HorizonDays { get; }

    public string ScenarioId { get; }

    public string ScenarioHash { get; }

    /// <summary>
    /// The war's own cited numbers: those of the war file, which its --set paths address. The siege scenario it runs
    /// inside has its own numbers, which no war path reaches; the forces the campaign hands the siege (the garrison,
    /// the fleet, the khagan's host, Shahrbaraz) are war numbers, and so sampled with the war's.
    /// </summary>
    public IReadOnlyList<CitedNumber> Numbers { get; }

    /// <summary>The war's outputs (<see cref="WarMetrics"/>), days censored at this war's horizon.</summary>
    public OutputCatalog Outputs { get; }

    /// <summary>
    /// Loads the war scenario at <paramref name="path"/> once (its bytes are kept, so every configuration reads the
    /// same text) and checks that the experiment is one the war supports: paired with a fixed run count, or an
    /// uncertainty, Morris or Sobol design over the war's contested numbers.
    /// </summary>
    public static WarModel? Open(ExperimentDefinition experiment, string path, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (experiment.UntilCi is not null)
        {
            diagnostics.Add(YamlTree.Error(experiment.File, experiment.ScenarioLine, experiment.ScenarioColumn, "BOSX056",
                "'until-ci' stops on the siege's outcome shares, which a war run does not have.",
                "Give a war scenario a fixed 'runs' (and no 'until-ci' or --until-ci); its measures are compared with 95% intervals all the same.", "scenario"));
            return null;
        }

        var file = ScenarioLoader.ReadFile(path);
        if (file.Bytes is null)
        {
            diagnostics.AddRange(file.Diagnostics);
            return null;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(file.Bytes);
        }
        catch (DecoderFallbackException)
        {
            // The loader names the offending byte.
            diagnostics.AddRange(WarScenarioLoader.LoadFile(path).Diagnostics);
            return null;
        }

        var loaded = WarScenarioLoader.LoadText(text, path, Path.GetDirectoryName(Path.GetFullPath(path)));
        if (!loaded.Succeeded)
        {
            diagnostics.AddRange(loaded.Diagnostics);
            return null;
        }

        return new WarModel(text, path, loaded);
    }

    public ModelConfiguration Configure(IReadOnlyList<ScenarioOverride> overrides)
    {
        var loaded = WarScenarioLoader.LoadText(text, file, folder, overrides);
        return loaded.Succeeded
            ? new ModelConfiguration(new Configured(loaded.Definition!, loaded.Siege!), loaded.Diagnostics)
            : new ModelConfiguration(null, loaded.Diagnostics);
    }

    private sealed class Configured(WarDefinition war, SiegeDefinition siege) : IConfiguredModel
    {
        public IModelRun CreateRun() => new WarRun(war, siege);
    }

    /// <summary>One worker's war, reset for each seed.</summary>
    private sealed class WarRun(WarDefinition war, SiegeDefinition siege) : IModelRun, IRecordingRun
    {
        private WarSimulation? sim;

        private WarSimulation Play(ulong seed)
        {
            if (sim is null)
            {
                sim = WarSimulation.Create(war, siege, seed);
                sim.KeepsDailyHashes = false; // a batch keeps each run's final hash only
            }
            else
            {
                sim.Reset(seed);
            }

            sim.RunToEnd();
            return sim;
        }

        public RunRecord Record(string variant, long runIndex, ulong seed, IReadOnlyDictionary<string, decimal> parameters) =>
            WarMeasures.Record(Play(seed), variant, runIndex, seed, parameters);

        /// <summary>The siege inside the war (the default summary when the war ended before it began).</summary>
        public SiegeSummary Run(ulong seed) => Play(seed).Siege is { } inside ? inside.Summary : default;

        public IReadOnlyList<SiegeEvent> Events() => sim?.Siege is { } inside ? inside.Events.All.ToArray() : [];

        public string Describe(SiegeEvent e) => Scenarios.Narrative.EventSentences.Sentence(siege, e).TrimEnd('.');
    }
}
