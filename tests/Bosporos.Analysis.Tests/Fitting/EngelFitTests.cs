using Bosporos.Analysis.Fitting;

namespace Bosporos.Analysis.Tests.Fitting;

public class EngelFitTests
{
    [Fact]
    public void Engels_method_on_the_shipped_Iwo_Jima_series_reproduces_his_coefficients_within_5_percent()
    {
        var fit = EngelFit.Of(DailySeries.Read(BattleData.IwoJima));
        Assert.InRange(fit.A / EngelFit.PublishedA, 0.95, 1.05);
        Assert.InRange(fit.B / EngelFit.PublishedB, 0.95, 1.05);
        // The figures docs/battle-fits.md reports.
        Assert.Equal(0.0551, fit.A, 4);
        Assert.Equal(0.0110, fit.B, 4);
        Assert.Equal(35, fit.EnemyGoneDay);
    }

    [Fact]
    public void The_sums_recover_the_coefficients_of_a_series_made_by_the_square_law()
    {
        // A battle made day by day with the same convention (J at the start of the day, M at its end).
        const double A = 0.05, B = 0.01;
        var landings = new double[] { 50_000, 0, 8_000, 0, 0, 10_000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
        var (series, enemyStart) = SquareLawBattle(A, B, landings);
        var fit = EngelFit.Of(series, enemyStart);
        Assert.Equal(A, fit.A, 10);
        Assert.Equal(B, fit.B, 10);
        Assert.Equal(1, fit.CasualtyFit.RSquared, 6);
    }

    [Fact]
    public void The_Japanese_strength_falls_linearly_in_the_US_man_days()
    {
        var series = DailySeries.Read(BattleData.IwoJima);
        var fit = EngelFit.Of(series);
        Assert.Equal(21_500, fit.Enemy[0]);
        Assert.Equal(21_500 - fit.B * series.Active[0], fit.Enemy[1], 6);
        Assert.Equal(fit.B * series.Active[^1], fit.Enemy[^1], 6); // what is left on the last morning dies that day
    }

    [Fact]
    public void An_enemy_that_ends_stronger_than_it_starts_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EngelFit.Of(DailySeries.Read(BattleData.IwoJima), 100, 200));

    /// <summary>A square-law battle whose enemy is exactly wiped out by the end of its last day.</summary>
    internal static (DailySeries Series, double EnemyStart) SquareLawBattle(double a, double b, double[] landings)
    {
        // The enemy's start is whatever the US man-days destroy: run once from an arbitrary start to learn the US
        // strengths, then again from the start those strengths imply, until it is stable.
        var enemyStart = 20_000.0;
        for (var pass = 0; pass < 200; pass++)
        {
            var (_, _, active) = Run(a, b, landings, enemyStart);
            var next = b * active.Sum();
            if (Math.Abs(next - enemyStart) < 1e-9)
            {
                break;
            }

            enemyStart = next;
        }

        var (landed, casualties, strength) = Run(a, b, landings, enemyStart);
        var series = new DailySeries("synthetic", Enumerable.Range(1, landings.Length).ToList(), landed, casualties, strength);
        return (series, enemyStart);
    }

    private static (double[] Landed, double[] Casualties, double[] Active) Run(double a, double b, double[] landings, double enemyStart)
    {
        var n = landings.Length;
        var landed = new double[n];
        var casualties = new double[n];
        var active = new double[n];
        double j = enemyStart, m = 0, lost = 0, sum = 0;
        for (var t = 0; t < n; t++)
        {
            sum += landings[t];
            lost += a * j;
            m += landings[t] - a * j;
            landed[t] = sum;
            casualties[t] = lost;
            active[t] = m;
            j -= b * m;
        }

        return (landed, casualties, active);
    }
}
