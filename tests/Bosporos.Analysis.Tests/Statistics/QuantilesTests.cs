using Bosporos.Analysis.Statistics;
using CsCheck;

namespace Bosporos.Analysis.Tests.Statistics;

public class QuantilesTests
{
    [Fact]
    public void Median_of_odd_sample_is_the_middle_value() => Assert.Equal(3.0, Quantiles.Median([5, 1, 3, 4, 2]));

    [Fact]
    public void Median_of_even_sample_averages_the_middle_pair() => Assert.Equal(2.5, Quantiles.Median([4, 1, 3, 2]));

    // Same values as R's quantile(1:10, c(0.1, 0.9)) (type 7): 1.9 and 9.1.
    [Theory]
    [InlineData(0.1, 1.9)]
    [InlineData(0.9, 9.1)]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 10.0)]
    public void Interpolates_between_order_statistics(double p, double expected) =>
        Assert.Equal(expected, Quantiles.Of(Enumerable.Range(1, 10).Select(i => (double)i), p), 10);

    [Fact]
    public void Empty_sample_gives_nan() => Assert.True(double.IsNaN(Quantiles.OfSorted([], 0.5)));

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Probability_outside_unit_range_is_refused(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.OfSorted([1.0], p));

    [Fact]
    public void Quantiles_are_monotone_and_within_the_sample() =>
        Gen.Double[-1000, 1000].Array[1, 50].Select(Gen.Double[0, 1], Gen.Double[0, 1]).Sample((values, a, b) =>
        {
            var (p, q) = a <= b ? (a, b) : (b, a);
            var x = Quantiles.Of(values, p);
            var y = Quantiles.Of(values, q);
            return x <= y + 1e-9 && x >= values.Min() - 1e-9 && y <= values.Max() + 1e-9;
        });
}
