namespace Bosporos.Analysis.Fitting;

/// <summary>How well a fitted model follows the observed daily figures.</summary>
public sealed record FitQuality(double RSquared, double Rmse, double MaxAbsError);

/// <summary>
/// Engel's fit of the square law to a battle where one side (M, with reinforcements P) is known day by day and the
/// other (J) only at the start and the end:
/// dM/dt = −a J + P(t), dJ/dt = −b M.
/// Summed over the days, J's equation gives b = (J₀ − J_end) / Σ M_t, which fixes J_t = J₀ − b Σ_{s&lt;t} M_s
/// (J at the start of day t); M's equation gives a = (M's total casualties) / Σ J_t. The model is then run forward
/// from the landings alone (Engel's check): <see cref="ModelActive"/> against the recorded active strength, and the
/// day on which the model's J reaches 0 (<see cref="EnemyGoneDay"/>, null when it does not within the series).
/// </summary>
public sealed record EngelFit(
    double A,
    double B,
    double EnemyStart,
    double EnemyEnd,
    IReadOnlyList<double> Enemy,
    IReadOnlyList<double> ModelActive,
    IReadOnlyList<double> ModelEnemy,
    FitQuality ActiveFit,
    FitQuality CasualtyFit,
    int? EnemyGoneDay,
    double ModelEnemyAfter)
{
    /// <summary>Engel (1954), p. 167: the coefficients he published for Iwo Jima (per day).</summary>
    public const double PublishedA = 0.0544;

    public const double PublishedB = 0.0106;

    /// <summary>The Japanese garrison at the start of the battle (Engel 1954); none were reinforced.</summary>
    public const double IwoJimaJapaneseStart = 21_500;

    public static EngelFit Of(DailySeries series, double enemyStart = IwoJimaJapaneseStart, double enemyEnd = 0)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (!(enemyStart > 0) || !(enemyEnd >= 0) || enemyEnd >= enemyStart)
        {
            throw new ArgumentOutOfRangeException(nameof(enemyStart), "The enemy must start with more than 0 men and end with fewer than at the start.");
        }

        var n = series.Count;
        var sumM = series.Active.Sum();
        if (sumM <= 0)
        {
            throw new ArgumentException("The series has no active strength on any day.", nameof(series));
        }

        var b = (enemyStart - enemyEnd) / sumM;
        var enemy = new double[n];
        var before = 0.0;
        for (var t = 0; t < n; t++)
        {
            enemy[t] = enemyStart - b * before;
            before += series.Active[t];
        }

        var a = series.CasualtiesCumulative[n - 1] / enemy.Sum();

        // The model run forward on its own from the landings: Engel's check of the fitted law against the record.
        var modelActive = new double[n];
        var modelEnemy = new double[n];
        var modelCasualties = new double[n];
        var j = enemyStart;
        var m = 0.0;
        var lost = 0.0;
        int? gone = null;
        for (var t = 0; t < n; t++)
        {
            modelEnemy[t] = j;
            var casualties = a * j;
            m += series.Reinforcement(t) - casualties;
            lost += casualties;
            modelActive[t] = m;
            modelCasualties[t] = lost;
            j = Math.Max(0, j - b * m);
            if (j == 0 && gone is null)
            {
                gone = t + 1;
            }
        }

        return new EngelFit(a, b, enemyStart, enemyEnd, enemy, modelActive, modelEnemy,
            Quality(series.Active, modelActive), Quality(series.CasualtiesCumulative, modelCasualties), gone, j);
    }

    internal static FitQuality Quality(IReadOnlyList<double> observed, IReadOnlyList<double> model)
    {
        var mean = observed.Average();
        double sse = 0, sst = 0, max = 0;
        for (var i = 0; i < observed.Count; i++)
        {
            var r = observed[i] - model[i];
            sse += r * r;
            sst += (observed[i] - mean) * (observed[i] - mean);
            max = Math.Max(max, Math.Abs(r));
        }

        return new FitQuality(sst > 0 ? 1 - sse / sst : double.NaN, Math.Sqrt(sse / observed.Count), max);
    }
}

/// <summary>The attrition laws compared by <see cref="LawFits"/>.</summary>
public enum AttritionLaw
{
    /// <summary>Square law (aimed fire): p = 1, q = 0.</summary>
    Square,

    /// <summary>Linear law (area fire): p = 1, q = 1.</summary>
    Linear,

    /// <summary>Logarithmic law (losses in proportion to one's own strength): p = 0, q = 1.</summary>
    Logarithmic,

    /// <summary>Helmbold's one-parameter family: p = W, q = 1 − W, W fitted in [0, 1].</summary>
    Helmbold,

    /// <summary>Both exponents fitted, p and q in [0, 2].</summary>
    General,
}

/// <summary>One law fitted by least squares: exponents, coefficients, and how well it follows the casualties.</summary>
public sealed record LawFit(AttritionLaw Law, double P, double Q, double A, double B, int Parameters, double Sse, double RSquared, double Rmse, double Aic)
{
    public string Name => Law switch
    {
        AttritionLaw.Square => "square",
        AttritionLaw.Linear => "linear",
        AttritionLaw.Logarithmic => "logarithmic",
        AttritionLaw.Helmbold => "helmbold",
        _ => "general",
    };
}

