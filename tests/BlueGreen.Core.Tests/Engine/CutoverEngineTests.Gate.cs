using BlueGreen.Core.Configuration;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Gates;
using BlueGreen.Core.Metrics;
using BlueGreen.Core.Tests.Fakes;

namespace BlueGreen.Core.Tests.Engine;

public sealed partial class CutoverEngineTests
{
    [Fact]
    public async Task FailureThreshold_ConsecutiveFailingIntervals_RollBackInOneAtomicChange()
    {
        // Given a candidate that fails once it carries half the traffic
        var harness = new EngineHarness();
        harness.Metrics.Script = q => q.Colour == "green" && harness.Router.Current["green"] >= 50 ? ScriptedMetrics.Failing : ScriptedMetrics.Healthy;
        var (w10, w50, w0) = (harness.WeightsFor(10), harness.WeightsFor(50), harness.WeightsFor(0));
        harness.Router.Expect(
            RouterCall.Get(),
            RouterCall.Set(w10), RouterCall.Verify(w10),
            RouterCall.Set(w50), RouterCall.Verify(w50),
            RouterCall.Set(w0), RouterCall.Verify(w0));

        // When the engine runs
        var outcome = await harness.RunAsync();

        // Then three failing intervals roll back: one set to 100/0, verified, then the live colour checked
        harness.Router.AssertAllExpectedCallsMade();
        Assert.Equal(OutcomeKind.RolledBack, outcome.Kind);
        Assert.Contains("failed 3 consecutive intervals", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("success rate 85 % is below 99 %", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(["green", "blue"], harness.Probe.Checks);
        Assert.Equal([0], outcome.State.CompletedSteps);
        Assert.Equal(3, (await harness.EventsAsync()).OfType<IntervalEvaluated>().Count(i => i.Step == 1));
    }

    [Fact]
    public async Task FailuresBelowTheThreshold_DoNotRollBack_AndTheBakeWaitsForAPass()
    {
        // Given a candidate whose first two intervals at 50 % fail, then recover
        var harness = new EngineHarness();
        var failing = 2;
        harness.Metrics.Script = q => q.Colour == "green" && harness.Router.Current["green"] == 50 && failing-- > 0 ? ScriptedMetrics.Failing : ScriptedMetrics.Healthy;

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        var verdicts = (await harness.EventsAsync()).OfType<IntervalEvaluated>().Where(i => i.Step == 1).Select(i => i.Candidate.Verdict);
        Assert.Equal([GateVerdict.Fail, GateVerdict.Fail, GateVerdict.Pass], verdicts);
    }

    [Fact]
    public async Task APassingInterval_ResetsTheConsecutiveFailures()
    {
        var harness = new EngineHarness();
        var script = new Queue<IntervalMetrics>([ScriptedMetrics.Failing, ScriptedMetrics.Failing, ScriptedMetrics.Healthy, ScriptedMetrics.Failing, ScriptedMetrics.Failing]);
        harness.Metrics.Script = q => q.Colour == "green" && q.Scope == MetricScope.UserTraffic && script.Count > 0 ? script.Dequeue() : ScriptedMetrics.Healthy;

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
    }

    [Fact]
    public async Task SlowP99_FailsTheGate()
    {
        var harness = new EngineHarness();
        harness.Metrics.Script = q => q.Colour == "green" && q.Scope == MetricScope.UserTraffic ? ScriptedMetrics.Slow : ScriptedMetrics.Healthy;

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.RolledBack, outcome.Kind);
        Assert.Contains("p99 2000 ms is above 500 ms", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooFewRequests_AreInconclusive_AndTheLimitPausesWithItsReason()
    {
        var harness = new EngineHarness { Options = new() { PollPeriod = TimeSpan.FromSeconds(10), StopWhenPaused = true } };
        harness.Metrics.Script = q => q.Colour == "green" && q.Scope == MetricScope.UserTraffic ? ScriptedMetrics.Sparse : ScriptedMetrics.Healthy;

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Paused, outcome.Kind);
        var paused = Assert.IsType<CutoverPhase.Paused>(outcome.State.Phase);
        Assert.Equal(PauseReason.Inconclusive, paused.Reason);
        Assert.Contains("3 requests, fewer than the 20 needed", paused.Detail, StringComparison.Ordinal);
        Assert.Equal(harness.WeightsFor(10), harness.Router.Current);
        Assert.Equal(3, (await harness.EventsAsync()).OfType<IntervalEvaluated>().Count(i => i.Candidate.Verdict == GateVerdict.Inconclusive));
    }

    [Fact]
    public async Task InconclusiveIntervals_CountAsNeitherPassNorFailure()
    {
        // Fail, inconclusive, fail, fail: the inconclusive interval neither resets nor adds a failure.
        var harness = new EngineHarness();
        var script = new Queue<IntervalMetrics>([ScriptedMetrics.Failing, ScriptedMetrics.Sparse, ScriptedMetrics.Failing, ScriptedMetrics.Failing]);
        harness.Metrics.Script = q => q.Colour == "green" && q.Scope == MetricScope.UserTraffic && script.Count > 0 ? script.Dequeue() : ScriptedMetrics.Healthy;

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.RolledBack, outcome.Kind);
        Assert.Equal(4, (await harness.EventsAsync()).OfType<IntervalEvaluated>().Count(i => i.Step == 0));
    }

    [Fact]
    public async Task Verification_ACandidateFailingItsOwnProbesAtZero_RollsBackBeforeTheFirstStep()
    {
        var harness = new EngineHarness();
        harness.Metrics.Script = q => q.Colour == "green" ? ScriptedMetrics.Failing : ScriptedMetrics.Healthy;

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.RolledBack, outcome.Kind);
        Assert.Equal([harness.WeightsFor(0)], harness.Sets());
        Assert.Empty(outcome.State.CompletedSteps);
        Assert.All(harness.Metrics.Queries, q => Assert.Equal(MetricScope.DirectProbes, q.Scope));
    }

