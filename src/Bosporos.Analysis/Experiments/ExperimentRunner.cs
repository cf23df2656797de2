using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Bosporos.Analysis.Statistics;
using Bosporos.Analysis.Stores;
using Bosporos.Kernel;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Analysis.Experiments;

/// <summary>How to run: threads, which slice of the run indices, and where progress goes.</summary>
public sealed record RunOptions
{
    public int Threads { get; init; } = 1;

    /// <summary>First run index of this process's slice (inclusive); null = 0.</summary>
    public long? FirstRun { get; init; }

    /// <summary>End of the slice (exclusive); null = the plan's run count.</summary>
    public long? EndRun { get; init; }

    public long ShardIndex { get; init; }

    public long ShardCount { get; init; } = 1;

    public string Machine { get; init; } = Environment.MachineName;

    /// <summary>Fixed creation time for reproducible manifests in tests; null = now.</summary>
    public DateTimeOffset? CreatedUtc { get; init; }

    public TextWriter? Progress { get; init; }
}

/// <summary>What a run of an experiment did.</summary>
public sealed record RunOutcome(IReadOnlyList<Diagnostic> Diagnostics, long Executed, long Skipped, long EndRun, string? Digest, bool Complete, bool StoppedEarly)
{
    /// <summary>True when the store failed (full disk, read-only file): not the input's fault.</summary>
    public bool StoreFailed { get; init; }

    public bool Succeeded => !Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>
/// Runs an experiment's plan into a result store, batch by batch, skipping what the store already holds (so a
/// killed run resumes), and with <c>until-ci</c> stops once every share is known precisely enough.
/// </summary>
public static class ExperimentRunner
{
    public static string EngineVersion =>
        typeof(Simulation).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(Simulation).Assembly.GetName().Version?.ToString() ?? "0";

