using BlueGreen.Core.Engine;
using BlueGreen.Core.Metrics;
using BlueGreen.Core.Operators;
using BlueGreen.Core.Plans;
using BlueGreen.Core.Tests.Fakes;

namespace BlueGreen.Core.Tests.Engine;

public sealed partial class CutoverEngineTests
{
    private static EngineHarness Stopping(CutoverPlan? plan = null) =>
        new(plan) { Options = new() { PollPeriod = TimeSpan.FromSeconds(10), StopWhenPaused = true } };

    [Fact]
    public async Task PauseAndResume_WhileRunning_HoldTheWeights_AndStopTheBakeClock()
    {
        // Given a pause once step 1 is applied, and a resume after two paused intervals
        var harness = new EngineHarness();
        harness.SubmitWhen((e, _) => e is WeightsApplied, OperatorAction.Pause);
        var pausedIntervals = 0;
        harness.SubmitWhen((e, _) => e is IntervalEvaluated { Counted: false } && ++pausedIntervals == 2, OperatorAction.Resume);

        var outcome = await harness.RunAsync();

        // Then the upgrade completes, the paused intervals did not count, and nothing was set twice
        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        var step0 = (await harness.EventsAsync()).OfType<IntervalEvaluated>().Where(i => i.Step == 0).ToList();
        Assert.Equal([false, false, true, true], step0.Select(i => i.Counted));
        Assert.Equal([harness.WeightsFor(10), harness.WeightsFor(50), harness.WeightsFor(100)], harness.Sets());
    }

