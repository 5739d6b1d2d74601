using BlueGreen.Core.Tests.Fakes;
using BlueGreen.Core.Traffic;
using CsCheck;

namespace BlueGreen.Core.Tests.Traffic;

public sealed class WeightsTests
{
    private const int Cases = 300;

    private static readonly Gen<Weights> AnyWeights =
        Gen.Int[1, 6].SelectMany(n => Gen.Int[0, Weights.MaxWeight].Array[n])
            .Select(ws => new Weights(ws.Select((w, i) => new KeyValuePair<string, int>($"c{i}", w))));

    [Fact]
    public void Shares_AlwaysSumTo100Percent()
    {
        SeededCheck.Sample(AnyWeights, weights => Assert.Equal(1.0, weights.Colours.Sum(weights.Share), 9), Cases);
    }

    [Fact]
    public void AllZero_SplitsEqually()
    {
        SeededCheck.Sample(
            Gen.Int[1, 6],
            n =>
            {
                var weights = new Weights(Enumerable.Range(0, n).Select(i => new KeyValuePair<string, int>($"c{i}", 0)));
                Assert.All(weights.Colours, c => Assert.Equal(1.0 / n, weights.Share(c), 12));
            },
            Cases);
    }

    [Fact]
    public void AZeroBesideANonZero_GetsNoTraffic_AndEveryNonZeroGetsItsProportion()
    {
        SeededCheck.Sample(
            AnyWeights.Where(w => w.ByColour.Values.Any(v => v > 0)),
            weights =>
            {
                var total = (double)weights.ByColour.Values.Sum();
                foreach (var (colour, weight) in weights.ByColour)
                {
                    Assert.Equal(weight == 0 ? 0.0 : weight / total, weights.Share(colour), 12);
                }
            },
            Cases);
    }

    [Fact]
    public void ForShare_SumsToTheScale_AndGivesTheCandidateItsPercentWithinOneWeight()
    {
        SeededCheck.Sample(
            Gen.Select(Gen.Int[0, 100], Gen.Int[Weights.MinScale, Weights.MaxWeight]),
            c =>
            {
                var (percent, scale) = c;
                var weights = Weights.ForShare("blue", "green", percent, scale);

                Assert.Equal(scale, weights["blue"] + weights["green"]);
                Assert.InRange(Math.Abs(weights.Share("green") - (percent / 100.0)), 0.0, 1.0 / scale);
                Assert.Equal(percent > 0, weights["green"] > 0);
                Assert.Equal(percent < 100, weights["blue"] > 0);
            },
            Cases);
    }

    [Fact]
    public void ForShare_NeverGivesTheCandidateLessForAHigherPercent()
    {
        SeededCheck.Sample(
            Gen.Select(Gen.Int[0, 100], Gen.Int[0, 100], Gen.Int[Weights.MinScale, Weights.MaxWeight]),
            c =>
            {
                var (a, b, scale) = c;
                var (low, high) = a <= b ? (a, b) : (b, a);
                Assert.True(Weights.ForShare("blue", "green", low, scale)["green"] <= Weights.ForShare("blue", "green", high, scale)["green"]);
            },
            Cases);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(99)]
    [InlineData(256)]
    public void ForShare_RefusesAScaleOutside100To255(int scale)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Weights.ForShare("blue", "green", 10, scale));

        Assert.Contains("The weight scale must be within 100..255", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForShare_OnTheSmallestScale_GivesEachColourTrafficBelow100Percent()
    {
        Assert.Equal(1, Weights.ForShare("blue", "green", 1, Weights.MinScale)["green"]);
        Assert.Equal(1, Weights.ForShare("blue", "green", 99, Weights.MinScale)["blue"]);
    }
}
