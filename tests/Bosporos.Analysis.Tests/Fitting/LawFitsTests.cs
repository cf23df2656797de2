using Bosporos.Analysis.Fitting;

namespace Bosporos.Analysis.Tests.Fitting;

public class LawFitsTests
{
    private static readonly double[] Landings = [50_000, 0, 8_000, 0, 0, 10_000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    [Theory]
    [InlineData(AttritionLaw.Square, 1.0, 0.0, 0.05, 0.004)]
    [InlineData(AttritionLaw.Logarithmic, 0.0, 1.0, 0.004, 0.15)]
    [InlineData(AttritionLaw.Linear, 1.0, 1.0, 2e-6, 4e-6)]
    public void The_law_that_made_a_battle_fits_it_exactly_and_better_than_the_other_classical_laws(AttritionLaw law, double p, double q, double a, double b)
    {
        var (series, start, end) = Battle(p, q, a, b);
        var fits = LawFits.All(series, start, end);
        var own = fits.Single(f => f.Law == law);
        Assert.Equal(1, own.RSquared, 9);
        Assert.Equal(a, own.A, a * 1e-6);
        Assert.Equal(b, own.B, b * 1e-6);
        foreach (var other in fits.Where(f => f.Law is AttritionLaw.Square or AttritionLaw.Linear or AttritionLaw.Logarithmic && f.Law != law))
        {
            Assert.True(other.RSquared < own.RSquared - 1e-6, $"{other.Name} fits as well as {own.Name}");
        }

        var general = fits.Single(f => f.Law == AttritionLaw.General);
        Assert.Equal(p, general.P, 6);
        Assert.Equal(q, general.Q, 6);
    }

    [Fact]
    public void Helmbolds_exponent_is_found_on_its_grid()
    {
        var (series, start, end) = Battle(0.7, 0.3, 0.02, 0.02);
        var helmbold = LawFits.All(series, start, end).Single(f => f.Law == AttritionLaw.Helmbold);
        Assert.Equal(0.7, helmbold.P, 6);
        Assert.Equal(0.3, helmbold.Q, 6);
        Assert.Equal(1, helmbold.RSquared, 9);
    }

    [Fact]
    public void On_Iwo_Jima_the_square_law_fits_best_of_the_classical_laws()
    {
        var fits = LawFits.All(DailySeries.Read(BattleData.IwoJima));
        var square = fits.Single(f => f.Law == AttritionLaw.Square);
        Assert.All(fits.Where(f => f.Law is AttritionLaw.Linear or AttritionLaw.Logarithmic), f => Assert.True(f.Aic > square.Aic + 50));
        Assert.Equal(0.987, square.RSquared, 3);
        var best = LawFits.Best(fits);
        Assert.Equal(AttritionLaw.General, best.Law);
        Assert.Equal(1.27, best.P, 6);
        Assert.Equal(0, best.Q, 6);
    }

    [Fact]
    public void Best_is_the_least_AIC_and_the_first_on_a_tie()
    {
        LawFit Make(AttritionLaw law, double aic) => new(law, 1, 0, 0, 0, 2, 0, 0, 0, aic);
        Assert.Equal(AttritionLaw.Logarithmic, LawFits.Best([Make(AttritionLaw.Square, 5), Make(AttritionLaw.Logarithmic, 3), Make(AttritionLaw.Linear, 4)]).Law);
        Assert.Equal(AttritionLaw.Square, LawFits.Best([Make(AttritionLaw.Square, 3), Make(AttritionLaw.Linear, 3)]).Law);
    }

    /// <summary>
    /// A battle made by the exponent law with the fit's own conventions: the day's casualties a J^p M^q with J at the
    /// start of the day and M at its end (solved by iteration), and J carried to the next day in closed form.
    /// </summary>
    private static (DailySeries Series, double Start, double End) Battle(double p, double q, double a, double b)
    {
        const double Start = 21_500;
        var n = Landings.Length;
        var landed = new double[n];
        var casualties = new double[n];
        var active = new double[n];
        double j = Start, m = 0, lost = 0, sum = 0;
        for (var t = 0; t < n; t++)
        {
            sum += Landings[t];
            var next = m + Landings[t];
            for (var k = 0; k < 200; k++)
            {
                next = m + Landings[t] - a * Math.Pow(j, p) * Math.Pow(next, q);
            }

            lost += m + Landings[t] - next;
            m = next;
            landed[t] = sum;
            casualties[t] = lost;
            active[t] = m;
            j = Math.Abs(q - 1) < 1e-12
                ? j * Math.Exp(-b * Math.Pow(m, p))
                : Math.Pow(Math.Pow(j, 1 - q) - (1 - q) * b * Math.Pow(m, p), 1 / (1 - q));
        }

        Assert.True(j >= 1, $"the enemy is wiped out ({j}); pick a smaller b");
        return (new DailySeries("synthetic", Enumerable.Range(1, n).ToList(), landed, casualties, active), Start, j);
    }
}
