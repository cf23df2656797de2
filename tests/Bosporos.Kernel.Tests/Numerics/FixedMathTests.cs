using Bosporos.Kernel.Numerics;
using CsCheck;

namespace Bosporos.Kernel.Tests.Numerics;

public class FixedMathTests
{
    [Fact]
    public void ISqrt_is_the_floor_of_the_square_root() =>
        Gen.Long[0, long.MaxValue / 4].Sample(n =>
        {
            var r = FixedMath.ISqrt(n);
            return r * r <= n && (r + 1) * (r + 1) > n;
        });

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(15, 3)]
    [InlineData(16, 4)]
    [InlineData(17, 4)]
    [InlineData(1_000_000, 1_000)]
    public void ISqrt_known_values(long n, long root) => Assert.Equal(root, FixedMath.ISqrt(n));

    [Fact]
    public void ISqrt_rejects_negatives() => Assert.Throws<ArgumentOutOfRangeException>(() => FixedMath.ISqrt(-1));

    [Theory]
    [InlineData(10, 3, 4, 8)]
    [InlineData(-10, 3, 4, -8)]
    [InlineData(5, 1, 2, 3)]
    [InlineData(-5, 1, 2, -3)]
    [InlineData(long.MaxValue / 2, 4, 4, long.MaxValue / 2)]
    public void MulDivRound_rounds_half_away_from_zero(long a, long b, long c, long expected) =>
        Assert.Equal(expected, FixedMath.MulDivRound(a, b, c));

    [Fact]
    public void MulDivRound_rejects_division_by_zero() => Assert.Throws<DivideByZeroException>(() => FixedMath.MulDivRound(1, 1, 0));

    [Fact]
    public void Ratio_applies_to_quantities_and_prints_as_decimal()
    {
        Assert.Equal(350, new Ratio(3_500).Of(1_000));
        Assert.Equal("0.35", new Ratio(3_500).ToString());
        Assert.True(new Ratio(1) < Ratio.One);
        Assert.Equal("41.017", new Degrees(41_017_000).ToString());
    }
}