    [Fact]
    public async Task Verification_MustPassBeforeTheFirstStep_EvenWhenItsWindowIsOver()
    {
        var harness = new EngineHarness();
        var script = new Queue<IntervalMetrics>([ScriptedMetrics.Sparse, ScriptedMetrics.Failing]);
        harness.Metrics.Script = q => q.Colour == "green" && q.Scope == MetricScope.DirectProbes && script.Count > 0 ? script.Dequeue() : ScriptedMetrics.Healthy;

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        var verification = (await harness.EventsAsync()).OfType<IntervalEvaluated>().Where(i => i.Step == -1).Select(i => i.Candidate.Verdict);
        Assert.Equal([GateVerdict.Inconclusive, GateVerdict.Fail, GateVerdict.Pass], verification);
    }

    [Fact]
    public async Task LiveDegradation_Report_WarnsAndKeepsGoing()
    {
        var harness = new EngineHarness();
        harness.Metrics.Script = q => q.Colour == "blue" ? ScriptedMetrics.Failing : ScriptedMetrics.Healthy;

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        Assert.Contains(harness.Observer.Notices, n => n.Kind == NoticeKind.Warning && n.Message.Contains("live colour 'blue' is degraded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LiveDegradation_Abort_AbortsAfterTheThreshold()
    {
        var harness = new EngineHarness();
        harness.Plan = harness.Plan with { Gates = harness.Plan.Gates with { LiveDegradation = LiveDegradation.Abort } };
        harness.Metrics.Script = q => q.Colour == "blue" ? ScriptedMetrics.Failing : ScriptedMetrics.Healthy;

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Aborted, outcome.Kind);
        Assert.Contains("live colour 'blue' degraded for 3 consecutive intervals", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(harness.WeightsFor(0), harness.Router.Current);
    }

    [Fact]
    public async Task AMetricSourceThatFails_MakesTheIntervalInconclusive_NeverAPass()
    {
        var harness = new EngineHarness();
        var failures = 2;
        harness.Metrics.Script = q => q.Colour == "green" && q.Scope == MetricScope.UserTraffic && failures-- > 0
            ? throw new HttpRequestException("connection refused (prometheus:9090)")
            : ScriptedMetrics.Healthy;

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        var first = (await harness.EventsAsync()).OfType<IntervalEvaluated>().Where(i => i.Step == 0).Take(2).ToList();
        Assert.All(first, i => Assert.Equal(GateVerdict.Inconclusive, i.Candidate.Verdict));
        Assert.Equal("the metrics of 'green' could not be read: connection refused (prometheus:9090)", first[0].Candidate.Reason);
        Assert.Equal(2, harness.Observer.Notices.Count(n => n.Kind == NoticeKind.Warning && n.Message.Contains("could not be read", StringComparison.Ordinal)));
    }
}
