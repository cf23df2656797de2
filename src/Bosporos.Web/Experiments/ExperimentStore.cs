using System.Collections.Concurrent;
using System.Security.Cryptography;
using Bosporos.Kernel;
using Bosporos.Scenarios;

namespace Bosporos.Web.Experiments;

public enum ExperimentState
{
    Running,
    Done,
    Failed,
}

/// <summary>One variant of an experiment: its overrides, its definition and one summary slot per run.</summary>
internal sealed class Variant(string name, IReadOnlyList<ScenarioOverride> overrides, SiegeDefinition definition, int runs)
{
    public string Name { get; } = name;

    public IReadOnlyList<ScenarioOverride> Overrides { get; } = overrides;

    public SiegeDefinition Definition { get; } = definition;

    public SiegeSummary[] Results { get; } = new SiegeSummary[runs];

    public int Completed;
}

/// <summary>A Monte Carlo batch running (or finished) in the background.</summary>
internal sealed class Experiment(string id, string scenario, ulong seed, int runs, IReadOnlyList<Variant> variants)
{
    public string Id { get; } = id;

    public string Scenario { get; } = scenario;

    public ulong Seed { get; } = seed;

    public int RunsPerVariant { get; } = runs;

    public IReadOnlyList<Variant> Variants { get; } = variants;

    public int Total => RunsPerVariant * Variants.Count;

    public int Completed => Variants.Sum(v => Volatile.Read(ref v.Completed));

    public volatile ExperimentState State;

    public string? Error { get; set; }

    public long Sequence { get; init; }

    public ProgressDto Progress()
    {
        var completed = Completed;
        return new ProgressDto(Id, State.ToString().ToLowerInvariant(), completed, Total,
            Total == 0 ? 100 : Math.Round(100.0 * completed / Total, 1), Error);
    }
}

/// <summary>
/// Holds experiments in memory, starts each on a background thread and refuses new ones beyond the concurrency
/// limit. Variants of one experiment share seeds run by run (common random numbers), so differences between them
/// come from the variant, not the dice.
/// </summary>
internal sealed class ExperimentStore(WebOptions options, IBatchRunner runner)
{
    private readonly ConcurrentDictionary<string, Experiment> experiments = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private long sequence;
    private int running;

    public Experiment? Find(string id) => experiments.TryGetValue(id, out var e) ? e : null;

    /// <summary>Starts the experiment, or returns null when too many are already running.</summary>
    public Experiment? TryStart(string scenario, ulong seed, int runs, IReadOnlyList<Variant> variants)
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

        _ = Task.Factory.StartNew(() => Execute(experiment), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return experiment;
    }

    private void Execute(Experiment experiment)
    {
        try
        {
            foreach (var variant in experiment.Variants)
            {
                runner.Run(variant.Definition, experiment.Seed, experiment.RunsPerVariant, (k, summary) =>
                {
                    variant.Results[k] = summary;
                    Interlocked.Increment(ref variant.Completed);
                }, CancellationToken.None);
            }

            experiment.State = ExperimentState.Done;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NotImplementedException or OverflowException)
        {
            experiment.Error = "The simulation stopped with an internal error; the server log has the details.";
            experiment.State = ExperimentState.Failed;
            Console.Error.WriteLine($"experiment {experiment.Id} failed: {e}");
        }
        finally
        {
            lock (gate)
            {
                running--;
            }
        }
    }

    // Keeps memory bounded: the oldest finished experiments go first.
    private void Forget()
    {
        var finished = experiments.Values.Where(e => e.State != ExperimentState.Running).OrderBy(e => e.Sequence).ToList();
        var excess = experiments.Count - options.KeepExperiments;
        for (var i = 0; i < excess && i < finished.Count; i++)
        {
            experiments.TryRemove(finished[i].Id, out _);
        }
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
