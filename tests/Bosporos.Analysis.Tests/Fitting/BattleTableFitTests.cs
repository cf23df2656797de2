using Bosporos.Analysis.Fitting;

namespace Bosporos.Analysis.Tests.Fitting;

public class BattleTableFitTests
{
    [Fact]
    public void A_known_exponent_and_rate_are_recovered()
    {
        // Attackers lose 4% a day at even odds with W = 0.5; defenders 6% with W = 1; scattered by a fixed pattern.
        var battles = new List<BattleRecord>();
        for (var i = 0; i < 60; i++)
        {
            var ratio = Math.Pow(2, (i % 12 - 6) / 3.0); // attacker : defender from 1:4 to 3.2:1
            var scatter = Math.Exp(0.2 * Math.Sin(i * 1.7));
            var defender = 10_000.0;
            var attacker = defender * ratio;
            var days = 1 + (i % 3);
            var aRate = 0.04 * Math.Pow(1 / ratio, 0.5) * scatter;
            var dRate = 0.06 * ratio / scatter;
            battles.Add(new BattleRecord(i + 1, $"b{i}", 1700, days, attacker, defender, aRate * attacker * days, dRate * defender * days, 1));
        }

        var fit = BattleTableFit.Of("test", battles);
        Assert.Equal(0.5, fit.Attacker.Exponent.Value, 1);
        Assert.InRange(0.5, fit.Attacker.Exponent.Low, fit.Attacker.Exponent.High);
        Assert.Equal(1.0, fit.Defender.Exponent.Value, 1);
        Assert.Equal(0.04, fit.Attacker.RateAtEvenOdds.Value, 2);
        Assert.Equal(0.06, fit.Defender.RateAtEvenOdds.Value, 2);
        var twoToOne = fit.Odds.Single(o => o.Odds == 2);
        Assert.Equal(fit.Attacker.RateAtEvenOdds.Value * Math.Pow(0.5, fit.Attacker.Exponent.Value), twoToOne.Attacker.Value, 12);
        Assert.Equal(fit.Defender.RateAtEvenOdds.Value * Math.Pow(2, fit.Defender.Exponent.Value), twoToOne.Defender.Value, 12);
    }

    [Fact]
    public void The_bootstrap_is_seeded_so_the_intervals_repeat()
    {
        var battles = Cdb90.Read(BattleData.Cdb90).Battles;
        var one = BattleTableFit.Of("all", battles, seed: 7, replicates: 500);
        var again = BattleTableFit.Of("all", battles, seed: 7, replicates: 500);
        var other = BattleTableFit.Of("all", battles, seed: 8, replicates: 500);
        Assert.Equal(one.Attacker.MeanDailyLoss, again.Attacker.MeanDailyLoss);
        Assert.Equal(one.Defender.MeanDailyLoss, again.Defender.MeanDailyLoss);
        Assert.NotEqual(one.Attacker.MeanDailyLoss.Low, other.Attacker.MeanDailyLoss.Low);
        Assert.Equal(one.Attacker.MeanDailyLoss.Value, other.Attacker.MeanDailyLoss.Value);
    }

    [Fact]
    public void The_shipped_table_gives_the_figures_of_the_documentation()
    {
        var battles = Cdb90.Read(BattleData.Cdb90).Battles;
        var all = BattleTableFit.Of("all", battles);
        var early = BattleTableFit.Of("before 1900", battles.Where(b => b.Year < 1900).ToList());
        Assert.Equal((484, 234), (all.N, early.N));
        Assert.Equal(0.86, all.Attacker.Exponent.Value, 2);
        Assert.Equal(0.40, early.Attacker.Exponent.Value, 2);
        Assert.Equal(0.110, early.Attacker.RateAtEvenOdds.Value, 3);
        Assert.Equal(0.137, early.Defender.RateAtEvenOdds.Value, 3);
        Assert.InRange(early.Defender.Exponent.Low, -1, 0); // the defender's rate does not depend on the odds
        Assert.InRange(early.Defender.Exponent.High, 0, 1);
    }

    [Fact]
    public void Too_few_battles_are_refused() =>
        Assert.Throws<ArgumentException>(() => BattleTableFit.Of("none", []));
}
