using Bosporos.Kernel;

namespace Bosporos.Web.Replay;

/// <summary>Julian calendar dates for display (the sources date the siege in the Julian calendar).</summary>
internal static class JulianCalendar
{
    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>Julian day number of a Julian calendar date.</summary>
    public static int DayNumber(int year, int month, int day)
    {
        var a = (14 - month) / 12;
        var y = year + 4800 - a;
        var m = month + (12 * a) - 3;
        return day + (((153 * m) + 2) / 5) + (365 * y) + (y / 4) - 32083;
    }

    /// <summary>The Julian calendar date of a Julian day number.</summary>
    public static (int Year, int Month, int Day) FromDayNumber(int jdn)
    {
        var c = jdn + 32082;
        var d = ((4 * c) + 3) / 1461;
        var e = c - (1461 * d / 4);
        var m = ((5 * e) + 2) / 153;
        var day = e - (((153 * m) + 2) / 5) + 1;
        var month = m + 3 - (12 * (m / 10));
        var year = d - 4800 + (m / 10);
        return (year, month, day);
    }

    /// <summary>"7 August 626, 14:00" for a run hour counted from the scenario's first midnight.</summary>
    public static string Format(CalendarDefinition calendar, int hours)
    {
        var (y, m, d) = FromDayNumber(DayNumber(calendar.StartYear, calendar.StartMonth, calendar.StartDay) + (hours / 24));
        return $"{d} {Months[m - 1]} {y}, {hours % 24:00}:00";
    }

    /// <summary>The run hour at which a Julian date begins (may be negative or past the horizon).</summary>
    public static int HourOf(CalendarDefinition calendar, int month, int day) =>
        (DayNumber(calendar.StartYear, month, day) - DayNumber(calendar.StartYear, calendar.StartMonth, calendar.StartDay)) * 24;
}
