using Bosporos.Analysis.Statistics;
using Bosporos.Analysis.Stores;

namespace Bosporos.Analysis.Experiments;

/// <summary>
/// One output under uncertainty: its overall mean (a share for outcome indicators), the spread of the per-draw
/// means (5%, 50%, 95%: how much the answer moves with the contested numbers), and the split of its variance into
/// inputs and chance.
/// </summary>
public sealed record UncertainOutput(string Output, bool IsShare, double Mean, double DrawMeanP05, double DrawMeanP50, double DrawMeanP95, VarianceSplit Split);

public sealed record UncertaintyVariant(string Variant, IReadOnlyList<UncertainOutput> Outputs);

public sealed record UncertaintyReport(int Draws, int SeedsPerDraw, IReadOnlyList<string> Parameters, IReadOnlyList<UncertaintyVariant> Variants);

public static class UncertaintyAnalysis
{
    public static UncertaintyReport Analyze(RunPlan plan, IEnumerable<RunRecord> rows)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rows);
        var groups = PairedAnalysis.Group(rows);
        var m = plan.PointCount;
        var r = plan.SeedsPerPoint;
        var variants = new List<UncertaintyVariant>();
        foreach (var name in plan.Variants)
        {
            var runs = groups.GetValueOrDefault(name) ?? [];
            RequireComplete(name, runs, plan.RunCount);
            var outputs = new List<UncertainOutput>();
            foreach (var metric in plan.Outputs)
            {
                var output = metric.Name;
                var values = new double[m][];
                for (var j = 0; j < m; j++)
                {
                    values[j] = new double[r];
                    for (var s = 0; s < r; s++)
                    {
                        values[j][s] = metric.Read(runs[((long)j * r) + s]);
                    }
                }

                var means = values.Select(v => Descriptive.Mean(v)).ToArray();
                var all = values.SelectMany(v => v).ToArray();
                Array.Sort(means);
                outputs.Add(new UncertainOutput(
                    output, metric.IsShare, Descriptive.Mean(all), Descriptive.PercentileOfSorted(means, 0.05), Descriptive.PercentileOfSorted(means, 0.5),
                    Descriptive.PercentileOfSorted(means, 0.95), VarianceDecomposition.Of(values)));
            }

            variants.Add(new UncertaintyVariant(name, outputs));
        }

        return new UncertaintyReport(m, r, [.. plan.Parameters.Select(p => p.Path)], variants);
    }

    internal static void RequireComplete(string variant, SortedDictionary<long, RunRecord> runs, long count)
    {
        for (long k = 0; k < count; k++)
        {
            if (!runs.ContainsKey(k))
            {
                throw new InvalidOperationException($"The store holds {runs.Count} of the {count} runs of '{variant}' (run {k} is missing): finish the experiment (run it again to resume) before analysing a designed experiment.");
            }
        }
    }
}
