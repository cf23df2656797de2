using Bosporos.Analysis.Fitting;

namespace Bosporos.Analysis.Tests.Fitting;

public class StatisticsTests
{
    // Reference values: two-sided 95% quantiles of Student's t (any table; R qt(0.975, df)).
    [Theory]
    [InlineData(1, 12.7062)]
    [InlineData(2, 4.3027)]
    [InlineData(10, 2.2281)]
    [InlineData(30, 2.0423)]
    [InlineData(120, 1.9799)]
    [InlineData(100_000, 1.9600)]
    public void T_quantile_matches_the_tables(double df, double expected) => Assert.Equal(expected, StudentT.TwoSided(0.95, df), 4);

    [Fact]
    public void Log_gamma_matches_factorials() => Assert.Equal(Math.Log(3_628_800), StudentT.LogGamma(11), 10);

    [Fact]
    public void A_line_through_exact_points_has_zero_width_intervals()
    {
        var fit = LinearFit.Of([1, 2, 3, 4], [3, 5, 7, 9]);
        Assert.Equal(2, fit.Slope.Value, 12);
        Assert.Equal(1, fit.Intercept.Value, 12);
        Assert.Equal(1, fit.RSquared, 12);
        Assert.Equal(fit.Slope.Value, fit.Slope.High, 9);
        Assert.Equal(7, fit.MeanAt(3).Value, 12);
    }

    [Fact]
    public void Slope_interval_matches_a_hand_computation()
    {
        // x = 1..5, y = 2, 4, 5, 4, 5: slope 0.6, intercept 2.2, SSE 2.4, s² = 0.8, Sxx = 10,
        // se(slope) = sqrt(0.08) = 0.28284, t(0.975, 3) = 3.18245, so 0.6 ± 0.90013.
        var fit = LinearFit.Of([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
        Assert.Equal(0.6, fit.Slope.Value, 12);
        Assert.Equal(2.2, fit.Intercept.Value, 12);
        Assert.Equal(0.6 - 0.90013, fit.Slope.Low, 4);
        Assert.Equal(0.6 + 0.90013, fit.Slope.High, 4);
        Assert.Equal(1 - 2.4 / 6.0, fit.RSquared, 12);
        // Mean at x = 3 (the mean of x): 4 ± t * s / sqrt(5) = 4 ± 3.18245 * 0.4 = 4 ± 1.27298.
        Assert.Equal(4 - 1.27298, fit.MeanAt(3).Low, 4);
    }

    [Fact]
    public void A_line_needs_three_points_and_two_distinct_x()
    {
        Assert.Throws<ArgumentException>(() => LinearFit.Of([1, 2], [1, 2]));
        Assert.Throws<ArgumentException>(() => LinearFit.Of([1, 1, 1], [1, 2, 3]));
    }
}
