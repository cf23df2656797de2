namespace Bosporos.Kernel.Numerics;

/// <summary>
/// Integer arithmetic the kernel uses instead of <see cref="Math"/>'s transcendental functions, whose results
/// come from the platform's C library and may differ between machines.
/// </summary>
public static class FixedMath
{
    /// <summary>Integer square root: the largest r with r*r &lt;= n.</summary>
    public static long ISqrt(long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (n < 2)
        {
            return n;
        }

        // Newton's iteration on integers, started above the root so it decreases monotonically.
        var x = (long)1 << ((64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)n) + 1) / 2);
        while (true)
        {
            var y = (x + (n / x)) / 2;
            if (y >= x)
            {
                return x;
            }

            x = y;
        }
    }

    /// <summary>a * b / c rounded half away from zero, with a 128-bit intermediate.</summary>
    public static long MulDivRound(long a, long b, long c)
    {
        if (c == 0)
        {
            throw new DivideByZeroException();
        }

        if ((ulong)(a + int.MaxValue) <= uint.MaxValue && (ulong)(b + int.MaxValue) <= uint.MaxValue)
        {
            // Both fit in 32 bits: the product fits in 64 and the 128-bit path is not needed.
            var p = a * b;
            var h = Math.Abs(c) / 2;
            var neg = (p < 0) ^ (c < 0);
            var m = (Math.Abs(p) + h) / Math.Abs(c);
            return neg ? -m : m;
        }

        var product = (Int128)a * b;
        var half = (Int128)(Math.Abs(c) / 2);
        var negative = (product < 0) ^ (c < 0);
        var magnitude = (Int128.Abs(product) + half) / Math.Abs(c);
        return (long)(negative ? -magnitude : magnitude);
    }

    /// <summary>a * b / c truncated toward zero, with a 128-bit intermediate.</summary>
    public static long MulDiv(long a, long b, long c) =>
        (ulong)(a + int.MaxValue) <= uint.MaxValue && (ulong)(b + int.MaxValue) <= uint.MaxValue ? a * b / c : (long)((Int128)a * b / c);

    public static int Clamp(long value, int min, int max) => (int)Math.Clamp(value, min, max);
}
