using BlueGreen.Sandbox.Dns;

namespace BlueGreen.Sandbox.Tests.Dns;

public sealed class WeightedRecordSetTests
{
    [Fact]
    public void Picks_ByCumulativeWeight()
    {
        var records = new WeightedRecordSet([new("blue", 70), new("green", 30)]);

        Assert.Equal("blue", records.Pick(0.0));
        Assert.Equal("blue", records.Pick(0.6999));
        Assert.Equal("green", records.Pick(0.7));
        Assert.Equal("green", records.Pick(0.9999));
    }

    [Fact]
    public void AllZero_SplitsEqually()
    {
        var records = new WeightedRecordSet([new("blue", 0), new("green", 0)]);

        Assert.Equal("blue", records.Pick(0.49));
        Assert.Equal("green", records.Pick(0.5));
        Assert.Equal(0.5, records.Probability("blue"));
        Assert.Equal(0.5, records.Probability("green"));
    }

    [Fact]
    public void ZeroBesideNonZero_IsNeverPicked()
    {
        var records = new WeightedRecordSet([new("blue", 0), new("green", 1)]);

        foreach (var uniform in new[] { 0.0, 0.25, 0.5, 0.999999 })
        {
            Assert.Equal("green", records.Pick(uniform));
        }

        Assert.Equal(0.0, records.Probability("blue"));
    }

    [Fact]
    public void Empty_PicksNothing()
    {
        Assert.Null(WeightedRecordSet.Empty.Pick(0.3));
        Assert.Null(WeightedRecordSet.Empty.ToWeights());
        Assert.Equal("(no records)", WeightedRecordSet.Empty.ToString());
    }

    [Fact]
    public void AbsentColour_HasNoWeightAndNoChance()
    {
        var records = new WeightedRecordSet([new("green", 100)]);

        Assert.Null(records.WeightOf("blue"));
        Assert.Equal(0.0, records.Probability("blue"));
    }

    [Fact]
    public void Rejects_WeightAbove255()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new WeightedRecordSet([new("blue", 256)]));

        Assert.Contains("'blue'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_TwoRecordsOfOneColour()
    {
        Assert.Throws<ArgumentException>(() => new WeightedRecordSet([new("blue", 1), new("blue", 2)]));
    }

    [Fact]
    public void Rejects_UniformOutsideUnitInterval()
    {
        var records = new WeightedRecordSet([new("blue", 1)]);

        Assert.Throws<ArgumentOutOfRangeException>(() => records.Pick(1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => records.Pick(-0.1));
    }
}
