using Bosporos.Analysis.Statistics;
using CsCheck;

namespace Bosporos.Analysis.Tests.Statistics;

public class WilsonTests
{
    // Reference values: Wilson score interval, z = 1.96 (e.g. Newcombe 1998, table I; R binom::binom.wilson).
    [Theory]
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(5, 10, 0.2366, 0.7634)]
    [InlineData(10, 10, 0.7225, 1.0)]
    [InlineData(81, 263, 0.2553, 0.3662)]
    public void Interval_matches_published_values(long k, long n, double low, double high)
    {
        var (lo, hi) = Wilson.Interval(k, n);
        Assert.Equal(low, lo, 4);
        Assert.Equal(high, hi, 4);
    }

    [Fact]
    public void No_trials_gives_the_whole_unit_interval() => Assert.Equal((0.0, 1.0), Wilson.Interval(0, 0));

    [Fact]
    public void More_successes_than_trials_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Wilson.Interval(11, 10));

    [Fact]
    public void Negative_successes_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Wilson.Interval(-1, 10));

    [Fact]
    public void Interval_contains_the_observed_share_and_stays_in_unit_range() =>
        Gen.Int[0, 500].SelectMany(n => Gen.Int[0, n].Select(k => (k, n))).Sample(t =>
        {
            var (k, n) = t;
            var (lo, hi) = Wilson.Interval(k, n);
            var share = n == 0 ? 0.5 : (double)k / n;
            return lo >= 0 && hi <= 1 && lo <= share && share <= hi;
        });
}
