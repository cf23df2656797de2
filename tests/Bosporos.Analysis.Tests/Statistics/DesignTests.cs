using Bosporos.Analysis.Statistics;

namespace Bosporos.Analysis.Tests.Statistics;

public class DesignTests
{
    [Fact]
    public void Latin_hypercube_uses_every_stratum_once_per_dimension()
    {
        const int n = 37;
        var points = LatinHypercube.Sample(n, 4, 626, 1);
        for (var j = 0; j < 4; j++)
        {
            var strata = points.Select(p => (int)Math.Floor(p[j] * n)).OrderBy(s => s).ToArray();
            Assert.Equal(Enumerable.Range(0, n), strata);
        }
    }

    [Fact]
    public void Latin_hypercube_is_reproducible_and_a_new_dimension_leaves_the_others_alone()
    {
        var three = LatinHypercube.Sample(20, 3, 626, 7);
        var four = LatinHypercube.Sample(20, 4, 626, 7);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(three[i], four[i][..3]);
        }

        Assert.NotEqual(three[0][0], LatinHypercube.Sample(20, 3, 627, 7)[0][0]);
    }

    [Fact]
    public void Variance_split_with_no_chance_is_all_inputs()
    {
        var values = new[] { new double[] { 1, 1, 1 }, [3, 3, 3], [5, 5, 5] };
        var split = VarianceDecomposition.Of(values);
        Assert.Equal(0, split.Chance);
        Assert.Equal(4, split.Inputs, 12);
        Assert.Equal(1, split.InputShare);
    }

    [Fact]
    public void Variance_split_with_identical_draws_is_all_chance()
    {
        var values = new[] { new double[] { 0, 1, 0, 1 }, [0, 1, 0, 1], [0, 1, 0, 1] };
        var split = VarianceDecomposition.Of(values);
        Assert.Equal(0, split.Inputs);
        Assert.Equal(1.0 / 3, split.Chance, 12);
        Assert.Equal(0, split.InputShare);
    }

    [Fact]
    public void Variance_split_recovers_a_known_mix()
    {
        // Y = a_j + e with a_j = ±1 and e = ±0.5: within-draw variance W = 1/3 (R = 4), draw means ±1.
        // Inputs = Var(means) − W/R = 200/199 − 1/12 (the random-effects ANOVA estimator).
        var values = new double[200][];
        for (var j = 0; j < values.Length; j++)
        {
            var a = j % 2 == 0 ? -1.0 : 1.0;
            values[j] = [a - 0.5, a + 0.5, a - 0.5, a + 0.5];
        }

        var split = VarianceDecomposition.Of(values);
        Assert.Equal(1.0 / 3, split.Chance, 12);
        Assert.Equal((200.0 / 199) - (1.0 / 12), split.Inputs, 12);
        Assert.Equal(split.Inputs / (split.Inputs + split.Chance), split.InputShare, 12);
    }

    [Fact]
    public void Variance_split_refuses_ragged_or_tiny_designs()
    {
        Assert.Throws<ArgumentException>(() => VarianceDecomposition.Of([new double[] { 1, 2 }]));
        Assert.Throws<ArgumentException>(() => VarianceDecomposition.Of([new double[] { 1, 2 }, [1, 2, 3]]));
        Assert.Throws<ArgumentException>(() => VarianceDecomposition.Of([new double[] { 1 }, [2]]));
    }
}
