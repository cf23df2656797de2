using Bosporos.Kernel.Numerics;

namespace Bosporos.Kernel.Randomness;

/// <summary>
/// Blackman and Vigna's xoshiro256** (2018), seeded through SplitMix64. Each subsystem of a run draws from its own
/// stream, derived from (run seed, <see cref="StreamId"/>), so an extra draw in one never shifts another's dice.
/// A value type: copying it copies the generator.
/// </summary>
public struct RandomStream
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    public RandomStream(ulong seed)
    {
        var sm = new SplitMix64(seed);
        s0 = sm.Next();
        s1 = sm.Next();
        s2 = sm.Next();
        s3 = sm.Next();
    }

    public static RandomStream For(ulong runSeed, StreamId stream) => new(SplitMix64.Derive(runSeed, (ulong)stream));

    public ulong NextUInt64()
    {
        var result = RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A uniform integer in [0, bound), without modulo bias (Lemire's multiply-and-reject).</summary>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var b = (ulong)bound;
        var high = Math.BigMul(NextUInt64(), b, out var low);
        if (low < b)
        {
            var threshold = (0UL - b) % b;
            while (low < threshold)
            {
                high = Math.BigMul(NextUInt64(), b, out low);
            }
        }

        return (int)high;
    }

    /// <summary>A uniform draw in [0, 10,000): the unit of <see cref="Ratio"/>, so odds and rolls compare directly.</summary>
    public int Roll() => NextInt(Ratio.Scale);

    /// <summary>Bernoulli trial: true with probability <paramref name="odds"/>; the roll is returned for the event log.</summary>
    public bool Chance(Ratio odds, out int roll)
    {
        roll = Roll();
        return roll < odds.Raw;
    }

    /// <summary>
    /// An approximately standard normal deviate, scaled by 10,000 (Irwin–Hall: the sum of four uniforms,
    /// centred and scaled to unit variance; tails end at about ±3.46 sd). Integer only.
    /// </summary>
    public int StandardNormal10K()
    {
        long sum = 0;
        for (var i = 0; i < 4; i++)
        {
            sum += (long)(NextUInt64() >> 48); // uniform on [0, 65536)
        }

        // mean 4 * 32767.5, sd = 65536 * sqrt(4/12) = 37837.23
        var centred = (2 * sum) - (4L * 65535);
        return (int)FixedMath.MulDivRound(centred, 10_000, 2 * 37_837);
    }

    /// <summary>
    /// A count of losses with the given mean (in hundredths of a man), spread like a Poisson count: exact Bernoulli
    /// sums for small means, a normal approximation above; never negative and never above <paramref name="cap"/>.
    /// </summary>
    public int Casualties(long meanHundredths, int cap)
    {
        if (meanHundredths <= 0 || cap <= 0)
        {
            return 0;
        }

        int count;
        if (meanHundredths < 1_000)
        {
            // Binomial(n, p) with n = 2 * ceil(mean) + 2 trials and p = mean / n: close to Poisson for small means.
            var n = (int)((2 * ((meanHundredths + 99) / 100)) + 2);
            var p = (int)FixedMath.MulDivRound(meanHundredths, Ratio.Scale, n * 100L);
            count = 0;
            for (var i = 0; i < n; i++)
            {
                if (Roll() < p)
                {
                    count++;
                }
            }
        }
        else
        {
            var sd = FixedMath.ISqrt(meanHundredths * 100); // sd in hundredths = 10 * sqrt(mean in hundredths)
            var z = StandardNormal10K();
            var value = meanHundredths + FixedMath.MulDivRound(sd, z, 10_000);
            count = (int)Math.Max(0, (value + 50) / 100);
        }

        return Math.Min(count, cap);
    }

    /// <summary>
    /// How many of <paramref name="n"/> independent trials with odds <paramref name="odds"/> succeed, drawn with one
    /// uniform by inverting the binomial distribution (fixed point, 2^-40 resolution): the same law as n separate
    /// trials, for one draw instead of n. <paramref name="roll"/> is the uniform on the Ratio scale (for the log).
    /// </summary>
    public int Binomial(int n, Ratio odds, out int roll)
    {
        const int Bits = 40;
        const long One = 1L << Bits;
        var u = (long)(NextUInt64() >> (64 - Bits));
        roll = (int)(u * Ratio.Scale >> Bits);
        if (n <= 0 || odds.Raw <= 0)
        {
            return 0;
        }

        if (odds.Raw >= Ratio.Scale)
        {
            return n;
        }

        // P(0) = (1 - p)^n by squaring; then P(k + 1) = P(k) (n - k) / (k + 1) * p / (1 - p).
        var q = One * (Ratio.Scale - odds.Raw) / Ratio.Scale;
        long p0 = One, b = q;
        for (var e = n; e > 0; e >>= 1)
        {
            if ((e & 1) != 0)
            {
                p0 = (long)((UInt128)(ulong)p0 * (ulong)b >> Bits);
            }

            b = (long)((UInt128)(ulong)b * (ulong)b >> Bits);
        }

        long cumulative = p0, term = p0;
        var k = 0;
        while (u >= cumulative && k < n)
        {
            term = (long)((UInt128)(ulong)term * (ulong)(n - k) * (ulong)odds.Raw / ((ulong)(k + 1) * (ulong)(Ratio.Scale - odds.Raw)));
            k++;
            cumulative += term;
            if (term == 0)
            {
                break;
            }
        }

        return k;
    }

    /// <summary>The odds (Ratio raw) that at least one of <paramref name="n"/> trials with odds <paramref name="odds"/> succeeds.</summary>
    public static int AnyOf(int n, Ratio odds)
    {
        long none = Ratio.Scale;
        for (var i = 0; i < n; i++)
        {
            none = none * (Ratio.Scale - odds.Raw) / Ratio.Scale;
        }

        return (int)(Ratio.Scale - none);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
