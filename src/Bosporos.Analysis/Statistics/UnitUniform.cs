using Bosporos.Kernel.Randomness;

namespace Bosporos.Analysis.Statistics;

/// <summary>Uniform doubles in [0, 1) from the kernel's generator (53 random bits), for designs and bootstraps.</summary>
public static class UnitUniform
{
    private const double Unit = 1.0 / (1UL << 53);

    public static double Next(ref RandomStream stream) => (stream.NextUInt64() >> 11) * Unit;

    /// <summary>A stream for one analysis purpose, independent of every run's dice: (master seed, salt, index).</summary>
    public static RandomStream Stream(ulong masterSeed, ulong salt, ulong index = 0) =>
        new(SplitMix64.Derive(SplitMix64.Derive(masterSeed, salt), index));
}
