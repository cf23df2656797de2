namespace Bosporos.Kernel.Numerics;

/// <summary>
/// A fixed-point fraction with four decimal places (raw 10,000 = 1.0). Scenario files write it as a decimal
/// ("0.35"); the kernel computes with the integer only, so results never depend on the platform's floating point.
/// </summary>
public readonly record struct Ratio(int Raw) : IComparable<Ratio>
{
    public const int Scale = 10_000;

    public static Ratio One => new(Scale);

    public static Ratio Zero => new(0);

    public static Ratio FromPermille(int permille) => new(permille * 10);

    /// <summary>Applies the ratio to a whole quantity, rounding half away from zero.</summary>
    public long Of(long quantity) => FixedMath.MulDivRound(quantity, Raw, Scale);

    public int CompareTo(Ratio other) => Raw.CompareTo(other.Raw);

    public static bool operator <(Ratio a, Ratio b) => a.Raw < b.Raw;

    public static bool operator >(Ratio a, Ratio b) => a.Raw > b.Raw;

    public static bool operator <=(Ratio a, Ratio b) => a.Raw <= b.Raw;

    public static bool operator >=(Ratio a, Ratio b) => a.Raw >= b.Raw;

    public override string ToString() => FormattableString.Invariant($"{Raw / (decimal)Scale:0.####}");
}