    /// <summary>SHA-256 of the experiment text with line endings normalised.</summary>
    public static string ExperimentHash(ExperimentDefinition experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var text = experiment.Text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Shard k of n covers run indices [⌊C·k/n⌋, ⌊C·(k+1)/n⌋): contiguous, and together an exact cover.</summary>
    public static (long First, long End) Shard(long runCount, long index, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(runCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        return ((long)((Int128)runCount * index / count), (long)((Int128)runCount * (index + 1) / count));
    }

    public static ExperimentManifest Manifest(RunPlan plan, ISiegeModel model, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var e = plan.Experiment;
        return new ExperimentManifest(
            e.Id, EngineVersion, model.ScenarioId, model.ScenarioHash, ExperimentHash(e), e.Text, e.MasterSeed, plan.RunCount,
            plan.Variants, e.ModeName, options.ShardIndex, options.ShardCount, options.FirstRun ?? 0, options.EndRun ?? plan.RunCount,
            options.Machine, options.CreatedUtc ?? DateTimeOffset.UtcNow);
    }

    /// <summary>The fields in which a store's manifest differs from this experiment (empty when they agree).</summary>
    public static IReadOnlyList<string> Mismatches(ExperimentManifest stored, ExperimentManifest wanted)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(wanted);
        var result = new List<string>();
        void Check(string name, string a, string b)
        {
            if (a != b)
            {
                result.Add($"{name}: store has '{a}', this experiment has '{b}'");
            }
        }

        Check("engine version", stored.EngineVersion, wanted.EngineVersion);
        Check("scenario", stored.ScenarioId, wanted.ScenarioId);
        Check("scenario hash", stored.ScenarioHash, wanted.ScenarioHash);
        Check("experiment hash", stored.ExperimentHash, wanted.ExperimentHash);
        Check("master seed", stored.MasterSeed.ToString(CultureInfo.InvariantCulture), wanted.MasterSeed.ToString(CultureInfo.InvariantCulture));
        Check("mode", stored.Mode, wanted.Mode);
        Check("run count", stored.RunCount.ToString(CultureInfo.InvariantCulture), wanted.RunCount.ToString(CultureInfo.InvariantCulture));
        Check("variants", string.Join(",", stored.Variants), string.Join(",", wanted.Variants));
        return result;
    }

    public static RunOutcome Run(RunPlan plan, ISiegeModel model, IResultStore store, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var e = plan.Experiment;
        var first = options.FirstRun ?? 0;
        var end = options.EndRun ?? plan.RunCount;
        if (first < 0 || end > plan.RunCount || first > end)
        {
            return Fail(e.File, "BOSX071", $"The run range [{first}, {end}) is outside the experiment's {plan.RunCount} runs.", "Ranges and shards must lie within [0, runs).");
        }

        var adaptive = e.UntilCi is not null;
        if (adaptive && (first != 0 || end != plan.RunCount))
        {
            return Fail(e.File, "BOSX072", "An experiment with 'until-ci' cannot be split into ranges or shards: where it stops depends on all runs before.", "Remove 'until-ci' (and set 'runs') to shard it.");
        }

        var executor = new RunExecutor(plan, model, options.Threads);
        var invalid = executor.Validate();
        if (invalid.Count > 0)
        {
            return new RunOutcome(invalid, 0, 0, first, null, false, false);
        }

        var wanted = Manifest(plan, model, options);
        HashSet<(string, long)> done;
        try
        {
            var stored = store.ReadManifest();
            if (stored is not null)
            {
                var diff = Mismatches(stored, wanted);
                if (diff.Count > 0)
                {
                    return Fail(e.File, "BOSX070", "The result store holds another experiment's runs: " + string.Join("; ", diff) + ".", "Use a new store (another --out), or rerun the experiment that made this one.");
                }
            }
            else
            {
                store.WriteManifest(wanted);
            }

            done = [.. store.CompletedRuns()];
        }
        catch (ResultStoreException ex)
        {
            return Fail(e.File, "BOSX073", "The result store refused: " + ex.Message, null, storeFailed: true);
        }

        var outcomes = adaptive ? new byte[plan.Variants.Count, plan.RunCount] : null;
        if (outcomes is not null && done.Count > 0)
        {
            foreach (var r in store.ReadAll())
            {
                var v = plan.VariantIndex(r.Variant);
                if (v >= 0 && r.RunIndex < plan.RunCount)
                {
                    outcomes[v, r.RunIndex] = OutcomeCode(r.Outcome);
                }
            }
        }

        long executed = 0, skipped = 0;
        var batch = Math.Max(1, e.Batch);
        var position = first;
        var stoppedEarly = false;
        try
        {
            while (position < end)
            {
                var next = Math.Min(end, position + batch);
                var work = new List<(int, long)>();
                for (var v = 0; v < plan.Variants.Count; v++)
                {
                    for (var k = position; k < next; k++)
                    {
                        if (done.Contains((plan.Variants[v], k)))
                        {
                            skipped++;
                        }
                        else
                        {
                            work.Add((v, k));
                        }
                    }
                }

                if (work.Count > 0)
                {
                    var records = executor.Execute(work);
                    store.Append(records);
                    executed += records.Count;
                    if (outcomes is not null)
                    {
                        foreach (var r in records)
                        {
                            outcomes[plan.VariantIndex(r.Variant), r.RunIndex] = OutcomeCode(r.Outcome);
                        }
                    }
                }

                position = next;
                options.Progress?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"runs {position - first}/{end - first} per variant ({plan.Variants.Count} variants)"));
                if (outcomes is not null && PreciseEnough(outcomes, position, e.UntilCi!.Value))
                {
                    stoppedEarly = position < end;
                    end = position;
                    break;
                }
            }
        }
        catch (ExperimentConfigurationException ex)
        {
            var list = new List<Diagnostic> { YamlTree.Error(e.File, 1, 1, "BOSX055", ex.Message, "The scenario's own diagnostics follow.") };
            list.AddRange(ex.Diagnostics);
            return new RunOutcome(list, executed, skipped, position, null, false, false);
        }
        catch (ResultStoreException ex)
        {
            return Fail(e.File, "BOSX073", "The result store refused: " + ex.Message, null, storeFailed: true);
        }

        var digest = ExperimentDigest.Compute(store.ReadAll());
        store.MarkComplete(digest);
        if (stoppedEarly)
        {
            options.Progress?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stopped at {end} runs per variant: every share's 95% half-width is below {e.UntilCi}"));
        }

        return new RunOutcome([], executed, skipped, end, digest, true, stoppedEarly);
    }

    /// <summary>True when every outcome share of every variant over runs [0, n) has a Wilson half-width below the target.</summary>
    internal static bool PreciseEnough(byte[,] outcomes, long n, double target)
    {
        var variants = outcomes.GetLength(0);
        Span<long> counts = stackalloc long[5];
        for (var v = 0; v < variants; v++)
        {
            counts.Clear();
            for (var k = 0; k < n; k++)
            {
                counts[outcomes[v, k]]++;
            }

            for (var c = 1; c <= Metrics.OutcomeNames.Count; c++)
            {
                if (ShareInterval.Wilson(counts[c], n).HalfWidth >= target)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static byte OutcomeCode(string outcome)
    {
        for (var i = 0; i < Metrics.OutcomeNames.Count; i++)
        {
            if (Metrics.OutcomeNames[i] == outcome)
            {
                return (byte)(i + 1);
            }
        }

        return 0;
    }

    private static RunOutcome Fail(string file, string code, string message, string? hint, bool storeFailed = false) =>
        new([new Diagnostic(Severity.Error, code, file, 0, 0, string.Empty, message, hint)], 0, 0, 0, null, false, false) { StoreFailed = storeFailed };
}
