using BlueGreen.Core.Clusters;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Tests.Fakes;

namespace BlueGreen.Core.Tests.Engine;

/// <summary>The rollback window: after the last step and until the old colour's decommission, all traffic goes back at once.</summary>
public sealed partial class CutoverEngineTests
{
    private static async Task<EngineHarness> CompletedAsync()
    {
        var harness = new EngineHarness();
        var outcome = await harness.RunAsync();
        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        return harness;
    }

    private static Task<CutoverOutcome> RollBackInWindowAsync(EngineHarness harness)
    {
        harness.Options = harness.Options with { RollbackWindow = true };
        return harness.RunAsync();
    }

    [Fact]
    public async Task WithinTheWindow_ACompletedUpgrade_GoesBackInOneChange_WithoutTheSteps()
    {
        var harness = await CompletedAsync();
        var setsBefore = harness.Sets().Count;

        var outcome = await RollBackInWindowAsync(harness);

        Assert.Equal(OutcomeKind.RolledBack, outcome.Kind);
        Assert.Equal(harness.WeightsFor(0), harness.Router.Current);
        Assert.Equal([harness.WeightsFor(0)], harness.Sets().Skip(setsBefore));
        var events = await harness.EventsAsync();
        var afterCompletion = events.SkipWhile(e => e is not CutoverCompleted).Skip(1).ToList();
        Assert.Collection(
            afterCompletion,
            e => Assert.Equal(CutoverEngine.RollbackWindowReason, Assert.IsType<RollbackStarted>(e).Reason),
            e => Assert.IsType<RollbackWeightsApplied>(e),
            e => Assert.IsType<RollbackCompleted>(e));
        Assert.IsType<CutoverPhase.RolledBack>(outcome.State.Phase);
    }

    [Fact]
    public async Task WithoutTheWindowOption_ACompletedUpgrade_IsOnlyReported()
    {
        var harness = await CompletedAsync();
        var setsBefore = harness.Sets().Count;

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        Assert.Equal(setsBefore, harness.Sets().Count);
    }

    [Fact]
    public async Task AfterTheDecommissionBegan_TheWindowIsClosed_AndNothingChanges()
    {
        var harness = await CompletedAsync();
        var journal = await CutoverJournal.OpenAsync(harness.Store, CancellationToken.None);
        await journal.AppendAsync(new DecommissionStarted("blue") { At = harness.Clock.GetUtcNow() }, CancellationToken.None);
        var records = harness.Store.Records.Count;
        var setsBefore = harness.Sets().Count;

        var failure = await Assert.ThrowsAsync<CutoverException>(() => RollBackInWindowAsync(harness));

        Assert.Contains("The rollback window is closed: the decommission of blue began at", failure.Message, StringComparison.Ordinal);
        Assert.Equal(records, harness.Store.Records.Count);
        Assert.Equal(setsBefore, harness.Sets().Count);
        Assert.Equal(harness.WeightsFor(100), harness.Router.Current);
    }

    [Fact]
    public async Task AnOldColourThatIsNotReady_IsNotGivenTrafficBack()
    {
        var harness = await CompletedAsync();
        harness.Probe.Readiness["blue"] = ClusterReadiness.No("blue has 0 of 2 nodes");
        var records = harness.Store.Records.Count;

        var failure = await Assert.ThrowsAsync<CutoverException>(() => RollBackInWindowAsync(harness));

        Assert.Contains("blue is not ready to take traffic back (blue has 0 of 2 nodes)", failure.Message, StringComparison.Ordinal);
        Assert.Equal(records, harness.Store.Records.Count);
        Assert.Equal(harness.WeightsFor(100), harness.Router.Current);
    }

    [Fact]
    public async Task AnUpgradeInProgress_IsNotRolledBackThroughTheWindow()
    {
        var harness = new EngineHarness(EngineHarness.DefaultPlan(EngineHarness.Share(10), new BlueGreen.Core.Plans.ApprovalStep("wait"), EngineHarness.Share(100)));
        harness.Options = harness.Options with { StopWhenPaused = true };
        Assert.Equal(OutcomeKind.Paused, (await harness.RunAsync()).Kind);

        var failure = await Assert.ThrowsAsync<CutoverException>(() => RollBackInWindowAsync(harness));

        Assert.Contains("is still in progress", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWindowRollbackCutShort_IsFinishedByTheNextRun()
    {
        var harness = await CompletedAsync();
        harness.Options = harness.Options with { RollbackWindow = true };
        var crashing = new CrashingJournalStore(harness.Store, crashAt: harness.Store.Records.Count + 1);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => harness.RunAsync(crashing));

        harness.Options = harness.Options with { RollbackWindow = false };
        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.RolledBack, outcome.Kind);
        Assert.Equal(harness.WeightsFor(0), harness.Router.Current);
    }

    [Fact]
    public void Fold_RefusesAWindowRollbackAfterTheDecommission_AndADecommissionOfTheWrongColour()
    {
        var at = DateTimeOffset.UnixEpoch;
        var completed = CutoverFold.Fold(CompletedEvents(at));

        Assert.True(completed.InRollbackWindow);
        Assert.Throws<InvalidOperationException>(() => CutoverFold.Apply(completed, new DecommissionStarted("green") { At = at }));
        var decommissioned = CutoverFold.Apply(completed, new DecommissionStarted("blue") { At = at });
        Assert.False(decommissioned.InRollbackWindow);
        Assert.Throws<InvalidOperationException>(() => CutoverFold.Apply(decommissioned, new RollbackStarted("late", false) { At = at }));
        Assert.Throws<InvalidOperationException>(() => CutoverFold.Apply(completed, new RollbackStarted("abort", true) { At = at }));
        Assert.Throws<InvalidOperationException>(() => CutoverFold.Apply(decommissioned, new DecommissionStarted("blue") { At = at }));
    }

    private static List<CutoverEvent> CompletedEvents(DateTimeOffset at)
    {
        var weights = new EngineHarness().WeightsFor(100);
        return
        [
            new CutoverStarted("blue", "green", 1, 0, "plan", new EngineHarness().WeightsFor(0)) { At = at },
            new VerificationStarted { At = at },
            new VerificationPassed { At = at },
            new StepStarted(0, weights) { At = at },
            new WeightsApplied(0, weights) { At = at },
            new StepCompleted(0) { At = at },
            new DrainStarted { At = at },
            new CutoverCompleted { At = at },
        ];
    }
}
