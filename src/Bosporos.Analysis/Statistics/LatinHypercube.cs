using Bosporos.Kernel.Randomness;

namespace Bosporos.Analysis.Statistics;

/// <summary>
/// Latin hypercube sampling (McKay, Beckman and Conover 1979): each of the d dimensions is cut into n equal strata,
/// every stratum is used exactly once per dimension, and the strata are matched across dimensions by independent
/// random permutations; within its stratum a point is uniform. Dimension j draws from its own stream, so adding a
/// parameter never changes the draws of the others.
/// </summary>
public static class LatinHypercube
{
    /// <summary>n points in [0, 1)^d: result[i][j] is point i's coordinate in dimension j.</summary>
    public static double[][] Sample(int n, int d, ulong masterSeed, ulong salt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ArgumentOutOfRangeException.ThrowIfNegative(d);
        var points = new double[n][];
        for (var i = 0; i < n; i++)
        {
            points[i] = new double[d];
        }

        var perm = new int[n];
        for (var j = 0; j < d; j++)
        {
            var stream = UnitUniform.Stream(masterSeed, salt, (ulong)j);
            for (var i = 0; i < n; i++)
            {
                perm[i] = i;
            }

            // Fisher–Yates shuffle
            for (var i = n - 1; i > 0; i--)
            {
                var k = stream.NextInt(i + 1);
                (perm[i], perm[k]) = (perm[k], perm[i]);
            }

            for (var i = 0; i < n; i++)
            {
                points[i][j] = (perm[i] + UnitUniform.Next(ref stream)) / n;
            }
        }

        return points;
    }

    /// <summary>Plain independent uniforms in [0, 1)^d (for Saltelli's A and B matrices).</summary>
    public static double[][] Uniform(int n, int d, RandomStream stream)
    {
        var points = new double[n][];
        for (var i = 0; i < n; i++)
        {
            points[i] = new double[d];
            for (var j = 0; j < d; j++)
            {
                points[i][j] = UnitUniform.Next(ref stream);
            }
        }

        return points;
    }
}
