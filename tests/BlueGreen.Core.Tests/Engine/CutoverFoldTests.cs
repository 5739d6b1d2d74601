using BlueGreen.Core.Engine;
using BlueGreen.Core.Gates;
using BlueGreen.Core.Metrics;
using BlueGreen.Core.Operators;
using BlueGreen.Core.Tests.Journal;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Core.Tests.Engine;

public sealed partial class CutoverFoldTests
{
    private static readonly DateTimeOffset At = JournalSamples.At;

    private static CutoverState Started() => CutoverFold.Fold(JournalSamples.Events.Take(1));

    private static GateReading Reading(GateVerdict verdict) => new(verdict, IntervalMetrics.Empty, verdict.ToString());

    [Fact]
    public void TheSampleJournal_FoldsToShiftingStepOne_WithItsWeightsApplied()
    {
        var state = CutoverFold.Fold(JournalSamples.Events);

        Assert.Equal(new CutoverPhase.Shifting(0, true), state.Phase);
        Assert.Equal(Weights.ForShare("blue", "green", 10), state.AppliedWeights);
        Assert.Equal(5, state.Sequence);
        Assert.Empty(state.Invariants());
    }

    [Fact]
    public void AnEventBeforeTheStart_IsRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CutoverFold.Apply(CutoverState.Initial, new VerificationStarted { At = At }));

        Assert.Contains("comes before the upgrade's start", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASecondStart_IsRefused()
    {
        Assert.Throws<InvalidOperationException>(() => CutoverFold.Apply(Started(), JournalSamples.Events[0]));
    }

    [Fact]
    public void AnEventAfterTheEnd_IsRefused()
    {
        var ended = CutoverFold.Fold(
        [
            .. JournalSamples.Events,
            new RollbackStarted("test", Abort: false) { At = At },
            new RollbackWeightsApplied(JournalSamples.Initial) { At = At },
            new RollbackCompleted { At = At },
        ]);

        var error = Assert.Throws<InvalidOperationException>(() => CutoverFold.Apply(ended, new DrainStarted { At = At }));

        Assert.IsType<CutoverPhase.RolledBack>(ended.Phase);
        Assert.Contains("after the upgrade ended (RolledBack)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompletingWithoutDraining_IsRefused()
    {
        Assert.Throws<InvalidOperationException>(() => CutoverFold.Apply(CutoverFold.Fold(JournalSamples.Events), new CutoverCompleted { At = At }));
    }

    [Fact]
    public void ARollbackCompletingBeforeItsWeights_IsRefused()
    {
        var rollingBack = CutoverFold.Apply(Started(), new RollbackStarted("test", Abort: true) { At = At });

        Assert.Throws<InvalidOperationException>(() => CutoverFold.Apply(rollingBack, new RollbackCompleted { At = At }));
    }

    [Fact]
    public void AStepCompletedTwice_OrStartedAgain_IsRefused()
    {
        var done = CutoverFold.Apply(CutoverFold.Fold(JournalSamples.Events), new StepCompleted(0) { At = At });

        Assert.Throws<InvalidOperationException>(() => CutoverFold.Apply(done, new StepCompleted(0) { At = At }));
        Assert.Throws<InvalidOperationException>(() => CutoverFold.Apply(done, new StepStarted(0, null) { At = At }));
        Assert.Throws<InvalidOperationException>(() => CutoverFold.Apply(done, new StepStarted(2, null) { At = At }));
    }

    [Fact]
    public void WeightsAppliedForAnotherStep_AreRefused()
    {
        var state = CutoverFold.Fold(JournalSamples.Events.Take(4));

        Assert.Throws<InvalidOperationException>(() => CutoverFold.Apply(state, new WeightsApplied(1, JournalSamples.Initial) { At = At }));
    }

    [Fact]
    public void Intervals_CountFailuresAndInconclusives_AndOnlyCountedOnesAddToTheBake()
    {
        var state = CutoverFold.Fold(JournalSamples.Events);
        IntervalEvaluated Interval(GateVerdict verdict, bool counted = true) => new(0, At, Reading(verdict), null, counted) { At = At.AddSeconds(30) };

        state = CutoverFold.Apply(state, Interval(GateVerdict.Fail));
        state = CutoverFold.Apply(state, Interval(GateVerdict.Inconclusive));
        state = CutoverFold.Apply(state, Interval(GateVerdict.Fail, counted: false));

        Assert.Equal(2, state.ConsecutiveFailures);
        Assert.Equal(0, state.ConsecutiveInconclusive);
        Assert.Equal(TimeSpan.FromSeconds(60), state.StageElapsed);
        state = CutoverFold.Apply(state, Interval(GateVerdict.Pass));
        Assert.Equal(0, state.ConsecutiveFailures);
    }

    [Fact]
    public void APauseRemembersWhatItHolds_AndAResumeReturnsToIt()
    {
        var shifting = CutoverFold.Fold(JournalSamples.Events);
        var paused = CutoverFold.Apply(shifting, new CutoverPaused(PauseReason.Inconclusive, "no data") { At = At });
        var resumed = CutoverFold.Apply(paused, new OperatorRequestReceived(new("r1", OperatorAction.Resume, false, "ops", At)) { At = At });

        Assert.Equal(new CutoverPhase.Paused(PauseReason.Inconclusive, "no data", shifting.Phase), paused.Phase);
        Assert.Equal(shifting.Phase, resumed.Phase);
        Assert.Contains("r1", resumed.HandledRequests);
        Assert.Throws<InvalidOperationException>(() => CutoverFold.Apply(paused, new CutoverPaused(PauseReason.Operator, "again") { At = At }));
    }

    [Fact]
    public void APromotion_JumpsToTheFinalStep_SkippingTheOthers()
    {
        var promoted = CutoverFold.Apply(CutoverFold.Fold(JournalSamples.Events), new PromotionApplied(false) { At = At });

        Assert.Equal(new CutoverPhase.Shifting(1, false), promoted.Phase);
        Assert.Equal(StepProgress.None, promoted.StepProgress);
        Assert.True(promoted.Promoted);
    }

    [Fact]
    public void APromotion_DuringAStepAfterTheFinalShareStep_FinishesThatStep_AndTheDrainCanStart()
    {
        // Given a plan of 10 %, 100 %, then an approval, at the approval
        var w10 = Weights.ForShare("blue", "green", 10);
        var w100 = Weights.ForShare("blue", "green", 100);
        var atApproval = CutoverFold.Fold(
        [
            new CutoverStarted("blue", "green", 3, 1, "plan", JournalSamples.Initial) { At = At },
            new VerificationStarted { At = At },
            new VerificationPassed { At = At },
            new StepStarted(0, w10) { At = At },
            new WeightsApplied(0, w10) { At = At },
            new StepCompleted(0) { At = At },
            new StepStarted(1, w100) { At = At },
            new WeightsApplied(1, w100) { At = At },
            new StepCompleted(1) { At = At },
            new StepStarted(2, null) { At = At },
        ]);

        // When a promotion takes effect
        var promoted = CutoverFold.Apply(atApproval, new PromotionApplied(true) { At = At });

        // Then the approval step stays in hand, and completing it leads to the drain
        Assert.Equal(new CutoverPhase.Shifting(2, true), promoted.Phase);
        Assert.Equal(StepProgress.Applied, promoted.StepProgress);
        var done = CutoverFold.Apply(promoted, new StepCompleted(2) { At = At });
        Assert.Equal(StepProgress.Done, done.StepProgress);
        var draining = CutoverFold.Apply(done, new DrainStarted { At = At });
        Assert.IsType<CutoverPhase.Draining>(draining.Phase);
        Assert.Equal([0, 1, 2], draining.CompletedSteps);
        Assert.Empty(draining.Invariants());
    }
}
