using BlueGreen.Core.Configuration;
using BlueGreen.Core.Gates;
using BlueGreen.Core.Metrics;
using BlueGreen.Core.Tests.Fakes;

namespace BlueGreen.Core.Tests.Gates;

public sealed class RelativeGateTests
{
    private static readonly GatesConfig Gates = new() { MinRequests = 20, MinSuccessRate = 99.0, MaxP99 = TimeSpan.FromMilliseconds(500) };

    [Fact]
    public void ASlowerP99_WithHistograms_NeedsTheRankTestToAgree()
    {
        // Same p99s on paper, but the candidate's whole distribution is three times slower.
        var live = Spread(200, 10, 20) with { P99 = TimeSpan.FromMilliseconds(20) };
        var candidate = Spread(200, 30, 60) with { P99 = TimeSpan.FromMilliseconds(60) };

        var comparison = RelativeGate.Compare(candidate, live, Gates);

        Assert.True(comparison.Worse);
        Assert.Equal("worse than live: p99 60 ms against live's 20 ms, more than 1.5 times live's (Mann-Whitney U, p < 0.0001, confidence 0.999)", comparison.Reason);
    }

    [Fact]
    public void AHighP99_OverTheSameDistribution_IsNotWorse()
    {
        // One slow outlier lifts the candidate's p99 past the ratio; the rank test sees the same distribution.
        var live = Spread(200, 10, 20) with { P99 = TimeSpan.FromMilliseconds(20) };
        var candidate = Spread(200, 10, 20) with { P99 = TimeSpan.FromMilliseconds(45) };

        var comparison = RelativeGate.Compare(candidate, live, Gates);

        Assert.False(comparison.Worse);
        Assert.Contains("p99 45 ms against live's 20 ms (Mann-Whitney U, p = ", comparison.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAHistogram_TheP99RatioAloneJudges_AndTheReasonSaysSo()
    {
        var comparison = RelativeGate.Compare(new IntervalMetrics(200, 0, TimeSpan.FromMilliseconds(45)), new IntervalMetrics(200, 0, TimeSpan.FromMilliseconds(20)), Gates);

        Assert.True(comparison.Worse);
        Assert.Equal("worse than live: p99 45 ms against live's 20 ms, more than 1.5 times live's (no rank test, as a colour has no latency histogram)", comparison.Reason);
    }

    [Fact]
    public void WithoutAP99_LatencyIsNotJudged()
    {
        var comparison = RelativeGate.Compare(new IntervalMetrics(200, 0, null), new IntervalMetrics(200, 0, TimeSpan.FromMilliseconds(20)), Gates);

        Assert.False(comparison.Worse);
        Assert.False(comparison.LatencyJudged);
    }

    [Fact]
    public void BothBreakingTheSameRule_NotWorse_IsInconclusive()
    {
        var reading = HealthGate.Evaluate(new IntervalMetrics(1000, 200, TimeSpan.FromMilliseconds(40)), new IntervalMetrics(1000, 190, TimeSpan.FromMilliseconds(40)), Gates);

        Assert.Equal(GateVerdict.Inconclusive, reading.Verdict);
        Assert.Equal("both colours degraded: the candidate's success rate 80 % is below 99 %, and live's success rate 81 % is below 99 %; not worse than live: failure rate 20 % against live's 19 % (two-proportion z-test, p = 0.5); p99 40 ms against live's 40 ms (no rank test, as a colour has no latency histogram)", reading.Reason);
    }

    [Fact]
    public void ABreachLiveDoesNotShare_Fails_EvenWhenLiveBreaksAnotherRule()
    {
        // The candidate fails too often; live is merely slow: the slowness does not excuse the failures.
        var candidate = new IntervalMetrics(1000, 20, TimeSpan.FromMilliseconds(40));
        var live = new IntervalMetrics(1000, 5, TimeSpan.FromSeconds(2));

        var reading = HealthGate.Evaluate(candidate, live, Gates);

        Assert.Equal(GateVerdict.Fail, reading.Verdict);
        Assert.Equal("success rate 98 % is below 99 %", reading.Reason);
    }

    [Fact]
    public void TooFewLiveRequests_LeaveTheThresholdsToJudge()
    {
        var candidate = new IntervalMetrics(1000, 200, TimeSpan.FromMilliseconds(40));

        Assert.Equal(HealthGate.Evaluate(candidate, Gates), HealthGate.Evaluate(candidate, new IntervalMetrics(5, 1, TimeSpan.FromMilliseconds(40)), Gates));
    }

    [Fact]
    public void CompareAbsolute_IgnoresLive()
    {
        var absolute = Gates with { Compare = GateComparison.Absolute };
        var candidate = new IntervalMetrics(1000, 200, TimeSpan.FromMilliseconds(40));

        Assert.Equal(HealthGate.Evaluate(candidate, absolute), HealthGate.Evaluate(candidate, candidate, absolute));
    }

    // Latencies spread evenly from low to high milliseconds.
    private static IntervalMetrics Spread(int requests, double lowMs, double highMs) =>
        new(requests, 0, null)
        {
            Latencies = EvenLatencies.Between(requests, lowMs, highMs),
        };
}
