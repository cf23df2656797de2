using Bosporos.Analysis.Statistics;

namespace Bosporos.Analysis.Tests.Statistics;

public class DescriptiveTests
{
    [Fact]
    public void Mean_and_sample_variance_of_a_known_set()
    {
        double[] x = [2, 4, 4, 4, 5, 5, 7, 9];
        Assert.Equal(5, Descriptive.Mean(x), 12);
        Assert.Equal(32.0 / 7, Descriptive.Variance(x), 12);
        Assert.Equal(4, Descriptive.PopulationVariance(x), 12);
    }

    [Fact]
    public void Empty_and_single_sets()
    {
        Assert.True(double.IsNaN(Descriptive.Mean([])));
        Assert.True(double.IsNaN(Descriptive.Variance([])));
        Assert.Equal(0, Descriptive.Variance([3.0]));
        Assert.True(double.IsNaN(Descriptive.Median([])));
    }

    [Theory]
    [InlineData(new double[] { 3, 1, 2 }, 2)]
    [InlineData(new double[] { 4, 1, 3, 2 }, 2.5)]
    [InlineData(new double[] { 7 }, 7)]
    public void Median_of_odd_and_even_counts(double[] values, double expected) => Assert.Equal(expected, Descriptive.Median(values));

    [Theory]
    [InlineData(0.25, 1.75)]
    [InlineData(0.5, 2.5)]
    [InlineData(0.0, 1)]
    [InlineData(1.0, 4)]
    public void Percentile_is_type_7(double p, double expected) =>
        Assert.Equal(expected, Descriptive.PercentileOfSorted([1.0, 2, 3, 4], p), 12);

    [Fact]
    public void Percentile_refuses_p_outside_zero_one() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Descriptive.PercentileOfSorted([1.0, 2], 1.5));
}
