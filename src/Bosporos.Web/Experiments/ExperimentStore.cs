using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bosporos.Analysis.Experiments;
using Bosporos.Analysis.Exporters;
using Bosporos.Analysis.Stores;
using Bosporos.Kernel;
using Bosporos.Kernel.Randomness;
using Bosporos.Scenarios;
using Bosporos.Scenarios.Documents;
using Bosporos.Web.Scenarios;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bosporos.Web.Experiments;

public enum ExperimentState
{
    Running,
    Done,
    Failed,
}

/// <summary>One variant of an experiment: its overrides, its definition (while it runs) and one row per run.</summary>
internal sealed class Variant(string name, IReadOnlyList<ScenarioOverride> overrides, SiegeDefinition? definition, int runs, IReadOnlyList<OutOfRangeDto> outsideRange)
{
    public string Name { get; } = name;

    public IReadOnlyList<ScenarioOverride> Overrides { get; } = overrides;

    public SiegeDefinition? Definition { get; } = definition;

    /// <summary>Overrides whose value lies outside the figure's cited range: the variant is a counterfactual.</summary>
    public IReadOnlyList<OutOfRangeDto> OutsideRange { get; } = outsideRange;

    public RunRecord[] Results { get; } = new RunRecord[runs];

    public int Completed;
}

/// <summary>A Monte Carlo batch running (or finished) in the background, or read back from a result store.</summary>
internal sealed class Experiment(string id, string scenario, ulong seed, int runs, IReadOnlyList<Variant> variants)
{
    public string Id { get; } = id;

    public string Scenario { get; } = scenario;

    public ulong Seed { get; } = seed;

    public int RunsPerVariant { get; } = runs;

    public IReadOnlyList<Variant> Variants { get; } = variants;

    public int Total => RunsPerVariant * Variants.Count;

    public int Completed => Math.Max(Volatile.Read(ref Ran), Variants.Sum(v => Volatile.Read(ref v.Completed)));

    /// <summary>Runs stored so far by an experiment that runs through the result store (a branch), over every variant.</summary>
    public int Ran;

    /// <summary>A branch experiment's model (its replay at the branch hour), while the site holds it in memory.</summary>
    public Analysis.Branching.BranchSiegeModel? Branch { get; init; }

    public volatile ExperimentState State;

    public string? Error { get; set; }

    public long Sequence { get; init; }

    /// <summary>"page" for an experiment started from the site, "store" for one read from a store given with --store.</summary>
    public string Origin { get; init; } = "page";

    /// <summary>The result store's file name (never the server's folders), once the runs are in one.</summary>
    public string? StoreName { get; set; }

    /// <summary>The experiment's mode as the store records it (paired, uncertainty, morris, sobol; web for the site's own).</summary>
    public string Mode { get; init; } = WebMode;

    public DateTimeOffset Created { get; init; } = DateTimeOffset.UtcNow;

    public const string WebMode = "web";

    public ProgressDto Progress()
    {
        var completed = Completed;
        return new ProgressDto(Id, State.ToString().ToLowerInvariant(), completed, Total,
            Total == 0 ? 100 : Math.Round(100.0 * completed / Total, 1), Error);
    }
}

/// <summary>
/// Holds the experiments: those started from the page (run on a background thread, refused beyond the concurrency
/// limit, then written to a result store of their own in <see cref="WebOptions.ResultsDirectory"/>), and those
/// read from result stores (the command line's, given with <c>--store</c>, and the site's own from earlier runs).
/// Variants of one experiment share seeds run by run (common random numbers), so differences between them come
/// from the variant, not the dice.
/// </summary>
internal sealed class ExperimentStore
{
    private readonly ConcurrentDictionary<string, Experiment> experiments = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StoredEntry> stored = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly WebOptions options;
    private readonly IBatchRunner runner;
    private readonly IScenarioSource source;
    private readonly ILogger logger;
    private long sequence;
    private int running;

