using BlueGreen.Sandbox.Faults;

namespace BlueGreen.Sandbox.Tests.Faults;

public sealed class FaultSpecParserTests
{
    private static readonly string[] Colours = ["blue", "green"];

    [Fact]
    public void Parses_EachKind()
    {
        var fault = Assert.Single(FaultSpecParser.Parse(["green:errors=20%", "green:latency=400ms", "green:kill=1"], Colours, 2));

        Assert.Equal("green", fault.Colour);
        Assert.Equal(0.2, fault.ErrorRate, 6);
        Assert.Equal(TimeSpan.FromMilliseconds(400), fault.Latency);
        Assert.Equal(1, fault.Kill);
        Assert.Equal("green:errors=20%,latency=400ms,kill=1", fault.ToString());
    }

    [Fact]
    public void Parses_SeveralKindsInOneValue_AndSeconds()
    {
        var fault = Assert.Single(FaultSpecParser.Parse(["blue:latency=1.5s,errors=5"], Colours, 2));

        Assert.Equal(TimeSpan.FromMilliseconds(1500), fault.Latency);
        Assert.Equal(0.05, fault.ErrorRate, 6);
    }

    [Theory]
    [InlineData("purple:errors=20%", "'purple', which is not configured; the colours are blue, green")]
    [InlineData("green", "needs a colour and a fault")]
    [InlineData("green:errors", "is not KIND=VALUE")]
    [InlineData("green:errors=abc", "give a percentage above 0 and at most 100")]
    [InlineData("green:errors=150%", "give a percentage above 0 and at most 100")]
    [InlineData("green:latency=400", "give a duration in ms or s")]
    [InlineData("green:latency=-1s", "give a duration in ms or s")]
    [InlineData("green:kill=3", "from 1 to 2 (sandbox.replicas)")]
    [InlineData("green:kill=0", "from 1 to 2 (sandbox.replicas)")]
    [InlineData("green:crash=1", "unknown kind 'crash'")]
    public void Rejects_BadSpec_SayingWhatToWrite(string spec, string expected)
    {
        var error = Assert.Throws<FaultSpecException>(() => FaultSpecParser.Parse([spec], Colours, 2));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(spec, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_KindGivenTwiceForOneColour()
    {
        var error = Assert.Throws<FaultSpecException>(() => FaultSpecParser.Parse(["green:errors=1%", "green:errors=2%"], Colours, 2));

        Assert.Contains("a second time", error.Message, StringComparison.Ordinal);
    }
}
