using System.Globalization;

namespace Bosporos.Analysis.Fitting;

/// <summary>
/// One battle usable for a casualty-rate fit: both sides' strengths (initial in CDB90, engaged in Livermore) and
/// losses, its length in calendar days, and the attacker's outcome (1 won, 0 drawn, −1 lost, −9 unknown).
/// </summary>
public sealed record BattleRecord(
    int Id,
    string Name,
    int Year,
    int Days,
    double AttackerStrength,
    double DefenderStrength,
    double AttackerLosses,
    double DefenderLosses,
    int AttackerOutcome)
{
    /// <summary>The attacker's losses as a share of its strength, per calendar day of battle.</summary>
    public double AttackerDailyLoss => AttackerLosses / AttackerStrength / Days;

    /// <summary>The defender's losses as a share of its strength, per calendar day of battle.</summary>
    public double DefenderDailyLoss => DefenderLosses / DefenderStrength / Days;

    /// <summary>Attacker's initial strength over the defender's.</summary>
    public double ForceRatio => AttackerStrength / DefenderStrength;
}

/// <summary>Rows of a battle table left out of a fit for one reason: a key for JSON, words for people, and how many.</summary>
public sealed record LeftOut(string Key, string Description, int Count);

/// <summary>The battles read from a table, what their losses count, and how many rows were left out, by reason.</summary>
public sealed record BattleTable(string Title, string Losses, IReadOnlyList<BattleRecord> Battles, int Rows, IReadOnlyList<LeftOut> LeftOut)
{
    /// <summary>The rows left out for the reason <paramref name="key"/> (0 when none).</summary>
    public int Count(string key) => LeftOut.FirstOrDefault(l => l.Key == key)?.Count ?? 0;
}

/// <summary>
/// Reads the CAA Database of Battles (CDB90) from the three files shipped in data/battles/cdb90: strengths, losses
/// and outcome from CDB90-patched.csv (the original table with the CDB91 corrections; missing numbers are −1), the
/// duplicate marks (<c>parent</c>) from battles.csv, and start and end times from battle_durations.csv.
/// </summary>
public static class Cdb90
{
    public const string PatchedFile = "CDB90-patched.csv";
    public const string BattlesFile = "battles.csv";
    public const string DurationsFile = "battle_durations.csv";

    public const string Title = "CDB90 (US Army Concepts Analysis Agency 1991; tidy version J. B. Arnold)";

    public static BattleTable Read(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new DataFileException(folder, 0, 0, "no such folder",
                $"Give the folder that holds {PatchedFile}, {BattlesFile} and {DurationsFile} (the shipped copy is data/battles/cdb90).");
        }

        return From(CsvTable.Read(Path.Combine(folder, PatchedFile)), CsvTable.Read(Path.Combine(folder, BattlesFile)), CsvTable.Read(Path.Combine(folder, DurationsFile)));
    }

    public static BattleTable From(CsvTable patched, CsvTable battles, CsvTable durations)
    {
        ArgumentNullException.ThrowIfNull(patched);
        ArgumentNullException.ThrowIfNull(battles);
        ArgumentNullException.ThrowIfNull(durations);

        var parents = new Dictionary<long, bool>();
        var bId = battles.Column("isqno");
        var bParent = battles.Column("parent");
        foreach (var row in battles.Rows)
        {
            parents[battles.Integer(row, bId, "the battle number")] = row[bParent].Text.Trim().Length > 0;
        }

        var times = new Dictionary<long, (CsvField Start, CsvField End)>();
        var dId = durations.Column("isqno");
        var dStart = durations.Column("datetime_min");
        var dEnd = durations.Column("datetime_max");
        foreach (var row in durations.Rows)
        {
            times[durations.Integer(row, dId, "the battle number")] = (row[dStart], row[dEnd]);
        }

        var id = patched.Column("ISQNO");
        var name = patched.Column("NAME");
        var strA = patched.Column("INTSTA");
        var strD = patched.Column("INTSTD");
        var casA = patched.Column("CASA");
        var casD = patched.Column("CASD");
        var win = patched.Column("WINA");
        var result = new List<BattleRecord>();
        int duplicates = 0, missing = 0, noLosses = 0, noDates = 0;
        foreach (var row in patched.Rows)
        {
            var isqno = patched.Integer(row, id, "the battle number");
            if (!parents.TryGetValue(isqno, out var duplicate))
            {
                throw patched.Error(row[id], $"battle {isqno} is not in {Path.GetFileName(battles.File)}",
                    "The three CDB90 files must come from the same release; copy them together.");
            }

            // Every row is checked before any is left out, so a malformed figure is reported wherever it is.
            var figures = new[] { strA, strD, casA, casD }.Select(c => patched.Number(row, c, "a count of men (−1 when unknown)")).ToArray();
            var outcome = (int)patched.Integer(row, win, "the outcome code (1, 0, −1 or −9)");
            if (duplicate)
            {
                duplicates++;
                continue;
            }

            if (figures.Any(f => f < 0) || figures[0] == 0 || figures[1] == 0)
            {
                missing++;
                continue;
            }

            if (figures[2] == 0 || figures[3] == 0)
            {
                noLosses++;
                continue;
            }

            if (!times.TryGetValue(isqno, out var span) || span.Start.Text.Length == 0 || span.End.Text.Length == 0)
            {
                noDates++;
                continue;
            }

            var start = Time(durations, span.Start);
            var end = Time(durations, span.End);
            if (end < start)
            {
                throw durations.Error(span.End, $"battle {isqno} ends before it starts", "datetime_max must not be earlier than datetime_min.");
            }

            result.Add(new BattleRecord((int)isqno, row[name].Text, start.Year, CalendarDays(start, end), figures[0], figures[1], figures[2], figures[3], outcome));
        }

        return new BattleTable(Title, "personnel battle casualties", result, patched.Rows.Count,
        [
            new("duplicates", "duplicates dropped", duplicates),
            new("missingFigures", "missing a strength or a loss", missing),
            new("noLosses", "with no losses on a side", noLosses),
            new("noDates", "without dates", noDates),
        ]);
    }

    /// <summary>
    /// The calendar days on which a battle was fought, from its start and end: an end at midnight closes the day
    /// before (upstream's <c>duration1</c> counts 00:00 to 00:00 the next day as two days).
    /// </summary>
    public static int CalendarDays(DateTime start, DateTime end)
    {
        var last = end > start && end.TimeOfDay == TimeSpan.Zero ? end.AddDays(-1) : end;
        return Math.Max(1, (int)(last.Date - start.Date).TotalDays + 1);
    }

    private static DateTime Time(CsvTable table, CsvField field)
    {
        if (DateTime.TryParseExact(field.Text, ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            return t;
        }

        throw table.Error(field, $"'{CsvTable.Shorten(field.Text)}' is not a date and time", "Write times as 1600-07-02T14:30:00.");
    }
}
