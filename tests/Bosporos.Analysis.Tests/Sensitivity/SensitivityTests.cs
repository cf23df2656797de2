using Bosporos.Analysis.Sensitivity;
using Bosporos.Kernel.Randomness;

namespace Bosporos.Analysis.Tests.Sensitivity;

public class SensitivityTests
{
    private static double[] Evaluate(double[][] points, Func<double[], double> f) => points.Select(f).ToArray();

    private static double Ishigami(double[] u)
    {
        // x in [-π, π]^3, a = 7, b = 0.1 (Ishigami and Homma 1990)
        var x1 = (2 * u[0] * Math.PI) - Math.PI;
        var x2 = (2 * u[1] * Math.PI) - Math.PI;
        var x3 = (2 * u[2] * Math.PI) - Math.PI;
        return Math.Sin(x1) + (7 * Math.Sin(x2) * Math.Sin(x2)) + (0.1 * Math.Pow(x3, 4) * Math.Sin(x1));
    }

    [Fact]
    public void Sobol_indices_of_the_Ishigami_function()
    {
        var design = SaltelliDesign.Generate(8192, 3, new RandomStream(626));
        var indices = SobolAnalysis.Analyze(design, Evaluate(design.Points, Ishigami), 50, new RandomStream(1));
        double[] s1 = [0.3139, 0.4424, 0.0];
        double[] st = [0.5576, 0.4424, 0.2437];
        for (var i = 0; i < 3; i++)
        {
            Assert.InRange(indices[i].First, s1[i] - 0.04, s1[i] + 0.04);
            Assert.InRange(indices[i].Total, st[i] - 0.04, st[i] + 0.04);
            Assert.True(indices[i].FirstLow <= indices[i].First && indices[i].First <= indices[i].FirstHigh);
            Assert.True(indices[i].TotalLow <= indices[i].Total && indices[i].Total <= indices[i].TotalHigh);
        }
    }

    [Fact]
    public void Sobol_indices_of_a_linear_model_are_its_variance_shares()
    {
        // f = x1 + 2·x2 + 0·x3 on the unit cube: variances 1/12, 4/12, 0 → S1 = ST = 0.2, 0.8, 0.
        var design = SaltelliDesign.Generate(4096, 3, new RandomStream(7));
        var indices = SobolAnalysis.Analyze(design, Evaluate(design.Points, x => x[0] + (2 * x[1])), 0, new RandomStream(1));
        double[] expected = [0.2, 0.8, 0];
        for (var i = 0; i < 3; i++)
        {
            Assert.InRange(indices[i].First, expected[i] - 0.03, expected[i] + 0.03);
            Assert.InRange(indices[i].Total, expected[i] - 0.03, expected[i] + 0.03);
        }

        Assert.Equal(0, indices[2].Total, 12); // x3 never changes the output: the Jansen estimator is exactly zero
    }

    [Fact]
    public void Sobol_of_a_constant_output_is_zero_not_nan()
    {
        var design = SaltelliDesign.Generate(16, 2, new RandomStream(7));
        var indices = SobolAnalysis.Analyze(design, Evaluate(design.Points, _ => 3), 10, new RandomStream(1));
        Assert.All(indices, i => Assert.Equal(0, i.First));
    }

    [Fact]
    public void Saltelli_layout_puts_column_i_of_B_into_AB_i()
    {
        var d = SaltelliDesign.Generate(5, 3, new RandomStream(3));
        for (var i = 0; i < 3; i++)
        {
            for (var k = 0; k < 5; k++)
            {
                var ab = d.Points[((2 + i) * 5) + k];
                for (var j = 0; j < 3; j++)
                {
                    Assert.Equal(j == i ? d.Points[5 + k][j] : d.Points[k][j], ab[j]);
                }
            }
        }
    }

    [Fact]
    public void Morris_of_a_linear_model_recovers_its_slopes()
    {
        double[] a = [3, -1, 0.5, 0];
        var design = MorrisDesign.Generate(12, 4, 4, new RandomStream(626));
        var indices = MorrisAnalysis.Analyze(design, Evaluate(design.Points, x => x.Select((v, i) => v * a[i]).Sum()));
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(a[i], indices[i].Mu, 9);
            Assert.Equal(Math.Abs(a[i]), indices[i].MuStar, 9);
            Assert.Equal(0, indices[i].Sigma, 9);
        }
    }

    [Fact]
    public void Morris_sees_interactions_as_spread()
    {
        var design = MorrisDesign.Generate(30, 3, 4, new RandomStream(5));
        var indices = MorrisAnalysis.Analyze(design, Evaluate(design.Points, x => x[0] * x[1]));
        Assert.True(indices[0].Sigma > 0.1);
        Assert.True(indices[1].Sigma > 0.1);
        Assert.Equal(0, indices[2].MuStar, 12);
    }

    [Fact]
    public void Morris_trajectories_move_each_parameter_once_on_the_grid()
    {
        var design = MorrisDesign.Generate(8, 5, 4, new RandomStream(11));
        Assert.Equal(2.0 / 3, design.Delta, 12);
        for (var t = 0; t < 8; t++)
        {
            Assert.Equal(Enumerable.Range(0, 5), design.Moved[t].Order());
            for (var s = 0; s <= 5; s++)
            {
                var p = design.Points[(t * 6) + s];
                Assert.All(p, v =>
                {
                    Assert.InRange(v, 0, 1);
                    Assert.Equal(Math.Round(v * 3), v * 3, 9); // on the 4-level grid {0, 1/3, 2/3, 1}
                });
            }
        }
    }

    [Fact]
    public void Morris_refuses_odd_levels_and_wrong_output_counts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MorrisDesign.Generate(4, 2, 3, new RandomStream(1)));
        var design = MorrisDesign.Generate(2, 2, 4, new RandomStream(1));
        Assert.Throws<ArgumentException>(() => MorrisAnalysis.Analyze(design, new double[3]));
    }

    [Fact]
    public void Tornado_orders_bars_by_swing()
    {
        var design = TornadoDesign.Generate([0.5, 0.5, 0.5]);
        var bars = TornadoAnalysis.Analyze(design, Evaluate(design.Points, x => x[0] - (4 * x[1]) + (2 * x[2])));
        Assert.Equal([1, 2, 0], bars.Select(b => b.Parameter));
        Assert.Equal(4, bars[0].Swing, 12);
        Assert.Equal(-0.5, bars[0].Nominal, 12);
        Assert.Equal(1.5, bars[0].AtLow, 12);
        Assert.Equal(-2.5, bars[0].AtHigh, 12);
    }
}
