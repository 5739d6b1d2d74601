using BlueGreen.Core.Configuration;

namespace BlueGreen.Core.Tests.Configuration;

public sealed class GatesRulesTests
{
    [Fact]
    public void TheDefaultFile_ComparesWithLive_AtTheDefaults()
    {
        var gates = TestConfig.Parse(TestConfig.DefaultYaml).Config!.Gates;

        Assert.Equal(new GatesConfig().Compare, gates.Compare);
        Assert.Equal(GateComparison.Both, gates.Compare);
        Assert.Equal(0.999, gates.Confidence);
        Assert.Equal(new RelativeGatesConfig(), gates.Relative);
    }

    [Fact]
    public void Reads_TheComparisonKeys()
    {
        var yaml = TestConfig.With(TestConfig.With("  compare: both ", "  compare: live "), "    p99Ratio: 1.5 ", "    p99Ratio: 2 ");
        yaml = TestConfig.With(TestConfig.With(yaml, "  confidence: 0.999 ", "  confidence: 0.99 "), "    failureRateMargin: 1.0 ", "    failureRateMargin: 0.5 ");

        var gates = TestConfig.Parse(yaml).Config!.Gates;

        Assert.Equal(GateComparison.Live, gates.Compare);
        Assert.Equal(0.99, gates.Confidence);
        Assert.Equal(new RelativeGatesConfig { FailureRateMargin = 0.5, P99Ratio = 2 }, gates.Relative);
    }

    [Fact]
    public void Rejects_AnUnknownComparison_AtItsPosition_NamingTheChoices()
    {
        var yaml = TestConfig.With("  compare: both ", "  compare: canary ");

        var error = TestConfig.SingleError(yaml);

        Assert.Equal("gates.compare", error.KeyPath);
        Assert.Equal("'canary' is not one of live, absolute, both.", error.Message);
        Assert.Equal("Write one of: live | absolute | both.", error.Hint);
        Assert.Equal(TestConfig.LineOf(yaml, "compare: canary"), error.Line);
        Assert.Equal(12, error.Column);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0.3")]
    [InlineData("-0.999")]
    public void Rejects_AConfidenceThatIsNotAUsefulProbability(string value)
    {
        var yaml = TestConfig.With("  confidence: 0.999 ", $"  confidence: {value} ");

        var error = TestConfig.SingleError(yaml);

        Assert.Equal("gates.confidence", error.KeyPath);
        Assert.Equal($"The confidence {value} is not a probability from 0.5 up to 1.", error.Message);
        Assert.StartsWith("Write e.g. 0.999", error.Hint, StringComparison.Ordinal);
        Assert.Equal(TestConfig.LineOf(yaml, $"confidence: {value}"), error.Line);
    }

    [Fact]
    public void Rejects_ANegativeFailureRateMargin()
    {
        var error = TestConfig.SingleError(TestConfig.With("    failureRateMargin: 1.0 ", "    failureRateMargin: -1 "));

        Assert.Equal("gates.relative.failureRateMargin", error.KeyPath);
        Assert.Equal("The failure-rate margin -1 is not a number of percentage points from 0 up to 100.", error.Message);
    }

    [Fact]
    public void Rejects_AP99RatioBelowOne()
    {
        var yaml = TestConfig.With("    p99Ratio: 1.5 ", "    p99Ratio: 0.8 ");

        var error = TestConfig.SingleError(yaml);

        Assert.Equal("gates.relative.p99Ratio", error.KeyPath);
        Assert.Equal("The p99 ratio 0.8 is not within 1..100.", error.Message);
        Assert.Equal(TestConfig.LineOf(yaml, "p99Ratio: 0.8"), error.Line);
    }

    [Fact]
    public void Rejects_AMisspelledRelativeKey_SuggestingTheRightOne()
    {
        var yaml = TestConfig.With("    p99Ratio: 1.5 ", "    p99Ration: 1.5 ");

        var error = TestConfig.SingleError(yaml);

        Assert.Equal("Did you mean 'p99Ratio'?", error.Hint);
        Assert.Equal(TestConfig.LineOf(yaml, "p99Ration"), error.Line);
        Assert.Equal(5, error.Column);
    }

    [Fact]
    public void Rejects_AMarginWrittenAsAPercentString()
    {
        var error = TestConfig.SingleError(TestConfig.With("    failureRateMargin: 1.0 ", "    failureRateMargin: 1% "));

        Assert.Equal("gates.relative.failureRateMargin", error.KeyPath);
    }
}
