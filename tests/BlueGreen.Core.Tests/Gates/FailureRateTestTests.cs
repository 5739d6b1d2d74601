using BlueGreen.Core.Gates;

namespace BlueGreen.Core.Tests.Gates;

public sealed class FailureRateTestTests
{
    private const int Trials = 2000;

    [Fact]
    public void SmallCounts_UseFishersExactTest()
    {
        var result = FailureRateTest.Run(11, 12, 3, 12, margin: 0);

        Assert.Equal(FailureRateMethod.FisherExact, result.Method);
        Assert.Equal(3731.0 / 2704156, result.PValue, 1e-12);
    }

    [Fact]
    public void LargeCounts_UseTheZTest_AgreeingWithFisher()
    {
        var z = FailureRateTest.Run(1150, 5000, 1000, 5000, margin: 0);
        var fisher = FisherExactTest.UpperTail(1150, 5000, 1000, 5000);

        Assert.Equal(FailureRateMethod.TwoProportionZ, z.Method);
        Assert.Equal(fisher, z.PValue, fisher * 0.15);
    }

    [Fact]
    public void TheZTest_WithAPooledRate_MatchesTheTextbookStatistic()
    {
        // pc = 0.23, pl = 0.20, pooled 0.215: z = 0.03 / sqrt(0.215 * 0.785 * (2 / 5000)) = 3.6505
        var expected = NormalDistribution.UpperTail(0.03 / Math.Sqrt(0.215 * 0.785 * (2.0 / 5000)));

        Assert.Equal(expected, FailureRateTest.Run(1150, 5000, 1000, 5000, margin: 0).PValue, 1e-15);
    }

    [Fact]
    public void FailuresWithinTheMargin_AreNotEvidence()
    {
        // 1.5 % against 0 %: clearly worse, but within a 2-point margin.
        Assert.True(FailureRateTest.Run(30, 2000, 0, 2000, margin: 0.02).PValue > 0.5);
        Assert.True(FailureRateTest.Run(30, 2000, 0, 2000, margin: 0).PValue < 1e-8);
    }

    [Theory]
    [InlineData(0.01, 300, 0.0)]
    [InlineData(0.2, 1000, 0.0)]
    [InlineData(0.2, 1000, 0.05)]
    public void SameRatePlusTheMargin_IsCalledWorseAtMostAsOftenAsTheConfidenceAllows(double liveRate, int requests, double margin)
    {
        // At confidence 0.95 a calibrated test rejects 5 % of the time: 100 of 2000, standard deviation about 10.
        Assert.InRange(Rejections(seed: 17, liveRate + margin, liveRate, requests, margin, alpha: 0.05), 0, 130);
    }

    [Theory]
    [InlineData(0.001, 2000)]
    [InlineData(0.2, 1000)]
    public void SameRate_WithAOnePointMargin_IsCalledWorseLessOftenThanTheConfidenceAllows(double rate, int requests)
    {
        // Allowed at confidence 0.999: 2 of 2000. The margin makes it rarer still (about 0.3 expected at a 20 % rate).
        Assert.InRange(Rejections(seed: 23, rate, rate, requests, margin: 0.01, alpha: 0.001), 0, 2);
    }

    [Theory]
    [InlineData(0.05, 0.005, 1000)]
    [InlineData(0.02, 0.0, 4000)]
    [InlineData(0.30, 0.20, 2000)]
    public void AClearlyWorseRate_IsCaughtAtConfidence0999(double candidateRate, double liveRate, int requests)
    {
        // Power depends on the requests: 2 % against 0 % with a 1-point margin is caught 96 % of the time over
        // 2000 requests and always over 4000; 30 % against 20 %, 94 % over 1000 and always over 2000.
        Assert.InRange(Rejections(seed: 29, candidateRate, liveRate, requests, margin: 0.01, alpha: 0.001), (int)(Trials * 0.97), Trials);
    }

    // Of Trials seeded draws of both colours' failures, how many the test calls worse at significance alpha.
    private static int Rejections(int seed, double candidateRate, double liveRate, int requests, double margin, double alpha)
    {
        var random = new Random(seed);
        var rejected = 0;
        for (var i = 0; i < Trials; i++)
        {
            var candidate = Binomial(random, requests, candidateRate);
            var live = Binomial(random, requests, liveRate);
            rejected += FailureRateTest.Run(candidate, requests, live, requests, margin).PValue < alpha ? 1 : 0;
        }

        return rejected;
    }

    private static long Binomial(Random random, int n, double p)
    {
        var count = 0L;
        for (var i = 0; i < n; i++)
        {
            count += random.NextDouble() < p ? 1 : 0;
        }

        return count;
    }
}
