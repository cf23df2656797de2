using System.Globalization;
using Bosporos.Analysis.Stores;
using Bosporos.Kernel.Events;

namespace Bosporos.Analysis.Experiments;

/// <summary>Where one pair of runs (same seed, baseline vs variant) first parts.</summary>
public sealed record Divergence(
    long RunIndex,
    ulong Seed,
    string BaselineOutcome,
    string VariantOutcome,
    int? Hour,
    string? BaselineEvent,
    string? VariantEvent,
    string Sentence);

/// <summary>
/// The first-divergence report: replays paired runs with their event logs and finds the earliest event where the
/// two histories differ (logs are compared entry by entry; the first unequal entry is the parting point).
/// </summary>
public static class FirstDivergence
{
    /// <summary>The first <c>differing</c> run indices whose outcomes differ, then the first <c>agreeing</c> whose outcomes agree.</summary>
    public static IReadOnlyList<long> Sample(IEnumerable<RunRecord> rows, string variant, int differing, int agreeing)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var groups = PairedAnalysis.Group(rows);
        var b = groups.GetValueOrDefault(ExperimentDefinition.BaselineName) ?? [];
        var v = groups.GetValueOrDefault(variant) ?? [];
        var diff = new List<long>();
        var same = new List<long>();
        foreach (var (k, rb) in b)
        {
            if (!v.TryGetValue(k, out var rv))
            {
                continue;
            }

            if (rb.Outcome != rv.Outcome)
            {
                if (diff.Count < differing)
                {
                    diff.Add(k);
                }
            }
            else if (same.Count < agreeing)
            {
                same.Add(k);
            }

            if (diff.Count >= differing && same.Count >= agreeing)
            {
                break;
            }
        }

        return [.. diff, .. same];
    }

    public static IReadOnlyList<Divergence> Find(RunPlan plan, ISiegeModel model, string variant, IReadOnlyList<long> runIndices)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(runIndices);
        var vi = plan.VariantIndex(variant);
        if (vi <= 0)
        {
            throw new ArgumentException($"'{variant}' is not a variant of this experiment.", nameof(variant));
        }

        var executor = new RunExecutor(plan, model, 1);
        var result = new List<Divergence>();
        foreach (var k in runIndices)
        {
            var point = plan.PointOf(k);
            var seed = plan.SeedOf(k);
            var baseRun = executor.CreateRun(0, point);
            var varRun = executor.CreateRun(vi, point);
            var sb = baseRun.Run(seed);
            var sv = varRun.Run(seed);
            result.Add(Compare(variant, k, seed, sb.Outcome.ToString().ToLowerInvariant(), sv.Outcome.ToString().ToLowerInvariant(), baseRun, varRun));
        }

        return result;
    }

    internal static Divergence Compare(string variant, long runIndex, ulong seed, string baseOutcome, string varOutcome, IModelRun baseRun, IModelRun varRun)
    {
        var a = baseRun.Events();
        var b = varRun.Events();
        var n = Math.Min(a.Count, b.Count);
        var i = 0;
        while (i < n && a[i].Equals(b[i]))
        {
            i++;
        }

        var outcomes = baseOutcome == varOutcome ? $"both runs end {baseOutcome}" : $"the baseline ends {baseOutcome}, {variant} ends {varOutcome}";
        var head = string.Create(CultureInfo.InvariantCulture, $"Run {runIndex} (seed {seed}): ");
        if (i == a.Count && i == b.Count)
        {
            return new Divergence(runIndex, seed, baseOutcome, varOutcome, null, null, null, head + $"the two histories never part ({a.Count} identical events); {outcomes}.");
        }

        SiegeEvent? ea = i < a.Count ? a[i] : null;
        SiegeEvent? eb = i < b.Count ? b[i] : null;
        var hour = Math.Min(ea?.Time.Hours ?? int.MaxValue, eb?.Time.Hours ?? int.MaxValue);
        var da = ea is null ? "nothing more happens" : baseRun.Describe(ea.Value);
        var db = eb is null ? "nothing more happens" : varRun.Describe(eb.Value);
        var sentence = head + $"the histories part on {EventSentence.When(hour)} after {i} shared events: in the baseline, {da}; with {variant}, {db}. Then {outcomes}.";
        return new Divergence(runIndex, seed, baseOutcome, varOutcome, hour, ea is null ? null : da, eb is null ? null : db, sentence);
    }
}
