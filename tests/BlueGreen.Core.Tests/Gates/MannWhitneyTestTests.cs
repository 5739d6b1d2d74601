using BlueGreen.Core.Gates;
using BlueGreen.Core.Metrics;

namespace BlueGreen.Core.Tests.Gates;

public sealed class MannWhitneyTestTests
{
    private const int Trials = 2000;

    [Fact]
    public void NoOverlap_CountsEveryPair_WithTheVarianceOfDistinctValues()
    {
        // Values 1..6: the candidate holds 4, 5, 6 and live 1, 2, 3, so all 9 pairs have the candidate larger.
        var result = MannWhitneyTest.Run([0, 0, 0, 1, 1, 1], [1, 1, 1, 0, 0, 0]);

        Assert.Equal(9, result.U);
        Assert.Equal(4.5, result.Mean);
        Assert.Equal(3.0 * 3 / 12 * 7, result.Variance, 1e-12);
    }

    [Fact]
    public void Ties_CountHalf_AndShrinkTheVariance()
    {
        // Candidate {2, 3}, live {1, 2, 2}: the 2 beats 1 and ties two 2s (1 + 1/2 + 1/2), the 3 beats all three.
        // Variance: 2 * 3 / 12 * ((5 + 1) - (3^3 - 3) / (5 * 4)) = 2.4.
        var result = MannWhitneyTest.Run([0, 1, 1], [1, 2, 0]);

        Assert.Equal(5, result.U);
        Assert.Equal(3, result.Mean);
        Assert.Equal(2.4, result.Variance, 1e-12);
    }

    [Fact]
    public void TheOneSidedPValue_IsTheNormalTailWithContinuityCorrection()
    {
        var result = MannWhitneyTest.Run([0, 0, 0, 1, 1, 1], [1, 1, 1, 0, 0, 0]);

        Assert.Equal(NormalDistribution.UpperTail((9 - 4.5 - 0.5) / Math.Sqrt(5.25)), result.PValue, 1e-15);
    }

    [Fact]
    public void EverythingInOneBucket_GivesNoEvidence()
    {
        Assert.Equal(1.0, MannWhitneyTest.Run([0, 500, 0], [0, 700, 0]).PValue);
    }

    [Fact]
    public void AFasterCandidate_IsNotWorse()
    {
        Assert.True(MannWhitneyTest.Run([5, 1, 0], [0, 1, 5]).PValue > 0.99);
    }

    [Theory]
    [InlineData(100, 0.05, 130)]
    [InlineData(400, 0.01, 32)]
    public void SameDistribution_IsCalledSlowerAtMostAsOftenAsTheConfidenceAllows(int samples, double alpha, int most)
    {
        // Expected rejections alpha * 2000 (100 and 20); the bounds allow three standard deviations.
        var random = new Random(31);
        var rejected = 0;
        for (var i = 0; i < Trials; i++)
        {
            var candidate = Histogram(random, samples, medianMs: 40, scale: 1);
            var live = Histogram(random, samples, medianMs: 40, scale: 1);
            rejected += MannWhitneyTest.Run(candidate.Counts, live.Counts).PValue < alpha ? 1 : 0;
        }

        Assert.InRange(rejected, 0, most);
    }

    [Fact]
    public void AHalfAgainSlowerCandidate_IsCaughtAtConfidence0999()
    {
        var random = new Random(37);
        var caught = 0;
        for (var i = 0; i < Trials; i++)
        {
            var candidate = Histogram(random, 200, medianMs: 40, scale: 1.5);
            var live = Histogram(random, 200, medianMs: 40, scale: 1);
            caught += MannWhitneyTest.Run(candidate.Counts, live.Counts).PValue < 0.001 ? 1 : 0;
        }

        Assert.InRange(caught, (int)(Trials * 0.97), Trials);
    }

    // Log-normal latencies (sigma 0.5 around the median), as request latencies roughly are, bucketed as the sources bucket them.
    private static LatencyHistogram Histogram(Random random, int samples, double medianMs, double scale)
    {
        var latencies = new TimeSpan[samples];
        for (var i = 0; i < samples; i++)
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            latencies[i] = TimeSpan.FromMilliseconds(medianMs * scale * Math.Exp(0.5 * normal));
        }

        return LatencyHistogram.Of(latencies);
    }
}
