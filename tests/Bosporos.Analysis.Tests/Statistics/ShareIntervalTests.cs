using Bosporos.Analysis.Statistics;

namespace Bosporos.Analysis.Tests.Statistics;

public class ShareIntervalTests
{
    // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Statistics in Medicine 17, table I (Wilson score, method 3).
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Wilson_matches_published_values(long count, long total, double low, double high)
    {
        var s = ShareInterval.Wilson(count, total);
        Assert.Equal(low, s.Low, 4);
        Assert.Equal(high, s.High, 4);
        Assert.Equal((double)count / total, s.Value, 12);
    }

    [Fact]
    public void Wilson_stays_inside_zero_and_one_at_the_edges()
    {
        var all = ShareInterval.Wilson(10, 10);
        Assert.Equal(1, all.High);
        Assert.True(all.Low is > 0.6 and < 1);
    }

    [Fact]
    public void Wilson_of_nothing_is_the_whole_interval()
    {
        var s = ShareInterval.Wilson(0, 0);
        Assert.True(double.IsNaN(s.Value));
        Assert.Equal(0.5, s.HalfWidth);
    }

    [Fact]
    public void Wilson_refuses_impossible_counts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ShareInterval.Wilson(5, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => ShareInterval.Wilson(-1, 4));
    }

    [Fact]
    public void Half_width_shrinks_like_one_over_root_n()
    {
        var a = ShareInterval.Wilson(50, 100).HalfWidth;
        var b = ShareInterval.Wilson(200, 400).HalfWidth;
        Assert.Equal(2, a / b, 1);
    }
}
