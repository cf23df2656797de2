namespace Bosporos.Kernel.Numerics;

/// <summary>An angle in millionths of a degree (WGS84 latitude or longitude), written "41.017" in scenario files.</summary>
public readonly record struct Degrees(int Micro)
{
    public const int Scale = 1_000_000;

    public override string ToString() => FormattableString.Invariant($"{Micro / (decimal)Scale:0.######}");
}
