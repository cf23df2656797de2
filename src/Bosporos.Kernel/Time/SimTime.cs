namespace Bosporos.Kernel.Time;

/// <summary>
/// A moment of simulated time: whole hours since the scenario's start (hour 0 is midnight of its first day).
/// Calendar dates exist only for display, outside the kernel.
/// </summary>
public readonly record struct SimTime(int Hours) : IComparable<SimTime>
{
    public const int HoursPerDay = 24;

    public int Day => Hours / HoursPerDay;

    public int HourOfDay => Hours % HoursPerDay;

    public static SimTime FromDay(int day, int hourOfDay = 0) => new((day * HoursPerDay) + hourOfDay);

    public SimTime AddHours(int hours) => new(Hours + hours);

    public int CompareTo(SimTime other) => Hours.CompareTo(other.Hours);

    public static bool operator <(SimTime a, SimTime b) => a.Hours < b.Hours;

    public static bool operator >(SimTime a, SimTime b) => a.Hours > b.Hours;

    public static bool operator <=(SimTime a, SimTime b) => a.Hours <= b.Hours;

    public static bool operator >=(SimTime a, SimTime b) => a.Hours >= b.Hours;

    public override string ToString() => $"day {Day} {HourOfDay:00}:00";
}
