using Bosporos.Analysis.Fitting;

namespace Bosporos.Analysis.Tests.Fitting;

public class DailySeriesTests
{
    private const string Header = "day,us_landed_cumulative,us_casualties_cumulative,us_active_strength\n";

    private static DataFileException Refused(string rows) =>
        Assert.Throws<DataFileException>(() => DailySeries.From(CsvTable.Parse("s.csv", Header + rows)));

    [Fact]
    public void The_shipped_series_has_35_days_and_the_three_landings()
    {
        var s = DailySeries.Read(BattleData.IwoJima);
        Assert.Equal(35, s.Count);
        Assert.Equal([54_000, 0, 6_000, 0, 0, 13_000], Enumerable.Range(0, 6).Select(s.Reinforcement));
        Assert.Equal(20_860, s.CasualtiesCumulative[^1]);
    }

    [Fact]
    public void A_gap_in_the_days_is_reported_at_the_day()
    {
        var e = Refused("1,10,1,9\n2,10,2,8\n4,10,3,7\n");
        Assert.Equal((4, 1), (e.Line, e.Column));
        Assert.Contains("day 4 where day 3 was expected", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_active_strength_that_is_not_landed_less_casualties_is_reported_at_its_cell()
    {
        var e = Refused("1,10,1,9\n2,10,2,9\n3,10,3,7\n");
        Assert.Equal((3, 8), (e.Line, e.Column));
        Assert.Contains("landed − casualties is 10 − 2 = 8", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_and_fractional_counts_are_refused()
    {
        Assert.Contains("negative count", Refused("1,10,-1,11\n2,10,2,8\n3,10,3,7\n").Problem, StringComparison.Ordinal);
        Assert.Contains("not a whole number", Refused("1,10,1.5,8.5\n2,10,2,8\n3,10,3,7\n").Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Fewer_than_three_days_are_refused() =>
        Assert.Contains("2 day(s)", Refused("1,10,1,9\n2,10,2,8\n").Message, StringComparison.Ordinal);
}
