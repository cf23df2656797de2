namespace Bosporos.Kernel.War;

/// <summary>
/// Julian calendar dates as day numbers (integer arithmetic only): the campaign needs the month for the seasons and
/// the number of days between its start and the siege's.
/// </summary>
public readonly record struct JulianDate(int Year, int Month, int Day)
{
    /// <summary>The Julian day number of this (Julian calendar) date.</summary>
    public int DayNumber
    {
        get
        {
            var a = (14 - Month) / 12;
            var y = Year + 4800 - a;
            var m = Month + (12 * a) - 3;
            return Day + (((153 * m) + 2) / 5) + (365 * y) + (y / 4) - 32083;
        }
    }

    public static JulianDate FromDayNumber(int jdn)
    {
        var c = jdn + 32082;
        var d = ((4 * c) + 3) / 1461;
        var e = c - (1461 * d / 4);
        var m = ((5 * e) + 2) / 153;
        var day = e - (((153 * m) + 2) / 5) + 1;
        var month = m + 3 - (12 * (m / 10));
        var year = d - 4800 + (m / 10);
        return new JulianDate(year, month, day);
    }

    public static JulianDate Of(CalendarDefinition calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return new JulianDate(calendar.StartYear, calendar.StartMonth, calendar.StartDay);
    }

    public JulianDate AddDays(int days) => FromDayNumber(DayNumber + days);

    public override string ToString() => FormattableString.Invariant($"{Year:0000}-{Month:00}-{Day:00}");
}
