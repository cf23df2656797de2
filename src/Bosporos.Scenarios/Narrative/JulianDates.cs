using System.Globalization;
using Bosporos.Kernel;
using Bosporos.Kernel.Time;
using NodaTime;

namespace Bosporos.Scenarios.Narrative;

/// <summary>
/// Turns simulated days and hours into Julian calendar dates, as the sources of 626 date them, and reads such dates
/// back ("626-08-03T06:00") as hours of a run. The chronicle, the JSON output, the web replay and the branch
/// experiments all date through this one class.
/// </summary>
public sealed class JulianDates
{
    private static readonly string[] Months =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];

    private readonly LocalDate start;

    public JulianDates(CalendarDefinition calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        start = new LocalDate(calendar.StartYear, calendar.StartMonth, calendar.StartDay, CalendarSystem.Julian);
    }

    public LocalDate Date(int day) => start.PlusDays(day);

    public LocalDate Date(SimTime time) => Date(time.Day);

    /// <summary>"Tuesday 29 July 626".</summary>
    public string Heading(int day) => Heading(Date(day));

    /// <summary>"0626-07-29": a sortable Julian date (not ISO 8601, which is proleptic Gregorian).</summary>
    public string Iso(int day) => Iso(Date(day));

    /// <summary>"7 August 626, 14:00" for an hour of the run counted from the scenario's first midnight.</summary>
    public string Format(int hour) => Format(hour, withTime: true);

    /// <summary>"7 August 626, 14:00", or "7 August 626" without the time.</summary>
    public string Format(int hour, bool withTime)
    {
        var d = Date(FloorDay(hour));
        var date = string.Create(CultureInfo.InvariantCulture, $"{d.Day} {Months[d.Month - 1]} {d.Year}");
        return withTime ? date + string.Create(CultureInfo.InvariantCulture, $", {FloorHour(hour):00}:00") : date;
    }

    /// <summary>"0626-08-03T06:00": an hour of the run as <see cref="TryParseMoment"/> reads it.</summary>
    public string Moment(int hour) => Iso(Date(FloorDay(hour))) + string.Create(CultureInfo.InvariantCulture, $"T{FloorHour(hour):00}:00");

    /// <summary>The run hour at which a Julian date begins (negative before the start).</summary>
    public int HourOf(LocalDate date) => Period.Between(start, date, PeriodUnits.Days).Days * 24;

    /// <summary>The run hour at which a Julian date of the scenario's first year begins.</summary>
    public int HourOf(int month, int day) => HourOf(new LocalDate(start.Year, month, day, CalendarSystem.Julian));

    /// <summary>
    /// Reads a moment written as the chronicle dates it, YEAR-MM-DDTHH:00 (Julian; the year with or without leading
    /// zeros, "T" or a space before the time; the time may be left out for midnight), as an hour of this run. The hour
    /// may lie before the start or past the horizon: the caller decides what it accepts.
    /// </summary>
    public bool TryParseMoment(string text, out int hour, out string problem)
    {
        hour = 0;
        if (!TryParseDate(text, out var date, out var hourOfDay, out problem))
        {
            return false;
        }

        hour = HourOf(date) + hourOfDay;
        return true;
    }

    /// <summary>Syntax and calendar check of a moment, without a scenario (see <see cref="TryParseMoment"/>).</summary>
    public static bool TryParseDate(string text, out LocalDate date, out int hourOfDay, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        date = default;
        hourOfDay = 0;
        var s = text.Trim();
        var split = s.IndexOfAny(['T', 't', ' ']);
        var datePart = split < 0 ? s : s[..split];
        var timePart = split < 0 ? null : s[(split + 1)..];
        var parts = datePart.Split('-');
        if (parts.Length != 3 || !Digits(parts[0], 1, 4) || !Digits(parts[1], 1, 2) || !Digits(parts[2], 1, 2))
        {
            problem = $"'{text}' is not a date written YEAR-MM-DDTHH:00 (e.g. 626-08-03T06:00).";
            return false;
        }

        var (y, m, d) = (Int(parts[0]), Int(parts[1]), Int(parts[2]));
        if (y < 1 || m < 1 || m > 12)
        {
            problem = $"'{text}': {(y < 1 ? "the year must be 1 or later" : $"there is no month {m}")}.";
            return false;
        }

        var days = CalendarSystem.Julian.GetDaysInMonth(y, m);
        if (d < 1 || d > days)
        {
            problem = $"'{text}': {Months[m - 1]} {y} has {days} days in the Julian calendar, so there is no day {d}.";
            return false;
        }

        if (timePart is not null)
        {
            var hm = timePart.Split(':');
            if (hm.Length is < 1 or > 2 || !Digits(hm[0], 1, 2) || (hm.Length == 2 && !Digits(hm[1], 2, 2)))
            {
                problem = $"'{text}': the time must be written HH:00 (e.g. T06:00).";
                return false;
            }

            hourOfDay = Int(hm[0]);
            if (hourOfDay > 23)
            {
                problem = $"'{text}': there is no hour {hourOfDay} (hours run from 00:00 to 23:00).";
                return false;
            }

            if (hm.Length == 2 && Int(hm[1]) != 0)
            {
                problem = $"'{text}': a run moves by whole hours, so the minutes must be 00.";
                return false;
            }
        }

        date = new LocalDate(y, m, d, CalendarSystem.Julian);
        problem = string.Empty;
        return true;
    }

    public static string Heading(LocalDate d) =>
        string.Create(CultureInfo.InvariantCulture, $"{d.DayOfWeek} {d.Day} {Months[d.Month - 1]} {d.Year}");

    public static string Iso(LocalDate d) => string.Create(CultureInfo.InvariantCulture, $"{d.Year:0000}-{d.Month:00}-{d.Day:00}");

    private static int FloorDay(int hour) => (int)Math.Floor(hour / 24.0);

    private static int FloorHour(int hour) => ((hour % 24) + 24) % 24;

    private static bool Digits(string s, int min, int max) => s.Length >= min && s.Length <= max && s.All(char.IsAsciiDigit);

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
}
