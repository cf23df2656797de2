using Bosporos.Analysis.Statistics;

namespace Bosporos.Analysis.Tests.Statistics;

public class PercentTests
{
    [Theory]
    [InlineData(0.805, "80.5%")]
    [InlineData(1.0, "100.0%")]
    [InlineData(0.0, "0.0%")]
    [InlineData(0.9999, "99.99%")] // 9,999 of 10,000: not 100.0%
    [InlineData(0.0001, "0.01%")]
    [InlineData(0.99996, "99.996%")]
    [InlineData(0.9999999, "> 99.9999%")]
    [InlineData(0.0000001, "< 0.0001%")]
    [InlineData(double.NaN, "n/a")]
    public void A_share_never_rounds_to_an_edge_it_does_not_reach(double share, string expected) => Assert.Equal(expected, Percent.Of(share));

    [Fact]
    public void Interval_ends_at_100000_runs_are_told_apart()
    {
        var all = ShareInterval.Wilson(100_000, 100_000);
        var (low, high) = Percent.Bounds(all.Low, all.High);
        Assert.NotEqual(low, high);
        Assert.Equal("99.996%", low);
        Assert.Equal("100.000%", high);
        Assert.Equal("100.0% [99.996%, 100.000%]", Percent.WithInterval(all.Value, all.Low, all.High));
        var most = ShareInterval.Wilson(9_999, 10_000);
        Assert.StartsWith("99.99% [", Percent.WithInterval(most.Value, most.Low, most.High), StringComparison.Ordinal);
    }
}