    /// <summary>The analysis of each command-line store, made once (JSON), or null when it cannot be made.</summary>
    public ConcurrentDictionary<string, string?> Reports { get; } = new(StringComparer.Ordinal);

    public ExperimentStore(WebOptions options, IBatchRunner runner, IScenarioSource source, ILogger<ExperimentStore>? logger = null)
    {
        this.options = options;
        this.runner = runner;
        this.source = source;
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        foreach (var location in options.Stores)
        {
            Register(location, "store", IdFor(location), required: true);
        }

        if (options.ResultsDirectory is { } folder && Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.db").Order(StringComparer.Ordinal))
            {
                var id = Path.GetFileNameWithoutExtension(file);
                if (IsId(id))
                {
                    Register(file, "page", id, required: false);
                }
            }
        }
    }

    /// <summary>A store that is listed but not read yet: its manifest, and its rows once someone asks.</summary>
    private sealed record StoredEntry(string Location, string Origin, ExperimentManifest Manifest, Lazy<(Experiment? Experiment, string? Error)> Loaded);

    public static bool IsId(string id) => id.Length == 16 && id.All(char.IsAsciiHexDigitLower);

    /// <summary>A stable id for a store given on the command line: the same store gets the same address after a restart.</summary>
    public static string IdFor(string location) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ResultStores.IsPostgres(location) ? location : Path.GetFullPath(location))))[..16];

    private void Register(string location, string origin, string id, bool required)
    {
        ExperimentManifest? manifest;
        try
        {
            using var store = ResultStores.Open(location, new ResultStoreOptions(ReadOnly: true));
            manifest = store.ReadManifest() ?? throw new ResultStoreException($"{Shown(location)}: holds no experiment (no manifest), so there is nothing to show.");
        }
        catch (ResultStoreException e) when (!required)
        {
            logger.LogWarning("Skipping the result store {Store}: {Message}", Shown(location), e.Message);
            return;
        }
        catch (ResultStoreException e)
        {
            throw new WebStartupException($"--store {Shown(location)}: {e.Message}");
        }

        stored[id] = new StoredEntry(location, origin, manifest, new Lazy<(Experiment?, string?)>(() => Load(id, location, origin, manifest), LazyThreadSafetyMode.ExecutionAndPublication));
    }

    /// <summary>Every experiment known: running and finished ones from the page, and the stores, newest first.</summary>
    public IReadOnlyList<ExperimentListItemDto> List()
    {
        var items = new Dictionary<string, ExperimentListItemDto>(StringComparer.Ordinal);
        foreach (var (id, entry) in stored)
        {
            var m = entry.Manifest;
            items[id] = new ExperimentListItemDto(id, m.ScenarioId, entry.Loaded.IsValueCreated && entry.Loaded.Value.Experiment is null ? "failed" : "done", entry.Origin,
                m.Mode, Path.GetFileName(Shown(entry.Location)), m.RunCount, m.Variants, m.CreatedUtc, $"/api/experiments/{id}");
        }

        foreach (var e in experiments.Values)
        {
            items[e.Id] = new ExperimentListItemDto(e.Id, e.Scenario, e.State.ToString().ToLowerInvariant(), e.Origin, e.Mode, e.StoreName, e.RunsPerVariant,
                e.Variants.Select(v => v.Name).ToArray(), e.Created, $"/api/experiments/{e.Id}");
        }

        return items.Values.OrderByDescending(i => i.Created).ThenBy(i => i.Id, StringComparer.Ordinal).ToArray();
    }

    public Experiment? Find(string id)
    {
        if (experiments.TryGetValue(id, out var e))
        {
            return e;
        }

        return stored.TryGetValue(id, out var entry) ? entry.Loaded.Value.Experiment : null;
    }

    /// <summary>The store behind an experiment (location and manifest), or null when it lives in memory only.</summary>
    public (string Location, ExperimentManifest Manifest)? StoreOf(string id) =>
        stored.TryGetValue(id, out var entry) ? (entry.Location, entry.Manifest) : null;

    /// <summary>Starts the experiment, or returns null when too many are already running.</summary>
    public Experiment? TryStart(string scenario, ulong seed, int runs, IReadOnlyList<Variant> variants, string scenarioHash)
    {
        Experiment experiment;
        lock (gate)
        {
            if (running >= options.MaxConcurrentExperiments)
            {
                return null;
            }

            running++;
            experiment = new Experiment(NewId(), scenario, seed, runs, variants) { Sequence = ++sequence };
            experiments[experiment.Id] = experiment;
            Forget();
        }

        _ = Task.Factory.StartNew(() => Execute(experiment, scenarioHash), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return experiment;
    }

    private void Execute(Experiment experiment, string scenarioHash)
    {
        var none = new Dictionary<string, decimal>(StringComparer.Ordinal);
        try
        {
            foreach (var variant in experiment.Variants)
            {
                runner.Run(variant.Definition!, experiment.Seed, experiment.RunsPerVariant, (k, summary) =>
                {
                    var record = Analysis.Experiments.RunExecutor.ToRecord(variant.Name, k, SplitMix64.Derive(experiment.Seed, (ulong)k), summary, none);

                    // A handful of distinct outcome and cause names: one copy each, not one per run (memory of 50 kept experiments).
                    variant.Results[k] = record with { Outcome = string.Intern(record.Outcome), Cause = string.Intern(record.Cause) };
                    Interlocked.Increment(ref variant.Completed);
                }, CancellationToken.None);
            }

            Save(experiment, scenarioHash);
            experiment.State = ExperimentState.Done;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NotImplementedException or OverflowException)
        {
            experiment.Error = "The simulation stopped with an internal error; the server log has the details.";
            experiment.State = ExperimentState.Failed;
            logger.LogError(e, "Experiment {Id} failed", experiment.Id);
        }
        finally
        {
            lock (gate)
            {
                running--;
            }
        }
    }

    /// <summary>
    /// Writes a finished experiment to <c>ID.db</c> in the results folder (manifest, rows, digest), so it is listed
    /// again after a restart and `bosporos experiment export` reads it. A store that cannot be written is logged; the
    /// experiment stays in memory.
    /// </summary>
    private void Save(Experiment experiment, string scenarioHash)
    {
        if (options.ResultsDirectory is not { } folder)
        {
            return;
        }

        var path = Path.Combine(folder, experiment.Id + ".db");
        try
        {
            Directory.CreateDirectory(folder);
            var text = WebExperimentText.Write(experiment);
            var manifest = new ExperimentManifest(
                "web-" + experiment.Id, ExperimentRunner.EngineVersion, experiment.Scenario, scenarioHash, Hash(text),
                text, experiment.Seed, experiment.RunsPerVariant, experiment.Variants.Select(v => v.Name).ToArray(),
                Experiment.WebMode, 0, 1, 0, experiment.RunsPerVariant, Environment.MachineName, experiment.Created);
            var rows = experiment.Variants.SelectMany(v => v.Results).ToArray();
            using (var store = ResultStores.Open(path))
            {
                store.WriteManifest(manifest);
                foreach (var batch in rows.Chunk(5000))
                {
                    store.Append(batch);
                }

                store.MarkComplete(ExperimentDigest.Compute(rows));
            }

            experiment.StoreName = Path.GetFileName(path);
            stored[experiment.Id] = new StoredEntry(path, "page", manifest, new Lazy<(Experiment?, string?)>(() => Load(experiment.Id, path, "page", manifest)));
        }
        catch (Exception e) when (e is ResultStoreException or IOException or UnauthorizedAccessException)
        {
            logger.LogError("Experiment {Id} could not be written to {Store}: {Message}", experiment.Id, path, e.Message);
        }
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Reads a store's rows into a finished experiment (variants in the manifest's order).</summary>
    private (Experiment?, string?) Load(string id, string location, string origin, ExperimentManifest manifest)
    {
        try
        {
            var (_, rows) = ResultExport.ReadStore(location);
            var prepared = WebExperimentText.Prepare(manifest, location);
            var description = WebExperimentText.Describe(manifest, location, source, prepared);
            var runs = (int)Math.Min(int.MaxValue, manifest.EndRun - manifest.FirstRun);
            var variants = manifest.Variants.Select(name =>
            {
                var (overrides, outside) = description.TryGetValue(name, out var d) ? d : ([], []);
                var ofVariant = rows.Where(r => r.Variant == name).ToArray();
                var v = new Variant(name, overrides, null, ofVariant.Length, outside);
                ofVariant.CopyTo(v.Results, 0);
                v.Completed = ofVariant.Length;
                return v;
            }).ToArray();
            var complete = variants.All(v => v.Completed == runs);
            var experiment = new Experiment(id, manifest.ScenarioId, manifest.MasterSeed, variants.Length == 0 ? 0 : variants.Max(v => v.Completed), variants)
            {
                Origin = origin,
                Mode = manifest.Mode,
                StoreName = Path.GetFileName(Shown(location)),
                Created = manifest.CreatedUtc,
                State = ExperimentState.Done,
                Error = complete ? null : string.Create(CultureInfo.InvariantCulture, $"The store holds {rows.Count:N0} of {manifest.ExpectedRows:N0} runs (an interrupted or sharded experiment)."),
                Branch = prepared?.Model as Analysis.Branching.BranchSiegeModel,
            };
            return (experiment, null);
        }
        catch (Exception e) when (e is ResultStoreException or IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Cannot read the result store {Store}: {Message}", Shown(location), e.Message);
            return (null, "The result store cannot be read; the server log says why.");
        }
    }

    /// <summary>A store location for messages: PostgreSQL addresses without their password.</summary>
    private static string Shown(string location) =>
        ResultStores.IsPostgres(location) ? "the PostgreSQL store" : location;

    // Keeps memory bounded: the oldest finished experiments go first (those in a store can be read again).
    private void Forget()
    {
        var finished = experiments.Values.Where(e => e.State != ExperimentState.Running).OrderBy(e => e.Sequence).ToList();
        var excess = experiments.Count - options.KeepExperiments;
        for (var i = 0; i < excess && i < finished.Count; i++)
        {
            experiments.TryRemove(finished[i].Id, out _);
        }
    }

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>
    /// Starts a branch experiment (its plan and model checked by the caller), or returns null when too many are
    /// already running. It runs through the engine's experiment runner into a result store (<c>ID.db</c> in the
    /// results folder, beside the replay file its text names; a temporary one with --no-results), so the store
    /// holds the command line's manifest and text: 'bosporos experiment resume', 'report' and 'export' read it.
    /// </summary>
    public Experiment? TryStartBranch(string id, string scenario, RunPlan plan, Analysis.Branching.BranchSiegeModel model, string replayText)
    {
        Experiment experiment;
        lock (gate)
        {
            if (running >= options.MaxConcurrentExperiments)
            {
                return null;
            }

            running++;
            var runs = (int)plan.RunCount;
            var variants = plan.Variants.Select((name, i) => new Variant(name, plan.VariantOverrides[i], null, runs, Counterfactuals.Find(plan.VariantOverrides[i], model.Numbers))).ToArray();
            experiment = new Experiment(id, scenario, model.Point.Replay.Seed, runs, variants) { Sequence = ++sequence, Mode = plan.Experiment.ModeName, Branch = model };
            experiments[experiment.Id] = experiment;
            Forget();
        }

        _ = Task.Factory.StartNew(() => ExecuteBranch(experiment, plan, model, replayText), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return experiment;
    }

    /// <summary>The replay file a page branch experiment keeps beside its store (its experiment text names it).</summary>
    public string? BranchReplayFile(string id) => options.ResultsDirectory is { } folder ? Path.GetFullPath(Path.Combine(folder, id + ".replay.json")) : null;

    private void ExecuteBranch(Experiment experiment, RunPlan plan, Analysis.Branching.BranchSiegeModel model, string replayText)
    {
        var replayFile = BranchReplayFile(experiment.Id);
        var temporary = replayFile is null;
        var path = replayFile is null ? Path.Combine(Path.GetTempPath(), $"bosporos-branch-{experiment.Id}.db") : Path.Combine(Path.GetDirectoryName(replayFile)!, experiment.Id + ".db");
        try
        {
            if (replayFile is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(replayFile)!);
                File.WriteAllText(replayFile, replayText);
            }

            ExperimentManifest manifest;
            RunRecord[] rows;
            using (var store = ResultStores.Open(path))
            {
                var outcome = ExperimentRunner.Run(plan, model, store, new RunOptions
                {
                    Threads = Math.Clamp(Environment.ProcessorCount, 1, 2),
                    Advanced = (done, _) => Volatile.Write(ref experiment.Ran, (int)Math.Min(int.MaxValue, done)),
                });
                if (!outcome.Succeeded || outcome.Digest is null)
                {
                    throw new InvalidOperationException(string.Join("; ", outcome.Diagnostics.Select(d => d.Message)));
                }

                manifest = store.ReadManifest()!;
                rows = [.. store.ReadAll()];
            }

            foreach (var v in experiment.Variants)
            {
                var mine = rows.Where(r => r.Variant == v.Name).OrderBy(r => r.RunIndex).ToArray();
                mine.CopyTo(v.Results, 0);
                Volatile.Write(ref v.Completed, mine.Length);
            }

            if (!temporary)
            {
                experiment.StoreName = Path.GetFileName(path);
                stored[experiment.Id] = new StoredEntry(path, "page", manifest, new Lazy<(Experiment?, string?)>(() => Load(experiment.Id, path, "page", manifest)));
            }

            experiment.State = ExperimentState.Done;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or ResultStoreException or IOException or UnauthorizedAccessException)
        {
            experiment.Error = "The branch experiment stopped with an error; the server log has the details.";
            experiment.State = ExperimentState.Failed;
            logger.LogError(e, "Branch experiment {Id} failed", experiment.Id);
        }
        finally
        {
            if (temporary)
            {
                foreach (var f in new[] { path, path + "-wal", path + "-shm" })
                {
                    File.Delete(f);
                }
            }

            lock (gate)
            {
                running--;
            }
        }
    }
}

