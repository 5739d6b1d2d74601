using BlueGreen.Core.Configuration;
using BlueGreen.Core.Gates;
using BlueGreen.Core.Metrics;

namespace BlueGreen.Core.Tests.Gates;

public sealed class HealthGateTests
{
    private static readonly GatesConfig Gates = new() { MinRequests = 20, MinSuccessRate = 99.0, MaxP99 = TimeSpan.FromMilliseconds(500) };

    [Theory]
    [InlineData(0, 0)]
    [InlineData(19, 19)]
    public void FewerRequestsThanTheMinimum_AreInconclusive_EvenWhenTheyFailed(long requests, long failures)
    {
        var reading = HealthGate.Evaluate(new IntervalMetrics(requests, failures, TimeSpan.FromSeconds(5)), Gates);

        Assert.Equal(GateVerdict.Inconclusive, reading.Verdict);
        Assert.Contains("fewer than the 20 needed", reading.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ExactlyTheMinimum_IsConclusive()
    {
        Assert.Equal(GateVerdict.Pass, HealthGate.Evaluate(new IntervalMetrics(20, 0, TimeSpan.FromMilliseconds(10)), Gates).Verdict);
    }

    [Theory]
    [InlineData(1000, 10, GateVerdict.Pass)]
    [InlineData(1000, 11, GateVerdict.Fail)]
    public void SuccessRate_AtTheBoundaryPasses_BelowItFails(long requests, long failures, GateVerdict expected)
    {
        Assert.Equal(expected, HealthGate.Evaluate(new IntervalMetrics(requests, failures, TimeSpan.FromMilliseconds(10)), Gates).Verdict);
    }

    [Theory]
    [InlineData(500, GateVerdict.Pass)]
    [InlineData(501, GateVerdict.Fail)]
    public void P99_AtTheBoundaryPasses_AboveItFails(int milliseconds, GateVerdict expected)
    {
        Assert.Equal(expected, HealthGate.Evaluate(new IntervalMetrics(100, 0, TimeSpan.FromMilliseconds(milliseconds)), Gates).Verdict);
    }

    [Fact]
    public void EveryBrokenRule_IsNamed()
    {
        var reading = HealthGate.Evaluate(new IntervalMetrics(100, 50, TimeSpan.FromSeconds(1)), Gates);

        Assert.Equal(GateVerdict.Fail, reading.Verdict);
        Assert.Equal("success rate 50 % is below 99 %; p99 1000 ms is above 500 ms", reading.Reason);
    }

    [Fact]
    public void AReadingKeepsItsMetrics()
    {
        var metrics = new IntervalMetrics(100, 0, null);

        Assert.Same(metrics, HealthGate.Evaluate(metrics, Gates).Metrics);
    }

    [Fact]
    public void EnoughRequestsWithoutAP99_AreInconclusive_SayingTheLatencyRuleCannotBeJudged()
    {
        var reading = HealthGate.Evaluate(new IntervalMetrics(100, 0, null), Gates);

        Assert.Equal(GateVerdict.Inconclusive, reading.Verdict);
        Assert.Equal("100 requests but no p99 latency was reported, so the rule p99 <= 500 ms cannot be judged", reading.Reason);
    }

    [Fact]
    public void EnoughRequestsWithoutAP99_StillFail_OnTheSuccessRate()
    {
        var reading = HealthGate.Evaluate(new IntervalMetrics(100, 50, null), Gates);

        Assert.Equal(GateVerdict.Fail, reading.Verdict);
        Assert.Equal("success rate 50 % is below 99 %", reading.Reason);
    }

    [Fact]
    public void ARateJustBelowTheMinimum_NeverPrintsAsTheMinimum()
    {
        // 98 999 of 100 000: 98.999 %, which rounds to 99.
        var reading = HealthGate.Evaluate(new IntervalMetrics(100_000, 1_001, TimeSpan.FromMilliseconds(10)), Gates);

        Assert.Equal(GateVerdict.Fail, reading.Verdict);
        Assert.Equal("success rate 98.99 % is below 99 %", reading.Reason);
    }

    [Fact]
    public void ALatencyJustAboveTheMaximum_NeverPrintsAsTheMaximum()
    {
        var reading = HealthGate.Evaluate(new IntervalMetrics(100, 0, TimeSpan.FromMilliseconds(500.0004)), Gates);

        Assert.Equal(GateVerdict.Fail, reading.Verdict);
        Assert.Equal("p99 500.001 ms is above 500 ms", reading.Reason);
    }

    [Fact]
    public void AMinimumWithDecimals_PrintsAsConfigured()
    {
        var reading = HealthGate.Evaluate(new IntervalMetrics(100_000, 6, TimeSpan.FromMilliseconds(10)), Gates with { MinSuccessRate = 99.995 });

        Assert.Equal("success rate 99.99 % is below 99.995 %", reading.Reason);
    }
}
