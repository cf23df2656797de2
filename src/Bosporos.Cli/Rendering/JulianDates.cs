using System.Globalization;
using Bosporos.Kernel;
using Bosporos.Kernel.Time;
using NodaTime;

namespace Bosporos.Cli.Rendering;

/// <summary>Turns simulated days into Julian calendar dates, as the sources of 626 date them.</summary>
internal sealed class JulianDates
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

    public static string Heading(LocalDate d) =>
        string.Create(CultureInfo.InvariantCulture, $"{d.DayOfWeek} {d.Day} {Months[d.Month - 1]} {d.Year}");

    public static string Iso(LocalDate d) => string.Create(CultureInfo.InvariantCulture, $"{d.Year:0000}-{d.Month:00}-{d.Day:00}");
}
