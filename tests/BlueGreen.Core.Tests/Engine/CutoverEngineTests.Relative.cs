using BlueGreen.Core.Configuration;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Gates;
using BlueGreen.Core.Metrics;
using BlueGreen.Core.Tests.Fakes;

namespace BlueGreen.Core.Tests.Engine;

public sealed partial class CutoverEngineTests
{
    // 5 % failures against live's 0.2 %: inside a lenient absolute rule (90 %), far outside the 1-point margin.
    private static readonly IntervalMetrics WorseThanLive = new(2000, 100, TimeSpan.FromMilliseconds(40));
    private static readonly IntervalMetrics LiveBaseline = new(2000, 4, TimeSpan.FromMilliseconds(40));

    // A busy machine: 15 % failures and slow, the same for both colours.
    private static readonly IntervalMetrics Degraded = new(2000, 300, TimeSpan.FromSeconds(3));

    [Fact]
    public async Task CandidateWorseThanLive_FailsTheIntervals_AndRollsBackAfterTheFailureThreshold()
    {
        // Given a candidate within the absolute rules but clearly worse than live once it carries half the traffic
        var harness = new EngineHarness();
        harness.Plan = harness.Plan with { Gates = harness.Plan.Gates with { MinSuccessRate = 90 } };
        harness.Metrics.Script = q => q.Colour == "green" && harness.Router.Current["green"] >= 50 ? WorseThanLive : LiveBaseline;

        // When the engine runs
        var outcome = await harness.RunAsync();

        // Then the comparison fails three intervals at 50 %, naming both rates and the p-value, and rolls back
        Assert.Equal(OutcomeKind.RolledBack, outcome.Kind);
        Assert.Contains("failed 3 consecutive intervals", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("worse than live: failure rate 5 % is above live's 0.2 % by more than the margin of 1 pp (Fisher's exact test, p < 0.0001, confidence 0.999)", outcome.Reason, StringComparison.Ordinal);
        var atHalf = (await harness.EventsAsync()).OfType<IntervalEvaluated>().Where(i => i.Step == 1).ToList();
        Assert.Equal([GateVerdict.Fail, GateVerdict.Fail, GateVerdict.Fail], atHalf.Select(i => i.Candidate.Verdict));
        Assert.All(atHalf, i => Assert.Equal(GateVerdict.Pass, i.Live!.Verdict));
    }

    [Fact]
    public async Task CandidateSlowerThanLive_ByItsWholeDistribution_FailsOnTheRankTest()
    {
        // Given a candidate well inside the p99 limit but three times slower than live, both with latency histograms
        var harness = new EngineHarness();
        var live = Latencies(2000, 10, 30);
        var slower = Latencies(2000, 30, 90);
        harness.Metrics.Script = q => q.Colour == "green" && harness.Router.Current["green"] >= 50 ? slower : live;

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.RolledBack, outcome.Kind);
        Assert.Contains("last: worse than live: p99 90 ms against live's 30 ms, more than 1.5 times live's (Mann-Whitney U, p < 0.0001, confidence 0.999)", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CandidateBreakingTheRulesWhileLiveIsHealthy_FailsAsWithoutTheComparison()
    {
        var harness = new EngineHarness();
        harness.Metrics.Script = q => q.Colour == "green" && harness.Router.Current["green"] >= 50 ? Degraded : LiveBaseline;

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.RolledBack, outcome.Kind);
        Assert.Contains("last: success rate 85 % is below 99 %; p99 3000 ms is above 500 ms; worse than live: failure rate 15 %", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BothColoursDegraded_AreInconclusive_NeverRollBack_AndPauseAtTheInconclusiveLimit()
    {
        // Given a machine that degrades both colours alike once the candidate carries half the traffic
        var harness = new EngineHarness { Options = new() { PollPeriod = TimeSpan.FromSeconds(10), StopWhenPaused = true } };
        harness.Metrics.Script = _ => harness.Router.Current["green"] >= 50 ? Degraded : ScriptedMetrics.Healthy;

        // When the engine runs
        var outcome = await harness.RunAsync();

        // Then the candidate is neither failed nor passed: the upgrade pauses at 50 % saying both colours degraded
        Assert.Equal(OutcomeKind.Paused, outcome.Kind);
        var paused = Assert.IsType<CutoverPhase.Paused>(outcome.State.Phase);
        Assert.Equal(PauseReason.Inconclusive, paused.Reason);
        Assert.Contains("3 consecutive intervals could not be judged; last: both colours degraded: the candidate's success rate 85 % is below 99 %, p99 3000 ms is above 500 ms, and live's success rate 85 % is below 99 %, p99 3000 ms is above 500 ms; not worse than live", paused.Detail, StringComparison.Ordinal);
        var events = await harness.EventsAsync();
        Assert.DoesNotContain(events, e => e is RollbackStarted);
        Assert.Equal(harness.WeightsFor(50), harness.Router.Current);
        Assert.Equal([GateVerdict.Inconclusive, GateVerdict.Inconclusive, GateVerdict.Inconclusive], events.OfType<IntervalEvaluated>().Where(i => i.Step == 1).Select(i => i.Candidate.Verdict));

        // And liveDegradation: report still reports the live colour
        Assert.Contains(harness.Observer.Notices, n => n.Kind == NoticeKind.Warning && n.Message.Contains("live colour 'blue' is degraded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BothColoursDegraded_WithLiveDegradationAbort_StillAbortsOnLive()
    {
        var harness = new EngineHarness();
        harness.Plan = harness.Plan with { Gates = harness.Plan.Gates with { LiveDegradation = LiveDegradation.Abort } };
        harness.Metrics.Script = _ => harness.Router.Current["green"] >= 50 ? Degraded : ScriptedMetrics.Healthy;

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Aborted, outcome.Kind);
        Assert.Contains("live colour 'blue' degraded for 3 consecutive intervals", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(harness.WeightsFor(0), harness.Router.Current);
    }

    [Fact]
    public async Task BothColoursHealthy_Pass_SayingTheCandidateIsNotWorseThanLive()
    {
        var harness = new EngineHarness();

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        var intervals = (await harness.EventsAsync()).OfType<IntervalEvaluated>().ToList();
        Assert.All(intervals, i => Assert.Equal(GateVerdict.Pass, i.Candidate.Verdict));
        Assert.All(intervals.Where(i => i.Step is 0 or 1), i => Assert.Contains("; not worse than live: failure rate 0 % against live's 0 %", i.Candidate.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verification_ComparesTheCandidatesProbes_WithLivesProbes()
    {
        // Given a candidate whose own probes fail more often than live's, though within the absolute rule
        var harness = new EngineHarness();
        harness.Plan = harness.Plan with { Gates = harness.Plan.Gates with { MinSuccessRate = 90 } };
        harness.Metrics.Script = q => q.Colour == "green" ? WorseThanLive : LiveBaseline;

        var outcome = await harness.RunAsync();

        // Then verification fails on the comparison with live's probes over the same window, before any step
        Assert.Equal(OutcomeKind.RolledBack, outcome.Kind);
        Assert.Empty(outcome.State.CompletedSteps);
        Assert.Contains("worse than live: failure rate 5 %", outcome.Reason, StringComparison.Ordinal);
        Assert.All(harness.Metrics.Queries, q => Assert.Equal(MetricScope.DirectProbes, q.Scope));
        Assert.Equal(harness.Metrics.Queries.Count(q => q.Colour == "green"), harness.Metrics.Queries.Count(q => q.Colour == "blue"));
        Assert.All(harness.Metrics.Queries.Chunk(2), pair => Assert.Equal(pair[0].Start, pair[1].Start));
    }

    [Fact]
    public async Task CompareAbsolute_JudgesOnTheThresholdsAlone_AsBefore()
    {
        // Given the degraded machine, and the comparison with live turned off
        var harness = new EngineHarness();
        harness.Plan = harness.Plan with { Gates = harness.Plan.Gates with { Compare = GateComparison.Absolute } };
        harness.Metrics.Script = _ => harness.Router.Current["green"] >= 50 ? Degraded : ScriptedMetrics.Healthy;

        var outcome = await harness.RunAsync();

        // Then the candidate's breach fails it though live shares it, with the reasons of the thresholds alone
        Assert.Equal(OutcomeKind.RolledBack, outcome.Kind);
        var intervals = (await harness.EventsAsync()).OfType<IntervalEvaluated>().ToList();
        Assert.All(intervals, i => Assert.Equal(HealthGate.Evaluate(i.Candidate.Metrics, harness.Plan.Gates), i.Candidate));
        Assert.Equal("success rate 85 % is below 99 %; p99 3000 ms is above 500 ms", intervals[^1].Candidate.Reason);

        // And live's probes are never read: verification asks for the candidate's alone
        Assert.DoesNotContain(harness.Metrics.Queries, q => q is { Colour: "blue", Scope: MetricScope.DirectProbes });
    }

    [Fact]
    public async Task CompareLive_IgnoresTheThresholds_AndFailsOnlyWhatIsWorseThanLive()
    {
        var harness = new EngineHarness();
        harness.Plan = harness.Plan with { Gates = harness.Plan.Gates with { Compare = GateComparison.Live } };
        harness.Metrics.Script = _ => harness.Router.Current["green"] == 50 ? Degraded : ScriptedMetrics.Healthy;

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        var intervals = (await harness.EventsAsync()).OfType<IntervalEvaluated>().ToList();
        var atHalf = intervals.Where(i => i.Step == 1).ToList();
        Assert.All(atHalf, i => Assert.Equal(GateVerdict.Pass, i.Candidate.Verdict));
        Assert.All(atHalf, i => Assert.StartsWith("not worse than live: failure rate 15 % against live's 15 %", i.Candidate.Reason, StringComparison.Ordinal));

        // At 100 % live serves no users: the thresholds judge, and the reason says why
        Assert.All(intervals.Where(i => i.Step == 2), i => Assert.EndsWith("; not compared with live, which served 0 requests in the same window, fewer than the 20 needed", i.Candidate.Reason, StringComparison.Ordinal));
    }

    // Requests with latencies spread evenly from low to high milliseconds; the p99 is the high end.
    private static IntervalMetrics Latencies(int requests, double lowMs, double highMs) =>
        new(requests, 0, TimeSpan.FromMilliseconds(highMs))
        {
            Latencies = EvenLatencies.Between(requests, lowMs, highMs),
        };
}
