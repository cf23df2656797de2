using Bosporos.Analysis.Fitting;

namespace Bosporos.Analysis.Tests.Fitting;

public class Cdb90Tests
{
    [Fact]
    public void The_shipped_table_drops_the_36_duplicates_and_the_battles_without_figures()
    {
        var data = Cdb90.Read(BattleData.Cdb90);
        Assert.Equal(660, data.Rows);
        Assert.Equal(36, data.Count("duplicates"));
        Assert.Equal(138, data.Count("missingFigures"));
        Assert.Equal(2, data.Count("noDates"));
        Assert.Equal(484, data.Battles.Count);
        Assert.Equal(234, data.Battles.Count(b => b.Year < 1900));
        Assert.All(data.Battles, b => Assert.True(b.Days >= 1 && b.AttackerLosses > 0 && b.DefenderStrength > 0));
    }

    [Fact]
    public void Outcomes_come_from_the_original_table_with_their_negative_codes()
    {
        // battles.csv has lost the −1 (attacker lost) codes; CDB90-patched.csv keeps them.
        var data = Cdb90.Read(BattleData.Cdb90);
        Assert.Contains(data.Battles, b => b.AttackerOutcome == -1);
        var nieuport = data.Battles.Single(b => b.Id == 1);
        Assert.Equal(("NIEUPORT", 1600, 1, -1), (nieuport.Name, nieuport.Year, nieuport.Days, nieuport.AttackerOutcome));
        Assert.Equal((11_500, 11_300, 4_000, 1_000), (nieuport.AttackerStrength, nieuport.DefenderStrength, nieuport.AttackerLosses, nieuport.DefenderLosses));
    }

    [Theory]
    [InlineData("1626-04-25T00:00:00", "1626-04-26T00:00:00", 1)] // a day whose hours are unknown
    [InlineData("1600-07-02T14:30:00", "1600-07-02T19:30:00", 1)]
    [InlineData("1644-08-03T17:00:00", "1644-08-10T00:00:00", 7)]
    [InlineData("1644-08-03T17:00:00", "1644-08-10T06:00:00", 8)]
    [InlineData("1700-01-01T00:00:00", "1700-01-01T00:00:00", 1)]
    public void Calendar_days_close_a_day_at_midnight(string start, string end, int days) =>
        Assert.Equal(days, Cdb90.CalendarDays(DateTime.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateTime.Parse(end, System.Globalization.CultureInfo.InvariantCulture)));

    private static BattleTable Small(string patchedRows, string parents = "1,\n2,\n3,1\n", string times = "1,1700-01-01T08:00:00,1700-01-01T18:00:00\n2,1710-01-01T00:00:00,1710-01-03T00:00:00\n3,1700-01-01T08:00:00,1700-01-01T18:00:00\n") =>
        Cdb90.From(
            CsvTable.Parse("CDB90-patched.csv", "\"ISQNO\",\"NAME\",\"INTSTA\",\"CASA\",\"INTSTD\",\"CASD\",\"WINA\"\n" + patchedRows),
            CsvTable.Parse("battles.csv", "\"isqno\",\"parent\"\n" + parents),
            CsvTable.Parse("battle_durations.csv", "\"isqno\",\"datetime_min\",\"datetime_max\"\n" + times));

    [Fact]
    public void Duplicates_missing_figures_and_rates_per_day_are_handled()
    {
        var data = Small("1,\"A\",\"1000\",\"100\",\"500\",\"50\",1\n2,\"B\",\"2000\",\"-1\",\"1000\",\"10\",-1\n3,\"A again\",\"1000\",\"100\",\"500\",\"50\",1\n");
        Assert.Equal((3, 1, 1), (data.Rows, data.Count("duplicates"), data.Count("missingFigures")));
        var a = Assert.Single(data.Battles);
        Assert.Equal(0.1, a.AttackerDailyLoss, 12);
        Assert.Equal(0.1, a.DefenderDailyLoss, 12);
        Assert.Equal(2, a.ForceRatio, 12);
    }

    [Fact]
    public void A_malformed_figure_is_reported_at_its_cell_even_in_a_duplicate_row()
    {
        var e = Assert.Throws<DataFileException>(() => Small("1,\"A\",\"1000\",\"100\",\"500\",\"50\",1\n2,\"B\",\"2000\",\"10\",\"1000\",\"10\",-1\n3,\"A again\",\"1000\",\"1OO\",\"500\",\"50\",1\n"));
        Assert.Equal("CDB90-patched.csv:4:20: 'CASA' is '1OO', not a number", e.Message);
    }

    [Fact]
    public void A_battle_missing_from_the_tidy_table_means_the_files_do_not_belong_together()
    {
        var e = Assert.Throws<DataFileException>(() => Small("1,\"A\",\"1000\",\"100\",\"500\",\"50\",1\n9,\"B\",\"2000\",\"10\",\"1000\",\"10\",-1\n"));
        Assert.Contains("battle 9 is not in battles.csv", e.Message, StringComparison.Ordinal);
    }
}
