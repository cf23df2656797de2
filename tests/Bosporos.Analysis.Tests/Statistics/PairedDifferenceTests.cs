using Bosporos.Analysis.Statistics;
using Bosporos.Kernel.Randomness;

namespace Bosporos.Analysis.Tests.Statistics;

public class PairedDifferenceTests
{
    [Fact]
    public void Mean_difference_with_normal_interval()
    {
        var e = PairedDifference.Of([1.0, 2, 3, 4, 5]);
        var half = ShareInterval.Z95 * Math.Sqrt(2.5) / Math.Sqrt(5);
        Assert.Equal(3, e.Value, 12);
        Assert.Equal(3 - half, e.Low, 12);
        Assert.Equal(3 + half, e.High, 12);
        Assert.True(e.ExcludesZero);
    }

    [Fact]
    public void Two_series_are_paired_run_by_run()
    {
        var e = PairedDifference.Of([10.0, 20, 30], [11.0, 21, 31]);
        Assert.Equal(1, e.Value, 12);
        Assert.Equal(0, e.HalfWidth, 12); // the same shift in every pair: no doubt left
    }

    [Fact]
    public void A_difference_of_shares_keeps_its_interval_within_minus_one_and_one()
    {
        // Nine pairs of ten turn 1 into 0: the normal interval reaches below -1, where no difference of shares lies.
        double[] d = [-1, -1, -1, -1, -1, -1, -1, -1, -1, 0];
        Assert.True(PairedDifference.Of(d).Low < -1);
        var e = PairedDifference.OfShares(d);
        Assert.Equal(-0.9, e.Value, 12);
        Assert.Equal(-1, e.Low);
        Assert.Equal(PairedDifference.Of(d).High, e.High, 12);
        Assert.Equal(1, PairedDifference.OfShares([1.0, 1, 1, 1, 1, 1, 1, 1, 1, 0]).High);
    }

    [Fact]
    public void Series_of_different_length_are_refused() =>
        Assert.Throws<ArgumentException>(() => PairedDifference.Of([1.0], [1.0, 2]));

    [Fact]
    public void No_pairs_give_no_estimate() => Assert.True(double.IsNaN(PairedDifference.Of([]).Value));

    [Fact]
    public void Bootstrap_median_of_a_constant_shift_is_exact()
    {
        double[] b = [3, 9, 4, 12, 7, 5, 10];
        var v = b.Select(x => x + 2).ToArray();
        var e = Bootstrap.MedianDifference(b, v, new RandomStream(1), 200);
        Assert.Equal(2, e.Value);
        Assert.Equal(2, e.Low);
        Assert.Equal(2, e.High);
    }

    [Fact]
    public void Bootstrap_median_interval_covers_the_estimate_and_is_reproducible()
    {
        var s = new RandomStream(9);
        var b = Enumerable.Range(0, 200).Select(_ => (double)s.NextInt(20)).ToArray();
        var v = b.Select(x => x + s.NextInt(7)).ToArray();
        var one = Bootstrap.MedianDifference(b, v, new RandomStream(42), 300);
        var two = Bootstrap.MedianDifference(b, v, new RandomStream(42), 300);
        Assert.Equal(one, two);
        Assert.True(one.Low <= one.Value && one.Value <= one.High);
        Assert.True(one.Low > 0);
    }

    [Fact]
    public void Bootstrap_refuses_unpaired_series() =>
        Assert.Throws<ArgumentException>(() => Bootstrap.MedianDifference([1.0], [1.0, 2], new RandomStream(1)));
}
