namespace Bosporos.Kernel.Randomness;

/// <summary>
/// Steele, Lea and Flood's SplitMix64 (2014): a tiny generator used here only to expand seeds into
/// well-mixed generator states and to derive child seeds.
/// </summary>
public struct SplitMix64
{
    private const ulong Golden = 0x9E37_79B9_7F4A_7C15UL;

    private ulong state;

    public SplitMix64(ulong seed) => state = seed;

    public ulong Next()
    {
        state += Golden;
        return Mix(state);
    }

    /// <summary>The SplitMix64 output function (a bijection on 64-bit words).</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>
    /// Derives the seed of child <paramref name="index"/> of <paramref name="parent"/>: used for Monte Carlo
    /// run k of a master seed and for the named streams of one run. Pure, so any thread or shard computes the same.
    /// </summary>
    public static ulong Derive(ulong parent, ulong index) => Mix(Mix(parent + Golden) ^ Mix((index + 1) * Golden));
}