    [Fact]
    public async Task Pause_WithStopWhenPaused_EndsTheRun_AndAResumeWithNoEngineRunning_IsAppliedByTheNextRun()
    {
        var harness = Stopping();
        harness.SubmitWhen((e, _) => e is WeightsApplied, OperatorAction.Pause);

        var paused = await harness.RunAsync();
        await harness.SubmitAsync(OperatorAction.Resume);
        var resumed = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Paused, paused.Kind);
        Assert.Equal(PauseReason.Operator, Assert.IsType<CutoverPhase.Paused>(paused.State.Phase).Reason);
        Assert.Equal(OutcomeKind.Completed, resumed.Kind);
        Assert.Empty(await harness.Inbox.PendingAsync(CancellationToken.None));
        Assert.Equal(2, (await harness.EventsAsync()).OfType<OperatorRequestReceived>().Count());
    }

    [Fact]
    public async Task Promote_SkipsTheRemainingSteps_OnceTheCurrentIntervalPasses()
    {
        var harness = new EngineHarness();
        harness.SubmitWhen((e, _) => e is WeightsApplied { Step: 0 }, OperatorAction.Promote);

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        Assert.Equal([harness.WeightsFor(10), harness.WeightsFor(100)], harness.Sets());
        // Step 1 was skipped and step 0's bake cut short: only the final step counts as completed.
        Assert.Equal([2], outcome.State.CompletedSteps);
        var events = await harness.EventsAsync();
        var promoted = events.OfType<PromotionApplied>().Single();
        Assert.False(promoted.Force);
        Assert.Equal(events.OfType<IntervalEvaluated>().First(i => i.Step == 0).At, promoted.At);
    }

    [Fact]
    public async Task Promote_WaitsForAPassingInterval()
    {
        var harness = new EngineHarness();
        var failing = 2;
        harness.Metrics.Script = q => q.Colour == "green" && harness.Router.Current["green"] == 10 && failing-- > 0 ? ScriptedMetrics.Failing : ScriptedMetrics.Healthy;
        harness.SubmitWhen((e, _) => e is WeightsApplied { Step: 0 }, OperatorAction.Promote);

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        var events = await harness.EventsAsync();
        Assert.Equal(3, events.OfType<IntervalEvaluated>().Count(i => i.Step == 0));
        Assert.Single(events.OfType<PromotionApplied>());
    }

    [Fact]
    public async Task PromoteWithForce_SkipsTheGate()
    {
        var harness = new EngineHarness();
        harness.Metrics.Script = q => q.Colour == "green" && harness.Router.Current["green"] == 10 ? ScriptedMetrics.Failing : ScriptedMetrics.Healthy;
        harness.SubmitWhen((e, _) => e is WeightsApplied { Step: 0 }, OperatorAction.Promote, force: true);

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        Assert.True((await harness.EventsAsync()).OfType<PromotionApplied>().Single().Force);
        Assert.DoesNotContain((await harness.EventsAsync()).OfType<IntervalEvaluated>(), i => i.Step == 0);
    }

    [Fact]
    public async Task Promote_DuringAnApprovalAfterTheFinalStep_CompletesItAndDrains()
    {
        // Given an upgrade waiting on an approval that follows the final 100 % step
        var harness = Stopping(EngineHarness.DefaultPlan(EngineHarness.Share(10), EngineHarness.Share(100), new ApprovalStep("sign off")));
        var waiting = await harness.RunAsync();

        // When an operator promotes instead of resuming
        await harness.SubmitAsync(OperatorAction.Promote);
        var finished = await harness.RunAsync();

        // Then the approval step completes, the drain runs and the upgrade ends
        Assert.Equal(PauseReason.Approval, Assert.IsType<CutoverPhase.Paused>(waiting.State.Phase).Reason);
        Assert.True(finished.Kind == OutcomeKind.Completed, finished.Reason);
        Assert.Equal([0, 1, 2], finished.State.CompletedSteps);
        Assert.Single((await harness.EventsAsync()).OfType<DrainStarted>());
        Assert.Equal([harness.WeightsFor(10), harness.WeightsFor(100)], harness.Sets().Distinct());
    }

    [Fact]
    public async Task PromoteWithForce_DuringATimedPauseAfterTheFinalStep_EndsThePause()
    {
        var harness = new EngineHarness(EngineHarness.DefaultPlan(EngineHarness.Share(10), EngineHarness.Share(100), new TimedPauseStep(EngineHarness.Interval * 10)));
        harness.SubmitWhen((e, _) => e is StepStarted { Step: 2 }, OperatorAction.Promote, force: true);

        var outcome = await harness.RunAsync();

        Assert.True(outcome.Kind == OutcomeKind.Completed, outcome.Reason);
        Assert.Equal([0, 1, 2], outcome.State.CompletedSteps);
        Assert.DoesNotContain((await harness.EventsAsync()).OfType<IntervalEvaluated>(), i => i.Step == 2);
    }

    [Fact]
    public async Task PromoteWithForce_OnAStartResumedBeforeVerification_StillChecksTheCandidatesReadiness()
    {
        // Given an engine killed between recording the start and the verification, and a forced promotion waiting
        var harness = await CrashedAfter(e => e is CutoverStarted);
        harness.Probe.Readiness["green"] = Clusters.ClusterReadiness.No("argocd app 'app' is Degraded");
        await harness.SubmitAsync(OperatorAction.Promote, force: true);

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Failed, outcome.Kind);
        Assert.Contains("argocd app 'app' is Degraded", outcome.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Sets(), w => w.Share("green") > 0);
        Assert.Empty((await harness.EventsAsync()).OfType<PromotionApplied>());
    }

    [Fact]
    public async Task PromoteWithForce_DuringVerification_StillVerifiesTheCandidate()
    {
        // Given a candidate that fails its own probes, and a forced promotion made as the upgrade starts
        var harness = new EngineHarness();
        harness.Metrics.Script = q => q.Colour == "green" && q.Scope == MetricScope.DirectProbes ? ScriptedMetrics.Failing : ScriptedMetrics.Healthy;
        harness.SubmitWhen((e, _) => e is VerificationStarted, OperatorAction.Promote, force: true);

        var outcome = await harness.RunAsync();

        // Then verification rolls back with no traffic ever moved to the candidate
        Assert.Equal(OutcomeKind.RolledBack, outcome.Kind);
        Assert.Equal([harness.WeightsFor(0)], harness.Sets());
        Assert.Empty((await harness.EventsAsync()).OfType<PromotionApplied>());
    }

    [Fact]
    public async Task PromoteWithForce_DuringVerification_TakesEffectOnceVerificationPassed()
    {
        var harness = new EngineHarness();
        harness.SubmitWhen((e, _) => e is VerificationStarted, OperatorAction.Promote, force: true);

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        Assert.Equal([harness.WeightsFor(100)], harness.Sets());
        var types = (await harness.EventsAsync()).Select(e => e.GetType().Name).ToList();
        Assert.True(types.IndexOf(nameof(VerificationPassed)) < types.IndexOf(nameof(PromotionApplied)), string.Join(", ", types));
    }

    [Theory]
    [InlineData(OperatorAction.Abort, OutcomeKind.Aborted, "aborted by")]
    [InlineData(OperatorAction.Rollback, OutcomeKind.RolledBack, "rolled back by")]
    public async Task AbortAndRollback_PutAllTrafficBackOnTheLiveColour(OperatorAction action, OutcomeKind expected, string reason)
    {
        var harness = new EngineHarness();
        harness.SubmitWhen((e, _) => e is WeightsApplied { Step: 1 }, action);

        var outcome = await harness.RunAsync();

        Assert.Equal(expected, outcome.Kind);
        Assert.Contains(reason, outcome.Reason, StringComparison.Ordinal);
        Assert.Equal([harness.WeightsFor(10), harness.WeightsFor(50), harness.WeightsFor(0)], harness.Sets());
        Assert.Equal("blue", harness.Probe.Checks[^1]);
    }

    [Fact]
    public async Task Rollback_DuringTheDrain_IsStillPossible_ButPauseIsIgnored()
    {
        var harness = new EngineHarness();
        harness.SubmitWhen((e, _) => e is DrainStarted, OperatorAction.Pause);
        harness.SubmitWhen((e, s) => e is OperatorRequestReceived, OperatorAction.Rollback);

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.RolledBack, outcome.Kind);
        Assert.Contains(harness.Observer.Notices, n => n.Kind == NoticeKind.RequestIgnored && n.Message.StartsWith("Pause", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApprovalStep_PausesUntilResumed_ThenCompletesTheStep()
    {
        var harness = Stopping(EngineHarness.DefaultPlan(EngineHarness.Share(10), new ApprovalStep("check the dashboards"), EngineHarness.Share(100)));

        var waiting = await harness.RunAsync();
        await harness.SubmitAsync(OperatorAction.Resume);
        var finished = await harness.RunAsync();

        var paused = Assert.IsType<CutoverPhase.Paused>(waiting.State.Phase);
        Assert.Equal(PauseReason.Approval, paused.Reason);
        Assert.Contains("check the dashboards", waiting.Reason, StringComparison.Ordinal);
        Assert.Equal(OutcomeKind.Completed, finished.Kind);
        Assert.Equal([0, 1, 2], finished.State.CompletedSteps);
    }

    [Fact]
    public async Task ARequestThatDoesNotApply_IsRecordedOnce_AndReportedAsIgnored()
    {
        var harness = new EngineHarness();
        harness.SubmitWhen((e, _) => e is WeightsApplied { Step: 0 }, OperatorAction.Resume);

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        var notice = Assert.Single(harness.Observer.Notices, n => n.Kind == NoticeKind.RequestIgnored);
        Assert.Contains("the upgrade is not paused", notice.Message, StringComparison.Ordinal);
        Assert.Single((await harness.EventsAsync()).OfType<OperatorRequestReceived>());
    }

    [Fact]
    public async Task ARequestRecordedButNotYetRemovedFromTheInbox_IsNotAppliedTwice()
    {
        // Given a crash right after the pause request was recorded, before the inbox dropped it
        var harness = Stopping();
        var inbox = new CrashingInbox(harness.Inbox);
        harness.SubmitWhen((e, _) => e is WeightsApplied { Step: 0 }, OperatorAction.Pause);
        var engine = new CutoverEngine(harness.Plan, harness.Services() with { Inbox = inbox }, harness.Options);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => harness.Clock.DriveAsync(() => engine.RunAsync(CancellationToken.None)));

        // When the next run picks it up again, and a resume follows
        var paused = await harness.RunAsync();
        await harness.SubmitAsync(OperatorAction.Resume);
        var finished = await harness.RunAsync();

        // Then the pause was recorded exactly once
        Assert.Equal(OutcomeKind.Paused, paused.Kind);
        Assert.Equal(OutcomeKind.Completed, finished.Kind);
        Assert.Single((await harness.EventsAsync()).OfType<OperatorRequestReceived>(), r => r.Request.Action == OperatorAction.Pause);
    }

    [Fact]
    public async Task RequestsAfterTheUpgradeEnded_AreIgnoredAndRemoved_SoTheyNeverReachTheNextUpgrade()
    {
        var harness = new EngineHarness();
        await harness.RunAsync();
        await harness.SubmitAsync(OperatorAction.Rollback);

        var again = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Completed, again.Kind);
        Assert.Empty(await harness.Inbox.PendingAsync(CancellationToken.None));
        Assert.Contains(harness.Observer.Notices, n => n.Kind == NoticeKind.RequestIgnored && n.Message.Contains("already ended", StringComparison.Ordinal));
    }

    private sealed class CrashingInbox(IOperatorInbox inner) : IOperatorInbox
    {
        public Task SubmitAsync(OperatorRequest request, CancellationToken cancellationToken) => inner.SubmitAsync(request, cancellationToken);

        public Task<IReadOnlyList<OperatorRequest>> PendingAsync(CancellationToken cancellationToken) => inner.PendingAsync(cancellationToken);

        public Task CompleteAsync(string requestId, CancellationToken cancellationToken) => throw new SimulatedCrashException();
    }
}
