namespace Bosporos.Analysis.Fitting;

/// <summary>
/// A daily series of one side's strength in a battle against an enemy whose strength is known only at the start
/// and the end: Engel's Iwo Jima series (US active strength by day, 1945). Arrays are indexed by day − 1.
/// </summary>
public sealed record DailySeries(
    string File,
    IReadOnlyList<int> Days,
    IReadOnlyList<double> Landed,
    IReadOnlyList<double> CasualtiesCumulative,
    IReadOnlyList<double> Active)
{
    public int Count => Days.Count;

    /// <summary>The men landed on day t (the reinforcement P(t)); day 1 counts the whole first landing.</summary>
    public double Reinforcement(int index) => index == 0 ? Landed[0] : Landed[index] - Landed[index - 1];

    public const string DayColumn = "day";
    public const string LandedColumn = "us_landed_cumulative";
    public const string CasualtiesColumn = "us_casualties_cumulative";
    public const string ActiveColumn = "us_active_strength";

    /// <summary>
    /// Reads the series: columns day (1, 2, 3, ... without gaps), us_landed_cumulative, us_casualties_cumulative and
    /// us_active_strength (= landed − casualties), whole numbers of men, at least three days.
    /// </summary>
    public static DailySeries Read(string path) => From(CsvTable.Read(path));

    public static DailySeries From(CsvTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var day = table.Column(DayColumn);
        var landed = table.Column(LandedColumn);
        var casualties = table.Column(CasualtiesColumn);
        var active = table.Column(ActiveColumn);
        var days = new List<int>();
        var l = new List<double>();
        var c = new List<double>();
        var a = new List<double>();
        foreach (var row in table.Rows)
        {
            var d = table.Integer(row, day, "the day");
            if (d != days.Count + 1)
            {
                throw table.Error(row[day], $"day {d} where day {days.Count + 1} was expected",
                    "Days are numbered 1, 2, 3, ... in order, one row each, without gaps.");
            }

            var men = new long[3];
            var cols = new[] { landed, casualties, active };
            for (var k = 0; k < 3; k++)
            {
                men[k] = table.Integer(row, cols[k], "a count of men");
                if (men[k] < 0)
                {
                    throw table.Error(row[cols[k]], $"'{table.Header[cols[k]].Text}' is {men[k]}, a negative count of men", "Counts of men are 0 or more.");
                }
            }

            if (men[0] - men[1] != men[2])
            {
                throw table.Error(row[active], $"us_active_strength is {men[2]}, but landed − casualties is {men[0]} − {men[1]} = {men[0] - men[1]}",
                    "The active strength is the men landed so far less the casualties so far; correct whichever of the three is wrong.");
            }

            days.Add((int)d);
            l.Add(men[0]);
            c.Add(men[1]);
            a.Add(men[2]);
        }

        if (days.Count < 3)
        {
            throw new DataFileException(table.File, 0, 0, $"has {days.Count} day(s) of data", "A fit needs at least 3 days.");
        }

        return new DailySeries(table.File, days, l, c, a);
    }
}
