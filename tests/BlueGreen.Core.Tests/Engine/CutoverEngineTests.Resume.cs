using BlueGreen.Core.Engine;
using BlueGreen.Core.Operators;
using BlueGreen.Core.Tests.Fakes;

namespace BlueGreen.Core.Tests.Engine;

public sealed partial class CutoverEngineTests
{
    private static async Task<EngineHarness> CrashedAfter(Func<CutoverEvent, bool> when)
    {
        var harness = new EngineHarness();
        var crashAt = 0L;
        harness.Observer.OnEvent = (entry, _) =>
        {
            if (crashAt == 0 && when(entry.Event))
            {
                crashAt = entry.Sequence;
                throw new SimulatedCrashException();
            }
        };
        await Assert.ThrowsAsync<SimulatedCrashException>(() => harness.RunAsync());
        harness.Observer.OnEvent = null;
        return harness;
    }

    [Fact]
    public async Task Resume_ReassertsTheWeightsInEffect_ThenContinuesTheBakeWithItsRemainingTime()
    {
        // Given a crash after the first of step 2's two bake intervals
        var harness = await CrashedAfter(e => e is IntervalEvaluated { Step: 1 });
        var callsBefore = harness.Router.Calls.Count;
        var w50 = harness.WeightsFor(50);

        // When a new engine resumes from the journal
        var outcome = await harness.RunAsync();

        // Then its first act re-asserts 50 %, and step 2 bakes one more interval, not two
        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        Assert.Equal(RouterCall.Set(w50), harness.Router.Calls[callsBefore] with { JournalLength = 0 });
        Assert.Equal(2, (await harness.EventsAsync()).OfType<IntervalEvaluated>().Count(i => i.Step == 1));
        Assert.Contains(harness.Observer.Notices, n => n.Kind == NoticeKind.Resumed && n.Message.Contains("Shifting", StringComparison.Ordinal));
        Assert.Contains(harness.Observer.Notices, n => n.Kind == NoticeKind.WeightsReasserted && n.Message.Contains("blue=50 green=50", StringComparison.Ordinal));
        Assert.Equal(2, harness.Sets().Count(w => w.Equals(w50)));
    }

    [Fact]
    public async Task Resume_AfterAStepStartedButBeforeItsWeightsWereRecorded_SetsThemWithoutReasserting()
    {
        var harness = await CrashedAfter(e => e is StepStarted { Step: 1 });
        var callsBefore = harness.Router.Calls.Count;

        await harness.RunAsync();

        var w50 = harness.WeightsFor(50);
        Assert.Equal([RouterCall.Set(w50), RouterCall.Verify(w50)], harness.Router.Calls.Skip(callsBefore).Take(2).Select(c => c with { JournalLength = 0 }));
        Assert.DoesNotContain(harness.Observer.Notices, n => n.Kind == NoticeKind.WeightsReasserted);
    }

    [Fact]
    public async Task Resume_DuringTheDrain_WaitsOnlyWhatIsLeftOfIt_ByTheClock()
    {
        var harness = await CrashedAfter(e => e is DrainStarted);
        var drainStarted = (await harness.EventsAsync()).OfType<DrainStarted>().Single().At;
        harness.Clock.Advance(TimeSpan.FromSeconds(90));

        await harness.RunAsync();

        var completed = (await harness.EventsAsync()).OfType<CutoverCompleted>().Single().At;
        Assert.Equal(harness.Plan.Drain, completed - drainStarted);
    }

    [Fact]
    public async Task Resume_WithAChangedConfiguration_IsRefused_WithoutTouchingTraffic()
    {
        var harness = await CrashedAfter(e => e is WeightsApplied);
        harness.Plan = harness.Plan with { Drain = TimeSpan.FromMinutes(5) };
        var calls = harness.Router.Calls.Count;

        var error = await Assert.ThrowsAsync<CutoverException>(() => harness.RunAsync());

        Assert.Contains("records an upgrade with another plan", error.Message, StringComparison.Ordinal);
        Assert.Contains("Finish or roll back that upgrade with the configuration it started with", error.Message, StringComparison.Ordinal);
        Assert.Equal(calls, harness.Router.Calls.Count);
    }

    [Fact]
    public async Task ANewUpgrade_OverAFinishedJournal_IsToldToMoveItAside()
    {
        var harness = new EngineHarness();
        await harness.RunAsync();
        harness.Plan = harness.Plan with { From = "green", To = "blue" };

        var error = await Assert.ThrowsAsync<CutoverException>(() => harness.RunAsync());

        Assert.Contains("That upgrade has ended: move its journal aside to start a new one", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OperatorAction.Rollback, OutcomeKind.RolledBack, "rolled back")]
    [InlineData(OperatorAction.Abort, OutcomeKind.Aborted, "aborted")]
    public async Task RunningAgainAfterTheUpgradeEnded_SaysItHasEnded_WhenAndWhatToDo(OperatorAction action, OutcomeKind kind, string how)
    {
        // Given an upgrade that ended
        var harness = new EngineHarness();
        harness.SubmitWhen((e, _) => e is WeightsApplied { Step: 0 }, action);
        await harness.RunAsync();
        var events = (await harness.EventsAsync()).Count;
        var endedAt = (await harness.EventsAsync())[^1].At;
        harness.Clock.Advance(TimeSpan.FromHours(1));

        // When the engine runs again over its journal
        var again = await harness.RunAsync();

        // Then it says the upgrade has ended, when, and to move the journal aside, and changes nothing
        Assert.Equal(kind, again.Kind);
        Assert.StartsWith($"This upgrade has ended ({how} at {endedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z); move (in memory) aside to start a new one.", again.Reason, StringComparison.Ordinal);
        Assert.Equal(events, (await harness.EventsAsync()).Count);
    }

    [Fact]
    public async Task Cancelling_StopsWithoutARecordHalfDone_AndTheNextRunFinishes()
    {
        var harness = new EngineHarness();
        using var cancel = new CancellationTokenSource();
        harness.Observer.OnEvent = (entry, _) =>
        {
            if (entry.Event is WeightsApplied { Step: 1 })
            {
                cancel.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Clock.DriveAsync(() => harness.NewEngine().RunAsync(cancel.Token)));
        harness.Observer.OnEvent = null;
        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        Assert.Equal([0, 1, 2], outcome.State.CompletedSteps);
    }
}
