using Bosporos.Kernel;
using Bosporos.Scenarios.Narrative;

namespace Bosporos.Web.Replay;

/// <summary>Julian calendar dates for display (the sources date the siege in the Julian calendar), through the shared <see cref="JulianDates"/>.</summary>
internal static class JulianCalendar
{
    /// <summary>"7 August 626, 14:00" for a run hour counted from the scenario's first midnight.</summary>
    public static string Format(CalendarDefinition calendar, int hours) => new JulianDates(calendar).Format(hours);
}