/// <summary>
/// Least-squares fits of the exponent form of Lanchester's equations (Bracken 1995; Helmbold 1965)
/// dM/dt = −a J^p M^q + P(t), dJ/dt = −b M^p J^q
/// to a daily series of M with J known only at the start and the end. For given exponents the J equation has a
/// closed form over the days (J^(1−q) falls by (1−q) b M^p a day; J falls by the factor e^(−b M^p) when q = 1), so
/// b follows from J's end, and a from least squares of the cumulative casualties C_t = a Σ_{s≤t} J_s^p M_s^q, a line
/// through the origin. Exponents that are fitted are searched on a grid (step <see cref="GridStep"/>); the fit with
/// the least Akaike information criterion (n ln(SSE/n) + 2k) fits best.
/// </summary>
public static class LawFits
{
    public const double GridStep = 0.01;

    /// <summary>The garrison left at the end in these fits: at least one man, since under q ≥ 1 a force is never wiped out.</summary>
    public const double MinimumEnemyEnd = 1;

    public static IReadOnlyList<LawFit> All(DailySeries series, double enemyStart = EngelFit.IwoJimaJapaneseStart, double enemyEnd = 0)
    {
        ArgumentNullException.ThrowIfNull(series);
        var end = Math.Max(enemyEnd, MinimumEnemyEnd);
        var fits = new List<LawFit>
        {
            Fit(series, AttritionLaw.Square, 1, 0, 2, enemyStart, end),
            Fit(series, AttritionLaw.Linear, 1, 1, 2, enemyStart, end),
            Fit(series, AttritionLaw.Logarithmic, 0, 1, 2, enemyStart, end),
        };

        LawFit? helmbold = null;
        for (var i = 0; i <= 100; i++)
        {
            var w = i * GridStep;
            var f = Fit(series, AttritionLaw.Helmbold, w, 1 - w, 3, enemyStart, end);
            if (helmbold is null || f.Sse < helmbold.Sse)
            {
                helmbold = f;
            }
        }

        fits.Add(helmbold!);
        LawFit? general = null;
        for (var i = 0; i <= 200; i++)
        {
            for (var k = 0; k <= 200; k++)
            {
                var f = Fit(series, AttritionLaw.General, i * GridStep, k * GridStep, 4, enemyStart, end);
                if (general is null || f.Sse < general.Sse)
                {
                    general = f;
                }
            }
        }

        fits.Add(general!);
        return fits;
    }

    /// <summary>The fit with the least AIC (the first in the list on a tie).</summary>
    public static LawFit Best(IReadOnlyList<LawFit> fits)
    {
        ArgumentNullException.ThrowIfNull(fits);
        return fits.Aggregate((best, f) => f.Aic < best.Aic ? f : best);
    }

    /// <summary>One law with fixed exponents: b from J's end, a by least squares of the cumulative casualties.</summary>
    public static LawFit Fit(DailySeries series, AttritionLaw law, double p, double q, int parameters, double enemyStart, double enemyEnd)
    {
        ArgumentNullException.ThrowIfNull(series);
        var n = series.Count;
        var mp = new double[n];
        for (var t = 0; t < n; t++)
        {
            mp[t] = Math.Pow(series.Active[t], p);
        }

        var s = mp.Sum();
        var one = Math.Abs(q - 1) < 1e-12;
        var b = one
            ? Math.Log(enemyStart / enemyEnd) / s
            : (Math.Pow(enemyStart, 1 - q) - Math.Pow(enemyEnd, 1 - q)) / ((1 - q) * s);
        var x = new double[n];
        var before = 0.0;
        var cumulative = 0.0;
        for (var t = 0; t < n; t++)
        {
            var j = one
                ? enemyStart * Math.Exp(-b * before)
                : Math.Pow(Math.Max(0, Math.Pow(enemyStart, 1 - q) - (1 - q) * b * before), 1 / (1 - q));
            cumulative += Math.Pow(j, p) * Math.Pow(series.Active[t], q);
            x[t] = cumulative;
            before += mp[t];
        }

        double sxy = 0, sxx = 0;
        for (var t = 0; t < n; t++)
        {
            sxy += x[t] * series.CasualtiesCumulative[t];
            sxx += x[t] * x[t];
        }

        var a = sxx > 0 ? sxy / sxx : 0;
        var mean = series.CasualtiesCumulative.Average();
        double sse = 0, sst = 0;
        for (var t = 0; t < n; t++)
        {
            var r = series.CasualtiesCumulative[t] - a * x[t];
            sse += r * r;
            sst += (series.CasualtiesCumulative[t] - mean) * (series.CasualtiesCumulative[t] - mean);
        }

        var aic = n * Math.Log(Math.Max(sse, 1e-300) / n) + 2 * parameters;
        return new LawFit(law, Math.Round(p, 6), Math.Round(q, 6), a, b, parameters, sse, 1 - sse / sst, Math.Sqrt(sse / n), aic);
    }
}
