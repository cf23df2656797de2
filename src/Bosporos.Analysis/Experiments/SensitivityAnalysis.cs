using Bosporos.Analysis.Sensitivity;
using Bosporos.Analysis.Statistics;
using Bosporos.Analysis.Stores;
using Bosporos.Scenarios.Documents;

namespace Bosporos.Analysis.Experiments;

/// <summary>A row of the ranking table: which contested number decides the output, with its citation.</summary>
public sealed record RankingRow(
    int Rank,
    string Path,
    string? Source,
    Reliability Reliability,
    decimal Low,
    decimal High,
    double Score,
    double ScoreLow,
    double ScoreHigh,
    double Secondary,
    double Swing);

/// <summary>A tornado bar with the parameter's end values.</summary>
public sealed record TornadoRow(string Path, decimal Low, decimal High, double Nominal, double AtLow, double AtHigh)
{
    public double Swing => Math.Abs(AtHigh - AtLow);
}

/// <summary>
/// Sensitivity of one output. Morris: Score = μ*, Secondary = σ (no interval). Sobol: Score = total index ST with
/// its bootstrap interval, Secondary = first-order index S1. Rows are ranked by Score.
/// </summary>
public sealed record SensitivityOutput(
    string Output,
    string ScoreName,
    string SecondaryName,
    IReadOnlyList<RankingRow> Ranking,
    IReadOnlyList<MorrisIndex> Morris,
    IReadOnlyList<SobolIndex> Sobol,
    IReadOnlyList<TornadoRow> Tornado);

public sealed record SensitivityVariant(string Variant, IReadOnlyList<SensitivityOutput> Outputs);

public sealed record SensitivityReport(string Method, int SeedsPerPoint, int Points, IReadOnlyList<SensitivityVariant> Variants);

public static class SensitivityAnalysis
{
    public static SensitivityReport Analyze(RunPlan plan, IEnumerable<RunRecord> rows)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rows);
        var groups = PairedAnalysis.Group(rows);
        var r = plan.SeedsPerPoint;
        var variants = new List<SensitivityVariant>();
        for (var vi = 0; vi < plan.Variants.Count; vi++)
        {
            var name = plan.Variants[vi];
            var runs = groups.GetValueOrDefault(name) ?? [];
            UncertaintyAnalysis.RequireComplete(name, runs, plan.RunCount);
            var outputs = new List<SensitivityOutput>();
            foreach (var metric in plan.Outputs)
            {
                var output = metric.Name;
                var y = new double[plan.PointCount];
                for (var p = 0; p < y.Length; p++)
                {
                    var sum = 0.0;
                    for (var s = 0; s < r; s++)
                    {
                        sum += metric.Read(runs[((long)p * r) + s]);
                    }

                    y[p] = sum / r;
                }

                outputs.Add(Output(plan, output, y, vi));
            }

            variants.Add(new SensitivityVariant(name, outputs));
        }

        return new SensitivityReport(plan.Experiment.ModeName, r, plan.PointCount, variants);
    }

    private static SensitivityOutput Output(RunPlan plan, string output, double[] y, int variantIndex)
    {
        var ps = plan.Parameters;
        var tornadoDesign = plan.Tornado!;
        var tornadoY = y.AsSpan(plan.TornadoOffset, tornadoDesign.Points.Length);
        var bars = TornadoAnalysis.Analyze(tornadoDesign, tornadoY);
        var tornado = bars.Select(b => new TornadoRow(ps[b.Parameter].Path, ps[b.Parameter].Low, ps[b.Parameter].High, b.Nominal, b.AtLow, b.AtHigh)).ToList();
        var swing = bars.ToDictionary(b => b.Parameter, b => b.Swing);
        IReadOnlyList<MorrisIndex> morris = [];
        IReadOnlyList<SobolIndex> sobol = [];
        List<(int Parameter, double Score, double Low, double High, double Secondary)> scores;
        string scoreName, secondaryName;
        if (plan.Morris is { } md)
        {
            morris = MorrisAnalysis.Analyze(md, y.AsSpan(0, md.Points.Length));
            scores = [.. morris.Select(m => (m.Parameter, m.MuStar, double.NaN, double.NaN, m.Sigma))];
            (scoreName, secondaryName) = ("mu*", "sigma");
        }
        else
        {
            var sd = plan.Saltelli!;
            var stream = UnitUniform.Stream(plan.Experiment.MasterSeed, RunPlan.BootstrapSalt, (ulong)(1000 + variantIndex));
            sobol = SobolAnalysis.Analyze(sd, y.AsSpan(0, sd.Points.Length), plan.Experiment.Sobol.BootstrapReplicates, stream);
            scores = [.. sobol.Select(s => (s.Parameter, s.Total, s.TotalLow, s.TotalHigh, s.First))];
            (scoreName, secondaryName) = ("ST", "S1");
        }

        var ranking = scores.OrderByDescending(s => s.Score).ThenBy(s => s.Parameter)
            .Select((s, i) => new RankingRow(i + 1, ps[s.Parameter].Path, ps[s.Parameter].Source, ps[s.Parameter].Reliability, ps[s.Parameter].Low, ps[s.Parameter].High, s.Score, s.Low, s.High, s.Secondary, swing[s.Parameter]))
            .ToList();
        return new SensitivityOutput(output, scoreName, secondaryName, ranking, morris, sobol, tornado);
    }
}
