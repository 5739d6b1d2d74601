using BlueGreen.Sandbox.Rehearsal;

namespace BlueGreen.Sandbox.Tests.Rehearsal;

public sealed class ShareStatisticsTests
{
    [Fact]
    public void EffectiveSize_IsTheNumberOfAnswers_WhenEachCarriesOneRequest()
    {
        Assert.Equal(1000, ShareStatistics.EffectiveSize(Enumerable.Repeat(1L, 1000)), 6);
    }

    [Fact]
    public void EffectiveSize_Shrinks_WhenAnswersCarryUnequalLoads()
    {
        // 10 answers of 1 request and 1 of 90: (100)^2 / (10 + 8100) = 12.3, far below 11 answers' worth of 100 requests.
        var size = ShareStatistics.EffectiveSize([.. Enumerable.Repeat(1L, 10), 90]);

        Assert.Equal(10_000.0 / 8110, size, 6);
    }

    [Fact]
    public void EffectiveSize_OfNothing_IsZero()
    {
        Assert.Equal(0, ShareStatistics.EffectiveSize([]));
    }

    [Theory]
    [InlineData(0.5, 1082, 5.0)]
    [InlineData(0.1, 1000, 3.12)]
    [InlineData(0.0, 1000, 0.0)]
    [InlineData(1.0, 1000, 0.0)]
    public void Tolerance_IsTheTwoSided999Bound(double p, double n, double expectedPoints)
    {
        Assert.Equal(expectedPoints, ShareStatistics.TolerancePoints(p, n), 1);
    }

    [Fact]
    public void Tolerance_WithoutData_AllowsEverything()
    {
        Assert.Equal(100, ShareStatistics.TolerancePoints(0.5, 0));
    }
}
