using System.Collections.Concurrent;
using Bosporos.Analysis.Stores;
using Bosporos.Kernel;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Analysis.Experiments;

/// <summary>A run configuration (variant × design point) that the scenario validator rejected.</summary>
public sealed class ExperimentConfigurationException(string message, IReadOnlyList<Diagnostic> diagnostics) : Exception(message)
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;
}

/// <summary>
/// Runs a list of (variant, run index) pairs on worker threads, one reusable simulation per configuration per
/// worker, and returns the records in the order asked. A run depends only on its configuration and seed, so the
/// records are the same for any thread count.
/// </summary>
public sealed class RunExecutor
{
    private const int Chunk = 8;
    private readonly RunPlan plan;
    private readonly ISiegeModel model;
    private readonly int threads;
    private readonly ConcurrentDictionary<(int Variant, int Point), Lazy<IConfiguredModel>> configurations = new();

    public RunExecutor(RunPlan plan, ISiegeModel model, int threads)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        this.plan = plan;
        this.model = model;
        this.threads = threads;
    }

    /// <summary>Checks that every variant gives a valid scenario (at the first design point), before any run.</summary>
    public IReadOnlyList<Diagnostic> Validate()
    {
        var result = new List<Diagnostic>();
        for (var v = 0; v < plan.Variants.Count; v++)
        {
            try
            {
                _ = Configuration(v, 0);
            }
            catch (ExperimentConfigurationException ex)
            {
                var def = v == 0 ? null : plan.Experiment.Variants[v - 1];
                result.Add(YamlTree.Error(plan.Experiment.File, def?.Line ?? 1, def?.Column ?? 1, "BOSX055", ex.Message, "The scenario's own diagnostics follow.", def is null ? "baseline" : "variants." + def.Name));
                result.AddRange(ex.Diagnostics);
            }
        }

        return result;
    }

    /// <summary>
    /// Runs the work and returns the records in the order asked. Stretches of consecutive runs of one configuration
    /// go through the configuration's own range runner when it has one (the kernel's Monte Carlo runner); the rest
    /// run on this executor's worker threads.
    /// </summary>
    public IReadOnlyList<RunRecord> Execute(IReadOnlyList<(int Variant, long RunIndex)> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var results = new RunRecord[work.Count];
        var loose = new List<int>();
        var i = 0;
        while (i < work.Count)
        {
            var (v, k0) = work[i];
            var point = plan.PointOf(k0);
            var end = i + 1;
            while (end < work.Count && work[end].Variant == v && work[end].RunIndex == work[end - 1].RunIndex + 1 && plan.PointOf(work[end].RunIndex) == point)
            {
                end++;
            }

            if (Configuration(v, point) is IRangeRunner ranges)
            {
                var start = i;
                var seedFirst = plan.SeedIndexOf(k0);
                var parameters = plan.ParametersUsed(v, point);
                ranges.RunSeeds(plan.Experiment.MasterSeed, seedFirst, end - i, threads, (seedIndex, seed, summary) =>
                {
                    var at = start + (int)(seedIndex - seedFirst);
                    results[at] = ToRecord(plan.Variants[v], work[at].RunIndex, seed, summary, parameters);
                });
            }
            else
            {
                for (var j = i; j < end; j++)
                {
                    loose.Add(j);
                }
            }

            i = end;
            if (loose.Count == 0)
            {
                Forget(except: point);
            }
        }

        if (loose.Count > 0)
        {
            RunOnWorkers(work, loose, results);
            Forget(except: plan.PointOf(work[^1].RunIndex));
        }

        return results;
    }

    /// <summary>
    /// Designed experiments visit thousands of points in order, each with its own scenario and simulations: keep only
    /// the current point's configurations (a point cut by a batch boundary is simply configured again).
    /// </summary>
    private void Forget(int except)
    {
        if (plan.PointCount <= 1)
        {
            return;
        }

        foreach (var key in configurations.Keys)
        {
            if (key.Point != except)
            {
                configurations.TryRemove(key, out _);
            }
        }
    }

    private void RunOnWorkers(IReadOnlyList<(int Variant, long RunIndex)> work, List<int> positions, RunRecord[] results)
    {
        var chunks = (positions.Count + Chunk - 1) / Chunk;
        var next = -1;
        Exception? failure = null;
        void Worker()
        {
            var runs = new Dictionary<(int, int), IModelRun>();
            try
            {
                int c;
                while ((c = Interlocked.Increment(ref next)) < chunks && Volatile.Read(ref failure) is null)
                {
                    var end = Math.Min(positions.Count, (c + 1) * Chunk);
                    for (var n = c * Chunk; n < end; n++)
                    {
                        var i = positions[n];
                        var (v, k) = work[i];
                        var point = plan.PointOf(k);
                        if (!runs.TryGetValue((v, point), out var run))
                        {
                            if (runs.Count >= 8)
                            {
                                runs.Clear();
                            }

                            run = Configuration(v, point).CreateRun();
                            runs[(v, point)] = run;
                        }

                        var seed = plan.SeedOf(k);
                        results[i] = run is IRecordingRun recording
                            ? recording.Record(plan.Variants[v], k, seed, plan.ParametersUsed(v, point))
                            : ToRecord(plan.Variants[v], k, seed, run.Run(seed), plan.ParametersUsed(v, point));
                    }
                }
            }
            catch (Exception ex)
            {
                Interlocked.CompareExchange(ref failure, ex, null);
            }
        }

        var count = Math.Min(threads, Math.Max(1, chunks));
        if (count == 1)
        {
            Worker();
        }
        else
        {
            var pool = new Thread[count];
            for (var t = 0; t < count; t++)
            {
                pool[t] = new Thread(Worker) { IsBackground = true, Name = "bosporos-run-" + t };
                pool[t].Start();
            }

            foreach (var t in pool)
            {
                t.Join();
            }
        }

        if (failure is not null)
        {
            if (failure is ExperimentConfigurationException)
            {
                throw failure;
            }

            throw new InvalidOperationException("A run failed: " + failure.Message, failure);
        }
    }

    /// <summary>How many configurations are held (tests check that designs do not pile them up).</summary>
    internal int CachedConfigurations => configurations.Count;

    internal IModelRun CreateRun(int variant, int point) => Configuration(variant, point).CreateRun();

    private IConfiguredModel Configuration(int variant, int point) =>
        configurations.GetOrAdd((variant, point), key => new Lazy<IConfiguredModel>(() =>
        {
            var c = model.Configure(plan.OverridesFor(key.Variant, key.Point));
            if (!c.Succeeded)
            {
                var what = plan.Parameters.Count == 0 ? string.Empty : " at design point " + key.Point;
                throw new ExperimentConfigurationException($"The variant '{plan.Variants[key.Variant]}'{what} does not give a valid scenario.", c.Diagnostics);
            }

            return c.Model!;
        })).Value;

    public static RunRecord ToRecord(string variant, long runIndex, ulong seed, SiegeSummary s, IReadOnlyDictionary<string, decimal> parameters) => new(
        variant, runIndex, seed, s.Outcome.ToString().ToLowerInvariant(), Kebab(s.Cause.ToString()), s.End.Hours, s.CloseSiegeDays, s.PersiansFerried,
        s.AssaultAttackerLosses, s.AssaultDefenderLosses, s.CanoesLaunched, s.CanoesLost, s.EnginesLost, s.TowersBurned,
        s.RomanLosses, s.HostLosses, s.PersianLosses, s.MinWallIntegrityPermille, s.EnvoysCaught, s.SignalLearned, s.StateHash, parameters);

    /// <summary>"HostStarving" → "host-starving".</summary>
    public static string Kebab(string name) => Scenarios.Naming.Kebab(name);
}
