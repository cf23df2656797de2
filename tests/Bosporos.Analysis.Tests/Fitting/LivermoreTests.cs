using Bosporos.Analysis.Fitting;

namespace Bosporos.Analysis.Tests.Fitting;

public class LivermoreTests
{
    [Fact]
    public void The_shipped_tables_give_50_battles_with_both_sides_killed_and_wounded()
    {
        var data = Livermore.Read(Path.Combine(BattleData.Folder(), "acw-livermore1900"));
        Assert.Equal(63, data.Rows);
        Assert.Equal(13, data.Count("missingFigures"));
        Assert.Equal(50, data.Battles.Count);
        var bullRun = data.Battles.Single(b => b.Id == 1);
        // Bull Run: the Union attacked with 28,452 and lost (1,492 killed and wounded); the Confederates 32,232 and 1,969.
        Assert.Equal((1861, 1, 28_452, 32_232, 1_492, 1_969, -1), (bullRun.Year, bullRun.Days, bullRun.AttackerStrength, bullRun.DefenderStrength, bullRun.AttackerLosses, bullRun.DefenderLosses, bullRun.AttackerOutcome));
        Assert.Equal(5, data.Battles.Single(b => b.Id == 3).Days); // Fort Donelson, 12 to 16 February 1862
    }

    private const string Battles = "battle_id,battle_name,start_date,end_date,attacker,result\n";
    private const string Forces = "battle_id,belligerent,str,kw\n";

    [Fact]
    public void A_side_without_strength_leaves_the_battle_out()
    {
        var data = Livermore.From(
            CsvTable.Parse("b.csv", Battles + "1,A,1862-01-01,1862-01-02,Union,Union\n2,B,1862-02-01,1862-02-01,Confederate,Union\n"),
            CsvTable.Parse("f.csv", Forces + "1,Union,1000,100\n1,Confederate,500,100\n2,Union,,100\n2,Confederate,800,50\n"));
        var a = Assert.Single(data.Battles);
        Assert.Equal((2, 1, 0.05, 0.1), (a.Days, a.AttackerOutcome, a.AttackerDailyLoss, a.DefenderDailyLoss));
        Assert.Equal(1, data.Count("missingFigures"));
    }

    [Theory]
    [InlineData("1,A,1862-01-01,1862-01-02,Rebels,Union\n", "1,Union,1000,100\n1,Confederate,500,100\n", "b.csv:2:27: 'Rebels' is not a side")]
    [InlineData("1,A,1862-01-01,1862-13-02,Union,Union\n", "1,Union,1000,100\n1,Confederate,500,100\n", "b.csv:2:16: '1862-13-02' is not a date")]
    [InlineData("1,A,1862-01-01,1862-01-02,Union,Union\n", "1,Union,1000,100\n1,Confederate,-500,100\n", "f.csv:3:15: 'str' is -500, a negative count of men")]
    [InlineData("1,A,1862-01-01,1862-01-02,Union,Union\n", "1,Union,1000,100\n", "b.csv:2:1: battle 1 has no row for each side in f.csv")]
    public void Malformed_rows_are_located(string battles, string forces, string message)
    {
        var e = Assert.Throws<DataFileException>(() => Livermore.From(CsvTable.Parse("b.csv", Battles + battles), CsvTable.Parse("f.csv", Forces + forces)));
        Assert.Equal(message, e.Message);
    }
}
