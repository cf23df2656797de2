using Bosporos.Analysis.Statistics;
using Bosporos.Kernel.Randomness;

namespace Bosporos.Analysis.Fitting;

/// <summary>A side's daily loss rate at given odds, from the fitted line (the median battle at those odds).</summary>
public sealed record OddsRate(double Odds, Interval Attacker, Interval Defender);

/// <summary>One side's casualty law: ln(daily loss fraction) = ln k + W ln(enemy / own), and its mean daily loss fraction.</summary>
public sealed record SideFit(LinearFit Line, Interval MeanDailyLoss, double MedianDailyLoss)
{
    /// <summary>The Helmbold exponent W: the slope on ln(enemy / own).</summary>
    public Interval Exponent => Line.Slope;

    /// <summary>The daily loss fraction at even odds, exp(intercept).</summary>
    public Interval RateAtEvenOdds => new(Math.Exp(Line.Intercept.Value), Math.Exp(Line.Intercept.Low), Math.Exp(Line.Intercept.High));
}

/// <summary>
/// The casualty law of a set of battles (Helmbold 1995): for each side, least squares of the log of its losses as a
/// share of its initial strength per calendar day of battle against the log of the enemy's strength over its own,
/// so that the slope is Helmbold's exponent W (1 under the square law, 0 under the logarithmic law) and exp(intercept)
/// the daily loss fraction of the median battle at even odds. Mean daily loss fractions carry seeded percentile
/// bootstrap intervals.
/// </summary>
public sealed record BattleTableFit(string Subset, int N, int AttackerWins, int AttackerLosses, SideFit Attacker, SideFit Defender, IReadOnlyList<OddsRate> Odds, int Replicates, ulong Seed)
{
    public const int DefaultReplicates = 2000;
    public const ulong DefaultSeed = 1990;

    /// <summary>The odds (attacker : defender) at which rates are given.</summary>
    public static readonly double[] ReportedOdds = [1, 2];

    public static BattleTableFit Of(string subset, IReadOnlyList<BattleRecord> battles, ulong seed = DefaultSeed, int replicates = DefaultReplicates)
    {
        ArgumentNullException.ThrowIfNull(battles);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 100);
        if (battles.Count < 3)
        {
            throw new ArgumentException($"{subset}: {battles.Count} battle(s) is too few for a fit (at least 3).", nameof(battles));
        }

        var attacker = Side(battles.Select(b => Math.Log(1 / b.ForceRatio)).ToList(), battles.Select(b => b.AttackerDailyLoss).ToList(), UnitUniform.Stream(seed, Salt, 0), replicates);
        var defender = Side(battles.Select(b => Math.Log(b.ForceRatio)).ToList(), battles.Select(b => b.DefenderDailyLoss).ToList(), UnitUniform.Stream(seed, Salt, 1), replicates);
        var odds = ReportedOdds.Select(o => new OddsRate(o, Exp(attacker.Line.MeanAt(Math.Log(1 / o))), Exp(defender.Line.MeanAt(Math.Log(o))))).ToList();
        return new BattleTableFit(subset, battles.Count, battles.Count(b => b.AttackerOutcome == 1), battles.Count(b => b.AttackerOutcome == -1), attacker, defender, odds, replicates, seed);
    }

    private const ulong Salt = 0xCDB90;

    private static Interval Exp(Interval i) => new(Math.Exp(i.Value), Math.Exp(i.Low), Math.Exp(i.High));

    private static SideFit Side(IReadOnlyList<double> logRatio, IReadOnlyList<double> rate, RandomStream stream, int replicates)
    {
        var line = LinearFit.Of(logRatio, rate.Select(r => Math.Log(r)).ToList());
        var values = rate.ToArray();
        var mean = Descriptive.Mean(values);
        var (low, high) = Bootstrap.Percentile(values.Length, replicates, stream, idx =>
        {
            var sum = 0.0;
            foreach (var i in idx)
            {
                sum += values[i];
            }

            return sum / idx.Length;
        });
        return new SideFit(line, new Interval(mean, low, high), Descriptive.Median(values));
    }
}
