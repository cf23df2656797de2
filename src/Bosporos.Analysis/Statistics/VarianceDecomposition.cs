namespace Bosporos.Analysis.Statistics;

/// <summary>
/// How much of an outcome's variance comes from the uncertain inputs and how much from chance, by the law of total
/// variance: Var(Y) = Var(E[Y | X]) + E[Var(Y | X)]. With M input draws and R seeds per draw (a nested design),
/// E[Var(Y | X)] is estimated by the mean within-draw variance W, and Var(E[Y | X]) by the variance of the draw means
/// minus W / R (the chance left in a mean of R runs), floored at zero: the one-way random-effects ANOVA estimator.
/// </summary>
public readonly record struct VarianceSplit(double Total, double Inputs, double Chance, int Draws, int SeedsPerDraw)
{
    /// <summary>Share of the variance explained by the inputs (0..1); NaN when there is no variance at all.</summary>
    public double InputShare => Inputs + Chance > 0 ? Inputs / (Inputs + Chance) : double.NaN;
}

public static class VarianceDecomposition
{
    /// <summary>values[j][r]: the outcome of seed r under input draw j (every row the same length R ≥ 2).</summary>
    public static VarianceSplit Of(IReadOnlyList<double[]> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var m = values.Count;
        if (m < 2)
        {
            throw new ArgumentException("At least two input draws are needed.", nameof(values));
        }

        var r = values[0].Length;
        if (r < 2 || values.Any(v => v.Length != r))
        {
            throw new ArgumentException("Every draw needs the same number (at least two) of seeds.", nameof(values));
        }

        var means = new double[m];
        var within = 0.0;
        var all = new double[m * r];
        for (var j = 0; j < m; j++)
        {
            means[j] = Descriptive.Mean(values[j]);
            within += Descriptive.Variance(values[j]);
            values[j].CopyTo(all, j * r);
        }

        within /= m;
        var between = Descriptive.Variance(means);
        var inputs = Math.Max(0, between - (within / r));
        return new VarianceSplit(Descriptive.Variance(all), inputs, within, m, r);
    }
}
