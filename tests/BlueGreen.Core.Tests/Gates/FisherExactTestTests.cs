using System.Numerics;
using BlueGreen.Core.Gates;

namespace BlueGreen.Core.Tests.Gates;

public sealed class FisherExactTestTests
{
    [Fact]
    public void TheLadyTastingTea_ThreeOfFourRight_Is17Of70()
    {
        // Fisher's own example: 8 cups, 4 of each kind; the lady names 3 of the 4 milk-first cups.
        Assert.Equal(17.0 / 70, FisherExactTest.UpperTail(3, 4, 1, 4), 1e-12);
    }

    [Fact]
    public void TheLadyTastingTea_AllFourRight_Is1Of70()
    {
        Assert.Equal(1.0 / 70, FisherExactTest.UpperTail(4, 4, 0, 4), 1e-12);
    }

    [Fact]
    public void ElevenOfTwelveAgainstThreeOfTwelve_SumsTheTwoMoreExtremeTables()
    {
        // (C(14,11) C(10,1) + C(14,12) C(10,0)) / C(24,12) = (3640 + 91) / 2704156
        Assert.Equal(3731.0 / 2704156, FisherExactTest.UpperTail(11, 12, 3, 12), 1e-12);
    }

    [Fact]
    public void NoFailuresAnywhere_GiveNoEvidence()
    {
        Assert.Equal(1.0, FisherExactTest.UpperTail(0, 5000, 0, 5000), 1e-12);
    }

    [Theory]
    [InlineData(5, 40, 2, 60)]
    [InlineData(9, 70, 3, 90)]
    [InlineData(0, 120, 4, 80)]
    public void MatchesTheTailSummedInExactIntegers(int a, int na, int b, int nb)
    {
        var expected = ExactTail(a, na, b, nb);

        Assert.Equal(expected, FisherExactTest.UpperTail(a, na, b, nb), expected * 1e-10);
    }

    [Theory]
    [InlineData(40, 2000, 30, 1800)]
    [InlineData(3000, 20000, 3100, 20000)]
    public void AtTheLowestPossibleCount_TheTailIsOne(long a, long na, long b, long nb)
    {
        // With the margins fixed, the first row cannot have fewer than this many failures: the tail there is the whole distribution.
        var failures = a + b;
        var lowest = Math.Max(0, failures - nb);
        Assert.Equal(1.0, FisherExactTest.UpperTail(lowest, na, failures - lowest, nb), 1e-9);
    }

    private static double ExactTail(int a, int na, int b, int nb)
    {
        var failures = a + b;
        var sum = BigInteger.Zero;
        for (var x = a; x <= Math.Min(failures, na); x++)
        {
            sum += Choose(failures, x) * Choose(na + nb - failures, na - x);
        }

        return (double)(sum * BigInteger.Pow(10, 30) / Choose(na + nb, na)) / 1e30;
    }

    private static BigInteger Choose(int n, int k)
    {
        if (k < 0 || k > n)
        {
            return BigInteger.Zero;
        }

        var result = BigInteger.One;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }

    [Fact]
    public void ImpossibleCounts_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FisherExactTest.UpperTail(5, 4, 0, 4));
    }
}
