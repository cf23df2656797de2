using Bosporos.Analysis.Statistics;
using Bosporos.Kernel.Randomness;

namespace Bosporos.Analysis.Sensitivity;

/// <summary>
/// A Morris design (Morris 1991, with Campolongo, Cariboni and Saltelli's μ* of 2007): r trajectories of d + 1
/// points on a p-level grid of the unit cube. Each step of a trajectory moves one parameter by ±Δ, Δ = p / (2(p − 1)),
/// in a random order, so every trajectory gives one elementary effect per parameter.
/// </summary>
public sealed record MorrisDesign(int Trajectories, int Parameters, int Levels, double Delta, double[][] Points, int[][] Moved, double[][] Steps)
{
    /// <summary>Points per trajectory (d + 1).</summary>
    public int PointsPerTrajectory => Parameters + 1;

    public static MorrisDesign Generate(int trajectories, int parameters, int levels, RandomStream stream)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trajectories);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parameters);
        if (levels < 2 || levels % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(levels), levels, "Morris needs an even number of levels (at least 2).");
        }

        var delta = levels / (2.0 * (levels - 1));
        var d = parameters;
        var points = new double[trajectories * (d + 1)][];
        var moved = new int[trajectories][];
        var steps = new double[trajectories][];
        var baseLevels = levels / 2; // x* takes the levels 0 .. 1 − Δ, so x* + Δ stays on the grid
        for (var t = 0; t < trajectories; t++)
        {
            var x = new double[d];
            var sign = new double[d];
            for (var i = 0; i < d; i++)
            {
                var level = stream.NextInt(baseLevels) / (double)(levels - 1);
                var up = stream.NextInt(2) == 0;
                sign[i] = up ? 1 : -1;
                x[i] = up ? level : level + delta;
            }

            var order = new int[d];
            for (var i = 0; i < d; i++)
            {
                order[i] = i;
            }

            for (var i = d - 1; i > 0; i--)
            {
                var k = stream.NextInt(i + 1);
                (order[i], order[k]) = (order[k], order[i]);
            }

            moved[t] = order;
            steps[t] = new double[d];
            var row = t * (d + 1);
            points[row] = (double[])x.Clone();
            for (var s = 0; s < d; s++)
            {
                var i = order[s];
                x[i] += sign[i] * delta;
                steps[t][s] = sign[i] * delta;
                points[row + s + 1] = (double[])x.Clone();
            }
        }

        return new MorrisDesign(trajectories, d, levels, delta, points, moved, steps);
    }
}

/// <summary>μ (mean elementary effect), μ* (mean of absolute effects: overall influence) and σ (their spread:
/// non-linearity or interactions) of one parameter, in output units per whole range of the parameter.</summary>
public readonly record struct MorrisIndex(int Parameter, double Mu, double MuStar, double Sigma);

public static class MorrisAnalysis
{
    /// <summary>outputs[k] is the model's output at design.Points[k].</summary>
    public static IReadOnlyList<MorrisIndex> Analyze(MorrisDesign design, ReadOnlySpan<double> outputs)
    {
        ArgumentNullException.ThrowIfNull(design);
        if (outputs.Length != design.Points.Length)
        {
            throw new ArgumentException($"Expected {design.Points.Length} outputs, got {outputs.Length}.", nameof(outputs));
        }

        var d = design.Parameters;
        var effects = new double[d][];
        for (var i = 0; i < d; i++)
        {
            effects[i] = new double[design.Trajectories];
        }

        for (var t = 0; t < design.Trajectories; t++)
        {
            var row = t * (d + 1);
            for (var s = 0; s < d; s++)
            {
                var i = design.Moved[t][s];
                effects[i][t] = (outputs[row + s + 1] - outputs[row + s]) / design.Steps[t][s];
            }
        }

        var result = new MorrisIndex[d];
        for (var i = 0; i < d; i++)
        {
            var abs = effects[i].Select(Math.Abs).ToArray();
            var sigma = design.Trajectories > 1 ? Math.Sqrt(Descriptive.Variance(effects[i])) : 0;
            result[i] = new MorrisIndex(i, Descriptive.Mean(effects[i]), Descriptive.Mean(abs), sigma);
        }

        return result;
    }
}