/// <summary>The experiment text the site writes into its stores, and how a store's variants are read back.</summary>
internal static class WebExperimentText
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>JSON: scenario, seed, runs per variant and each variant's overrides (mode "web" in the manifest).</summary>
    public static string Write(Experiment experiment) =>
        System.Text.Json.JsonSerializer.Serialize(new WebExperimentDocument(
            "Started from the page of bosporos serve.", experiment.Scenario, experiment.Seed, experiment.RunsPerVariant,
            experiment.Variants.Select(v => new WebVariantDocument(v.Name, v.Overrides.ToDictionary(o => o.Path, o => o.Value, StringComparer.Ordinal))).ToArray()), Json);

    /// <summary>Each variant's overrides and counterfactual figures, from the store's experiment text (the site's JSON or the command line's YAML).</summary>
    public static Dictionary<string, (IReadOnlyList<ScenarioOverride> Overrides, IReadOnlyList<OutOfRangeDto> Outside)> Describe(ExperimentManifest manifest, string location, IScenarioSource source, (RunPlan Plan, ISiegeModel Model)? prepared = null)
    {
        var result = new Dictionary<string, (IReadOnlyList<ScenarioOverride>, IReadOnlyList<OutOfRangeDto>)>(StringComparer.Ordinal);
        if (manifest.Mode == Experiment.WebMode)
        {
            try
            {
                var document = System.Text.Json.JsonSerializer.Deserialize<WebExperimentDocument>(manifest.ExperimentText, Json);
                var numbers = ScenarioIds.IsValid(manifest.ScenarioId) ? source.Load(manifest.ScenarioId, [])?.Document?.Numbers : null;
                foreach (var v in document?.Variants ?? [])
                {
                    var overrides = v.Overrides.Select(o => new ScenarioOverride(o.Key, o.Value)).ToArray();
                    result[v.Name] = (overrides, numbers is null ? [] : Counterfactuals.Find(overrides, numbers));
                }
            }
            catch (System.Text.Json.JsonException)
            {
                // Listed without overrides.
            }

            return result;
        }

        prepared ??= Prepare(manifest, location);
        if (prepared is null)
        {
            return result;
        }

        var (plan, model) = prepared.Value;
        for (var i = 0; i < plan.Variants.Count; i++)
        {
            var overrides = plan.VariantOverrides[i];
            result[plan.Variants[i]] = (overrides, Counterfactuals.Find(overrides, model.Numbers));
        }

        return result;
    }

    /// <summary>
    /// The plan and model of a store made by the command line, as <c>bosporos report</c> rebuilds them: from the
    /// experiment text kept in the store, its scenario found by id (or by the absolute path it names). Null when
    /// the text does not load or the scenario cannot be found.
    /// </summary>
    public static (RunPlan Plan, ISiegeModel Model)? Prepare(ExperimentManifest manifest, string location)
    {
        if (manifest.Mode == Experiment.WebMode)
        {
            return null;
        }

        var loaded = ExperimentLoader.LoadText(manifest.ExperimentText, Path.GetFileName(location));
        if (loaded.Experiment is not { } experiment || loaded.Diagnostics.Any(d => d.Severity == Bosporos.Scenarios.Validation.Severity.Error))
        {
            return null;
        }

        if (!(Path.IsPathRooted(experiment.Scenario) && File.Exists(experiment.Scenario)))
        {
            experiment = experiment with { Scenario = manifest.ScenarioId };
        }

        var diagnostics = new List<Bosporos.Scenarios.Validation.Diagnostic>();
        var model = ScenarioSiegeModel.Open(experiment, diagnostics);
        if (model is Analysis.War.WarModel)
        {
            return null; // a war's runs are analysed by 'bosporos compare' and 'experiment', not by the siege pages
        }

        var plan = model is null ? null : RunPlan.Build(experiment, model, diagnostics);
        return plan is null || model is null || diagnostics.Any(d => d.Severity == Bosporos.Scenarios.Validation.Severity.Error) ? null : (plan, model);
    }
}

internal sealed record WebExperimentDocument(string Note, string Scenario, ulong Seed, int Runs, IReadOnlyList<WebVariantDocument> Variants);

internal sealed record WebVariantDocument(string Name, Dictionary<string, string> Overrides);

/// <summary>Finds the overrides that leave their figure's cited range.</summary>
internal static class Counterfactuals
{
    /// <summary>The overridden numbers whose (new) value lies outside the range the scenario cites for them.</summary>
    public static IReadOnlyList<OutOfRangeDto> Find(IReadOnlyList<ScenarioOverride> overrides, IReadOnlyList<CitedNumber> numbers)
    {
        var result = new List<OutOfRangeDto>();
        foreach (var o in overrides)
        {
            var n = numbers.FirstOrDefault(c => string.Equals(c.Path, o.Path, StringComparison.Ordinal));
            if (n is null || !decimal.TryParse(o.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            if ((n.RangeLow is { } low && value < low) || (n.RangeHigh is { } high && value > high))
            {
                result.Add(new OutOfRangeDto(o.Path, value, n.RangeLow, n.RangeHigh, n.Source));
            }
        }

        return result;
    }
}
