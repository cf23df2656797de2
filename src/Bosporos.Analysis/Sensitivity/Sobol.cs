using Bosporos.Analysis.Statistics;
using Bosporos.Kernel.Randomness;

namespace Bosporos.Analysis.Sensitivity;

/// <summary>
/// Saltelli's sampling scheme (Saltelli et al. 2010): two independent N × d matrices A and B, and for each parameter
/// i the matrix AB_i (A with column i taken from B). Points are laid out in blocks: A (N rows), B (N rows), then
/// AB_1 … AB_d, N(d + 2) model evaluations in all.
/// </summary>
public sealed record SaltelliDesign(int BaseSamples, int Parameters, double[][] Points)
{
    public static SaltelliDesign Generate(int baseSamples, int parameters, RandomStream stream)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(baseSamples, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parameters);
        var n = baseSamples;
        var d = parameters;
        var a = LatinHypercube.Uniform(n, d, stream);
        var bStream = new RandomStream(SplitMix64.Derive(stream.NextUInt64(), 1));
        var b = LatinHypercube.Uniform(n, d, bStream);
        var points = new double[n * (d + 2)][];
        for (var k = 0; k < n; k++)
        {
            points[k] = a[k];
            points[n + k] = b[k];
        }

        for (var i = 0; i < d; i++)
        {
            for (var k = 0; k < n; k++)
            {
                var row = (double[])a[k].Clone();
                row[i] = b[k][i];
                points[((2 + i) * n) + k] = row;
            }
        }

        return new SaltelliDesign(n, d, points);
    }
}

/// <summary>First-order (S1: the share of variance due to the parameter alone) and total (ST: alone and in every
/// interaction) Sobol indices of one parameter, with bootstrap 95% intervals.</summary>
public readonly record struct SobolIndex(int Parameter, double First, double FirstLow, double FirstHigh, double Total, double TotalLow, double TotalHigh);

/// <summary>
/// Estimators: V = variance of all f(A) and f(B) values; S1_i = mean(f(B) · (f(AB_i) − f(A))) / V (Saltelli 2010,
/// table 2 (b)); ST_i = mean((f(A) − f(AB_i))²) / (2V) (Jansen 1999). Intervals: percentile bootstrap over the N
/// base rows (each resample keeps a row's A, B and AB_i values together).
/// </summary>
public static class SobolAnalysis
{
    public static IReadOnlyList<SobolIndex> Analyze(SaltelliDesign design, ReadOnlySpan<double> outputs, int bootstrapReplicates, RandomStream stream)
    {
        ArgumentNullException.ThrowIfNull(design);
        if (outputs.Length != design.Points.Length)
        {
            throw new ArgumentException($"Expected {design.Points.Length} outputs, got {outputs.Length}.", nameof(outputs));
        }

        var n = design.BaseSamples;
        var d = design.Parameters;
        var fa = outputs[..n].ToArray();
        var fb = outputs[n..(2 * n)].ToArray();
        var fab = new double[d][];
        for (var i = 0; i < d; i++)
        {
            fab[i] = outputs[((2 + i) * n)..((3 + i) * n)].ToArray();
        }

        var all = Enumerable.Range(0, n).ToArray();
        var result = new SobolIndex[d];
        for (var i = 0; i < d; i++)
        {
            var ab = fab[i];
            var s1 = First(fa, fb, ab, all);
            var st = Total(fa, fb, ab, all);
            var (s1Lo, s1Hi) = bootstrapReplicates >= 2 ? Bootstrap.Percentile(n, bootstrapReplicates, stream, idx => First(fa, fb, ab, idx)) : (double.NaN, double.NaN);
            var (stLo, stHi) = bootstrapReplicates >= 2 ? Bootstrap.Percentile(n, bootstrapReplicates, stream, idx => Total(fa, fb, ab, idx)) : (double.NaN, double.NaN);
            result[i] = new SobolIndex(i, s1, s1Lo, s1Hi, st, stLo, stHi);
        }

        return result;
    }

    private static double Variance(double[] fa, double[] fb, int[] idx)
    {
        var values = new double[2 * idx.Length];
        for (var k = 0; k < idx.Length; k++)
        {
            values[k] = fa[idx[k]];
            values[idx.Length + k] = fb[idx[k]];
        }

        return Descriptive.PopulationVariance(values);
    }

    private static double First(double[] fa, double[] fb, double[] fab, int[] idx)
    {
        var v = Variance(fa, fb, idx);
        if (!(v > 0))
        {
            return 0;
        }

        var sum = 0.0;
        foreach (var k in idx)
        {
            sum += fb[k] * (fab[k] - fa[k]);
        }

        return sum / idx.Length / v;
    }

    private static double Total(double[] fa, double[] fb, double[] fab, int[] idx)
    {
        var v = Variance(fa, fb, idx);
        if (!(v > 0))
        {
            return 0;
        }

        var sum = 0.0;
        foreach (var k in idx)
        {
            var diff = fa[k] - fab[k];
            sum += diff * diff;
        }

        return sum / idx.Length / (2 * v);
    }
}
