namespace BlueGreen.Core.Tests.Configuration;

public sealed class TrafficRulesTests
{
    private static string Steps(string steps) => TestConfig.With("  steps: [10, 25, 50, 100] ", $"  steps: {steps} ");

    [Fact]
    public void Rejects_StepsThatDoNotIncrease()
    {
        var error = TestConfig.SingleError(Steps("[10, 50, 25, 100]"));

        Assert.Equal("traffic.steps[2]", error.KeyPath);
        Assert.Equal("The share 25 % does not increase on the previous step (50 %).", error.Message);
    }

    [Fact]
    public void Rejects_ARepeatedStep()
    {
        var error = TestConfig.SingleError(Steps("[10, 10, 100]"));

        Assert.Equal("traffic.steps[1]", error.KeyPath);
    }

    [Theory]
    [InlineData("[0, 50, 100]", "traffic.steps[0]", "The share 0 % is outside 1..100.")]
    [InlineData("[10, 50, 101]", "traffic.steps[2]", "The share 101 % is outside 1..100.")]
    public void Rejects_StepsOutsideOneToHundred(string steps, string path, string message)
    {
        var errors = TestConfig.Parse(Steps(steps)).Errors;

        Assert.Contains(errors, e => e.KeyPath == path && e.Message == message);
    }

    [Fact]
    public void Rejects_StepsThatDoNotEndAtHundred()
    {
        var error = TestConfig.SingleError(Steps("[10, 25, 50]"));

        Assert.Equal("traffic.steps[2]", error.KeyPath);
        Assert.Equal("The plan ends at 50 %; it must end at 100 % so the old colour can be drained.", error.Message);
    }

    [Fact]
    public void Rejects_APlanWithoutShareSteps()
    {
        var error = TestConfig.SingleError(Steps("[{pause: 1m}]"));

        Assert.Equal("The plan has no share step.", error.Message);
    }

    [Fact]
    public void Rejects_AWeightScaleAboveRoute53Range()
    {
        var error = TestConfig.SingleError(TestConfig.With("  weightScale: 100", "  weightScale: 256"));

        Assert.Equal("traffic.weightScale", error.KeyPath);
        Assert.Equal("The weight scale is 256; Route53 weights are within 0..255.", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(99)]
    public void Rejects_AWeightScaleTooCoarseForPercentages(int scale)
    {
        var error = TestConfig.SingleError(TestConfig.With("  weightScale: 100", $"  weightScale: {scale}"));

        Assert.Equal("traffic.weightScale", error.KeyPath);
        Assert.StartsWith($"The weight scale is {scale}; below 100 some percentages cannot be told apart", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_TheLargestRoute53Weight_AsScale()
    {
        Assert.Empty(TestConfig.Parse(TestConfig.With("  weightScale: 100", "  weightScale: 255")).Errors);
    }

    [Fact]
    public void Rejects_BakeShorterThanTheGateInterval()
    {
        var error = TestConfig.SingleError(TestConfig.With("  bake: 5m\n", "  bake: 10s\n"));

        Assert.Equal("traffic.bake", error.KeyPath);
        Assert.Equal("The bake (10s) is shorter than the gate interval (30s): no gate would run.", error.Message);
    }

    [Fact]
    public void Rejects_DrainShorterThanTheDnsTtl()
    {
        var error = TestConfig.SingleError(TestConfig.With("  drain: 2m ", "  drain: 45s "));

        Assert.Equal("traffic.drain", error.KeyPath);
        Assert.StartsWith("The drain (45s) is shorter than the DNS TTL (60s)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("101")]
    [InlineData("-1")]
    public void Rejects_ASuccessRateThatIsNotAPercentage(string rate)
    {
        var error = TestConfig.SingleError(TestConfig.With("  minSuccessRate: 99.0", $"  minSuccessRate: {rate}"));

        Assert.Equal("gates.minSuccessRate", error.KeyPath);
    }

    [Fact]
    public void Rejects_ACandidateThatIsLive()
    {
        var error = TestConfig.SingleError(TestConfig.With("  live: blue", "  live: blue\n  candidate: blue"));

        Assert.Equal("traffic.candidate", error.KeyPath);
    }
}
