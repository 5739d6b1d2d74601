using BlueGreen.Core.Engine;
using BlueGreen.Core.Operators;
using BlueGreen.Core.Tests.Fakes;

namespace BlueGreen.Core.Tests.Engine;

public sealed partial class CutoverEngineTests
{
    [Fact]
    public async Task AThrottledRouter_WhileReassertingOnResume_IsRetriedWithAWarning()
    {
        var harness = await CrashedAfter(e => e is IntervalEvaluated { Step: 1 });
        harness.Router.CallsToFail = 1;

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        Assert.Contains(harness.Observer.Notices, n => n.Kind == NoticeKind.Warning && n.Message.Contains("(attempt 1 of 3): the router failed to set them: 503", StringComparison.Ordinal));
        Assert.Contains(harness.Observer.Notices, n => n.Kind == NoticeKind.WeightsReasserted);
    }

    [Fact]
    public async Task AReassertionThatNeverTakes_IsAWarning_AndTheUpgradeGoesOn()
    {
        var harness = await CrashedAfter(e => e is IntervalEvaluated { Step: 1 });
        harness.Router.CallsToFail = 3;

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        Assert.Contains(harness.Observer.Notices, n => n.Kind == NoticeKind.Warning && n.Message.Contains("could not be re-asserted", StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Observer.Notices, n => n.Kind == NoticeKind.WeightsReasserted);
    }

    [Fact]
    public async Task ARouterThatCannotBeRead_AtTheStart_IsRetried()
    {
        var harness = new EngineHarness();
        harness.Router.CallsToFail = 2;

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        Assert.Equal(2, harness.Observer.Notices.Count(n => n.Kind == NoticeKind.Warning && n.Message.StartsWith("The weights could not be read", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ARouterThatNeverAnswers_AtTheStart_FailsTheRun_WithNothingChanged()
    {
        var harness = new EngineHarness();
        harness.Router.CallsToFail = 3;

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Failed, outcome.Kind);
        Assert.Contains("could not be read in 3 attempts (the router failed: 503 Service Unavailable", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(harness.Store.Records);
    }

    [Fact]
    public async Task AProbeThatThrows_ForTheCandidate_MeansNotReady_WithTheReason()
    {
        var harness = new EngineHarness();
        harness.Probe.Failures["green"] = new HttpRequestException("connection refused (green.example:443)");

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Failed, outcome.Kind);
        Assert.Contains("The candidate 'green' is not ready: probe failed: connection refused (green.example:443)", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(harness.Sets());
    }

    [Fact]
    public async Task AProbeThatThrows_ForTheLiveColourAfterARollback_LeavesTheRollbackToFinish()
    {
        var harness = new EngineHarness();
        harness.Probe.Failures["blue"] = new TimeoutException("the cluster API did not answer in 100 s");
        harness.SubmitWhen((e, _) => e is WeightsApplied { Step: 0 }, OperatorAction.Rollback);

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Failed, outcome.Kind);
        Assert.Contains("'blue' is not ready: probe failed: the cluster API did not answer in 100 s", outcome.Reason, StringComparison.Ordinal);
        Assert.IsType<CutoverPhase.RollingBack>(outcome.State.Phase);
        Assert.Equal(harness.WeightsFor(0), harness.Router.Current);
    }
}
