using System.Globalization;

namespace Bosporos.Analysis.Fitting;

/// <summary>
/// Reads Livermore's (1900) American Civil War battles from the two files shipped in data/battles/acw-livermore1900:
/// livermore_battles.csv (dates, attacker, victor) and livermore_forces.csv (each side's engaged strength
/// <c>str</c> and killed and wounded <c>kw</c>). Missing and captured are left out on both sides, since they are
/// blank for many Confederate sides.
/// </summary>
public static class Livermore
{
    public const string BattlesFile = "livermore_battles.csv";
    public const string ForcesFile = "livermore_forces.csv";
    public const string Title = "American Civil War, Livermore (1900; tabulated by J. B. Arnold)";

    private static readonly string[] Sides = ["Union", "Confederate"];

    public static BattleTable Read(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new DataFileException(folder, 0, 0, "no such folder",
                $"Give the folder that holds {BattlesFile} and {ForcesFile} (the shipped copy is data/battles/acw-livermore1900).");
        }

        return From(CsvTable.Read(Path.Combine(folder, BattlesFile)), CsvTable.Read(Path.Combine(folder, ForcesFile)));
    }

    public static BattleTable From(CsvTable battles, CsvTable forces)
    {
        ArgumentNullException.ThrowIfNull(battles);
        ArgumentNullException.ThrowIfNull(forces);
        var fId = forces.Column("battle_id");
        var fSide = forces.Column("belligerent");
        var fStrength = forces.Column("str");
        var fLosses = forces.Column("kw");
        var sides = new Dictionary<(long, string), (double? Strength, double? Losses)>();
        foreach (var row in forces.Rows)
        {
            var side = row[fSide].Text;
            if (!Sides.Contains(side))
            {
                throw forces.Error(row[fSide], $"'{CsvTable.Shorten(side)}' is not a side", "The belligerent is Union or Confederate.");
            }

            double? Optional(int column)
            {
                if (row[column].Text.Trim().Length == 0)
                {
                    return null;
                }

                var v = forces.Number(row, column, "a count of men (blank when unknown)");
                return v >= 0 ? v : throw forces.Error(row[column], $"'{forces.Header[column].Text}' is {v}, a negative count of men", "Counts of men are 0 or more; leave a count that is not known blank.");
            }

            sides[(forces.Integer(row, fId, "the battle number"), side)] = (Optional(fStrength), Optional(fLosses));
        }

        var bId = battles.Column("battle_id");
        var bName = battles.Column("battle_name");
        var bStart = battles.Column("start_date");
        var bEnd = battles.Column("end_date");
        var bAttacker = battles.Column("attacker");
        var bResult = battles.Column("result");
        var result = new List<BattleRecord>();
        int missing = 0, noLosses = 0;
        foreach (var row in battles.Rows)
        {
            var id = battles.Integer(row, bId, "the battle number");
            var attacker = row[bAttacker].Text;
            if (!Sides.Contains(attacker))
            {
                throw battles.Error(row[bAttacker], $"'{CsvTable.Shorten(attacker)}' is not a side", "The attacker is Union or Confederate.");
            }

            var defender = attacker == "Union" ? "Confederate" : "Union";
            if (!sides.TryGetValue((id, attacker), out var a) || !sides.TryGetValue((id, defender), out var d))
            {
                throw battles.Error(row[bId], $"battle {id} has no row for each side in {Path.GetFileName(forces.File)}",
                    "The two Livermore files must come from the same release; copy them together.");
            }

            var start = Date(battles, row[bStart]);
            var end = Date(battles, row[bEnd]);
            if (end < start)
            {
                throw battles.Error(row[bEnd], $"battle {id} ends before it starts", "end_date must not be earlier than start_date.");
            }

            if (a.Strength is not > 0 || d.Strength is not > 0 || a.Losses is null || d.Losses is null)
            {
                missing++;
                continue;
            }

            if (a.Losses == 0 || d.Losses == 0)
            {
                noLosses++;
                continue;
            }

            var victor = row[bResult].Text;
            var outcome = victor == attacker ? 1 : victor == defender ? -1 : -9;
            result.Add(new BattleRecord((int)id, row[bName].Text, start.Year, (end.DayNumber - start.DayNumber) + 1,
                a.Strength.Value, d.Strength.Value, a.Losses.Value, d.Losses.Value, outcome));
        }

        return new BattleTable(Title, "killed and wounded", result, battles.Rows.Count,
        [
            new("missingFigures", "missing a strength or the killed and wounded", missing),
            new("noLosses", "with no losses on a side", noLosses),
        ]);
    }

    private static DateOnly Date(CsvTable table, CsvField field) =>
        DateOnly.TryParseExact(field.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw table.Error(field, $"'{CsvTable.Shorten(field.Text)}' is not a date", "Write dates as 1863-07-01.");
}
