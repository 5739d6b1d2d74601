using BlueGreen.Core.Gates;

namespace BlueGreen.Core.Tests.Gates;

public sealed class NormalDistributionTests
{
    // Quantiles and tails from standard normal tables.
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.15865525393145705)]
    [InlineData(1.959963984540054, 0.025)]
    [InlineData(2.3263478740408408, 0.01)]
    [InlineData(3.090232306167813, 0.001)]
    [InlineData(4.264890793922825, 0.00001)]
    [InlineData(6.0, 9.865876450376946e-10)]
    [InlineData(8.0, 6.220960574271785e-16)]
    public void UpperTail_MatchesTheTables(double z, double expected)
    {
        Assert.Equal(expected, NormalDistribution.UpperTail(z), expected * 1e-9);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.7)]
    [InlineData(3.4)]
    [InlineData(5.0)]
    public void UpperTail_OfMinusZ_IsOneMinusTheTailOfZ(double z)
    {
        Assert.Equal(1.0, NormalDistribution.UpperTail(z) + NormalDistribution.UpperTail(-z), 1e-14);
    }

    [Fact]
    public void UpperTail_FallsSteadily_AcrossTheSwitchBetweenSeriesAndContinuedFraction()
    {
        var previous = 1.0;
        for (var z = -6.0; z <= 12.0; z += 0.01)
        {
            var tail = NormalDistribution.UpperTail(z);
            Assert.True(tail <= previous, $"the tail rose at z = {z}");
            previous = tail;
        }
    }
}
