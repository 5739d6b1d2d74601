using BlueGreen.Core.Engine;
using BlueGreen.Core.Metrics;
using BlueGreen.Core.Plans;
using BlueGreen.Core.Tests.Fakes;

namespace BlueGreen.Core.Tests.Engine;

public sealed partial class CutoverEngineTests
{
    [Fact]
    public async Task HappyPath_SetsEveryStepOnceInOrder_ThenDrainsAndCompletes()
    {
        // Given a plan of 10, 50, 100 % and a candidate that stays healthy
        var harness = new EngineHarness();
        var (w10, w50, w100) = (harness.WeightsFor(10), harness.WeightsFor(50), harness.WeightsFor(100));
        harness.Router.Expect(
            RouterCall.Get(),
            RouterCall.Set(w10), RouterCall.Verify(w10),
            RouterCall.Set(w50), RouterCall.Verify(w50),
            RouterCall.Set(w100), RouterCall.Verify(w100));

        // When the engine runs
        var outcome = await harness.RunAsync();

        // Then it completes with all traffic on green, every step applied once, in order
        harness.Router.AssertAllExpectedCallsMade();
        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        Assert.IsType<CutoverPhase.Completed>(outcome.State.Phase);
        Assert.Equal([0, 1, 2], outcome.State.CompletedSteps);
        Assert.Equal(w100, harness.Router.Current);
        Assert.Equal(["green"], harness.Probe.Checks);
    }

    [Fact]
    public async Task HappyPath_RecordsTheEventsOfEachStage_InOrder()
    {
        var harness = new EngineHarness();

        await harness.RunAsync();

        var types = (await harness.EventsAsync()).Select(e => e.GetType().Name).ToList();
        string[] step = ["StepStarted", "WeightsApplied", "IntervalEvaluated", "IntervalEvaluated", "StepCompleted"];
        string[] expected =
        [
            "CutoverStarted", "VerificationStarted", "IntervalEvaluated", "VerificationPassed",
            .. step, .. step, .. step,
            "DrainStarted", "CutoverCompleted",
        ];
        Assert.Equal(expected, types);
    }

    [Fact]
    public async Task Timing_EachBakeLastsItsIntervals_AndTheDrainItsTime()
    {
        var harness = new EngineHarness();

        await harness.RunAsync();

        var events = await harness.EventsAsync();
        var started = events.OfType<CutoverStarted>().Single().At;
        var drain = events.OfType<DrainStarted>().Single().At;
        var completed = events.OfType<CutoverCompleted>().Single().At;

        // 1 interval of verification, then 3 steps of 2 intervals each.
        Assert.Equal(EngineHarness.Interval * 7, drain - started);
        Assert.Equal(harness.Plan.Drain, completed - drain);
    }

    [Fact]
    public async Task Verification_JudgesTheCandidateOnItsOwnProbes_AndSharesOnUserTraffic()
    {
        var harness = new EngineHarness();

        await harness.RunAsync();

        var candidate = harness.Metrics.Queries.Where(q => q.Colour == "green").ToList();
        Assert.Equal(MetricScope.DirectProbes, candidate[0].Scope);
        Assert.All(candidate.Skip(1), q => Assert.Equal(MetricScope.UserTraffic, q.Scope));
        Assert.All(harness.Metrics.Queries, q => Assert.Equal(EngineHarness.Interval, q.End - q.Start));
    }

    [Fact]
    public async Task LiveColour_IsJudgedDuringTheShift_WhileItHasTraffic()
    {
        var harness = new EngineHarness();

        await harness.RunAsync();

        var intervals = (await harness.EventsAsync()).OfType<IntervalEvaluated>().ToList();
        Assert.Null(intervals[0].Live);
        Assert.All(intervals.Where(i => i.Step is 0 or 1), i => Assert.NotNull(i.Live));
        Assert.All(intervals.Where(i => i.Step == 2), i => Assert.Null(i.Live));
    }

    [Fact]
    public async Task Observers_ReceiveEveryRecordedEvent_WithTheStateAfterIt()
    {
        var harness = new EngineHarness();
        var states = new List<CutoverState>();
        harness.Observer.OnEvent = (_, state) => states.Add(state);

        var outcome = await harness.RunAsync();

        Assert.Equal(harness.Store.Records.Count, harness.Observer.Recorded.Count);
        Assert.Equal(Enumerable.Range(1, states.Count).Select(i => (long)i), states.Select(s => s.Sequence));
        Assert.Equal(outcome.State, states[^1]);
    }

    [Fact]
    public async Task TimedPause_HoldsTheWeightsForItsDuration_WithoutSettingWeights()
    {
        var harness = new EngineHarness(EngineHarness.DefaultPlan(EngineHarness.Share(20), new TimedPauseStep(EngineHarness.Interval * 3), EngineHarness.Share(100)));

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        Assert.Equal([harness.WeightsFor(20), harness.WeightsFor(100)], harness.Sets());
        Assert.Equal(3, (await harness.EventsAsync()).OfType<IntervalEvaluated>().Count(i => i.Step == 1));
    }

    [Fact]
    public async Task CandidateNotReady_FailsBeforeMovingAnyTraffic()
    {
        var harness = new EngineHarness();
        harness.Probe.Readiness["green"] = Clusters.ClusterReadiness.No("argocd app 'app' is Degraded");

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Failed, outcome.Kind);
        Assert.Contains("argocd app 'app' is Degraded", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(harness.Sets());

        // Nothing is recorded, so nothing is left that blocks `shift` or the next `upgrade`.
        Assert.Empty(harness.Store.Records);
    }

    [Fact]
    public async Task WeightsNotAllOnTheLiveColour_RefuseToStart()
    {
        var harness = new EngineHarness();
        await harness.Router.SetWeightsAsync(harness.WeightsFor(50), CancellationToken.None);

        var error = await Assert.ThrowsAsync<CutoverException>(() => harness.RunAsync());

        Assert.Contains("blue=50 green=50", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Store.Records);
    }

    [Fact]
    public async Task LongRun_RenewsTheLock_WhileItWaits()
    {
        var harness = new EngineHarness();
        var services = harness.Services();
        var lockStore = (InMemoryLock)services.Lock;
        var engine = new CutoverEngine(harness.Plan, services, harness.Options with { HeartbeatPeriod = TimeSpan.FromMinutes(1) });

        await harness.Clock.DriveAsync(() => engine.RunAsync(CancellationToken.None));

        // The run lasts 5.5 minutes of fake time: 7 intervals of 30 s and a 2 min drain.
        Assert.Equal(5, lockStore.Renewals);
        Assert.Null(await lockStore.ReadAsync(CancellationToken.None));
    }
}
