using BlueGreen.Core.Clusters;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Tests.Fakes;

namespace BlueGreen.Core.Tests.Engine;

public sealed partial class CutoverEngineTests
{
    private static EngineHarness FailingAtHalf()
    {
        var harness = new EngineHarness();
        harness.Metrics.Script = q => q.Colour == "green" && harness.Router.Current["green"] >= 50 ? ScriptedMetrics.Failing : ScriptedMetrics.Healthy;
        return harness;
    }

    [Fact]
    public async Task RollbackWeightsThatDoNotTake_AreRetried_ThenFailWithWhatToDo()
    {
        var harness = FailingAtHalf();
        harness.Observer.OnEvent = (entry, _) =>
        {
            if (entry.Event is RollbackStarted)
            {
                harness.Router.SetsToIgnore = 3;
            }
        };

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Failed, outcome.Kind);
        Assert.Contains("Set the service name's records to blue=100 green=0 by hand", outcome.Reason, StringComparison.Ordinal);
        Assert.IsType<CutoverPhase.RollingBack>(outcome.State.Phase);
        Assert.Equal(3, harness.Sets().Count(w => w.Equals(harness.WeightsFor(0))));
        Assert.Equal(3, harness.Observer.Notices.Count(n => n.Kind == NoticeKind.Warning && n.Message.Contains("did not take", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RollbackWeightsThatTakeOnARetry_FinishTheRollback()
    {
        var harness = FailingAtHalf();
        harness.Observer.OnEvent = (entry, _) =>
        {
            if (entry.Event is RollbackStarted)
            {
                harness.Router.SetsToIgnore = 1;
            }
        };

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.RolledBack, outcome.Kind);
        Assert.Equal(harness.WeightsFor(0), harness.Router.Current);
    }

    [Fact]
    public async Task AFailedRollback_IsFinishedByTheNextRun()
    {
        var harness = FailingAtHalf();
        harness.Observer.OnEvent = (entry, _) =>
        {
            if (entry.Event is RollbackStarted)
            {
                harness.Router.SetsToIgnore = 3;
            }
        };
        await harness.RunAsync();
        harness.Observer.OnEvent = null;

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.RolledBack, outcome.Kind);
        Assert.Equal(harness.WeightsFor(0), harness.Router.Current);
    }

    [Fact]
    public async Task ALiveColourThatDoesNotServe_FailsTheRollback_UntilItIsReady()
    {
        var harness = FailingAtHalf();
        harness.Probe.Readiness["blue"] = ClusterReadiness.No("deployment app/app has 0 of 3 ready");

        var failed = await harness.RunAsync();
        harness.Probe.Readiness.Remove("blue");
        var finished = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Failed, failed.Kind);
        Assert.Contains("'blue' is not ready: deployment app/app has 0 of 3 ready", failed.Reason, StringComparison.Ordinal);
        Assert.True(failed.State.RollbackWeightsApplied);
        Assert.Equal(OutcomeKind.RolledBack, finished.Kind);
    }

    [Fact]
    public async Task AProblemThatEndsInAFullStop_IsNotStoppedTwice_InTheRollbacksMessage()
    {
        var harness = FailingAtHalf();
        harness.Probe.Readiness["blue"] = ClusterReadiness.No("blue has 0 of 2 healthy instances behind its load balancer.", "its proxy is down.");

        var failed = await harness.RunAsync();

        Assert.Contains("'blue' is not ready: blue has 0 of 2 healthy instances behind its load balancer; its proxy is down. Fix it,", failed.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("..", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StepWeightsThatDoNotTake_RollBack()
    {
        var harness = new EngineHarness();
        harness.Observer.OnEvent = (entry, _) =>
        {
            if (entry.Event is StepStarted { Step: 1 })
            {
                harness.Router.SetsToIgnore = 3;
            }
        };

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.RolledBack, outcome.Kind);
        Assert.Contains("the weights blue=50 green=50 of step 2 did not take", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(harness.WeightsFor(0), harness.Router.Current);
    }

    [Fact]
    public async Task AFinishedUpgrade_RunAgain_ReturnsItsOutcome_WithoutTouchingTraffic()
    {
        var harness = FailingAtHalf();
        await harness.RunAsync();
        var calls = harness.Router.Calls.Count;
        var records = harness.Store.Records.Count;

        var again = await harness.RunAsync();

        Assert.Equal(OutcomeKind.RolledBack, again.Kind);
        Assert.Equal(calls, harness.Router.Calls.Count);
        Assert.Equal(records, harness.Store.Records.Count);
    }

    [Fact]
    public async Task ARouterThatFailsOnce_IsRetried_AndTheStepTakes()
    {
        var harness = new EngineHarness();
        harness.Observer.OnEvent = (entry, _) =>
        {
            if (entry.Event is StepStarted { Step: 1 })
            {
                harness.Router.CallsToFail = 1;
            }
        };

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        Assert.Contains(harness.Observer.Notices, n => n.Kind == NoticeKind.Warning && n.Message.Contains("the router failed to set them: 503 Service Unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARouterThatKeepsFailing_EndsInAFailedRollback_NamingTheError()
    {
        var harness = new EngineHarness();
        harness.Observer.OnEvent = (entry, _) =>
        {
            if (entry.Event is StepStarted { Step: 1 })
            {
                harness.Router.CallsToFail = int.MaxValue;
            }
        };

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Failed, outcome.Kind);
        Assert.Contains("could not set the weights blue=100 green=0 in 3 attempts: the router failed to set them: 503", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("did not take: the router failed to set them", Assert.IsType<CutoverPhase.RollingBack>(outcome.State.Phase).Reason, StringComparison.Ordinal);
    }
}
