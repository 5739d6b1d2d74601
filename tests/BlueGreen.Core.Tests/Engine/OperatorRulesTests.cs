using BlueGreen.Core.Engine;
using BlueGreen.Core.Operators;
using BlueGreen.Core.Tests.Journal;

namespace BlueGreen.Core.Tests.Engine;

public sealed class OperatorRulesTests
{
    private static readonly CutoverState Shifting = CutoverFold.Fold(JournalSamples.Events);

    private static OperatorRequest Request(OperatorAction action, bool force = false) => new("r", action, force, "alice@build-7 (pid 1)", JournalSamples.At);

    private static CutoverState Draining => Shifting with { Phase = new CutoverPhase.Draining(), StepProgress = StepProgress.Done };

    [Fact]
    public void Pause_HoldsTheCurrentPhase_NamingWhoAsked()
    {
        var (state, ignored) = OperatorRules.Apply(Shifting, Request(OperatorAction.Pause));

        Assert.Null(ignored);
        Assert.Equal(new CutoverPhase.Paused(PauseReason.Operator, "paused by alice@build-7 (pid 1)", Shifting.Phase), state.Phase);
    }

    [Theory]
    [InlineData(OperatorAction.Pause, "all traffic is already on the candidate; the drain only waits")]
    [InlineData(OperatorAction.Promote, "all traffic is already on the candidate")]
    [InlineData(OperatorAction.Resume, "the upgrade is not paused")]
    public void RequestsThatMeanNothingWhileDraining_AreIgnoredWithAReason(OperatorAction action, string reason)
    {
        var (state, ignored) = OperatorRules.Apply(Draining, Request(action));

        Assert.Equal(Draining.Phase, state.Phase);
        Assert.StartsWith(reason, ignored, StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_OfAnApprovalPause_ApprovesTheStep()
    {
        var waiting = Shifting with { Phase = new CutoverPhase.Paused(PauseReason.Approval, "sign off", Shifting.Phase) };

        var (state, _) = OperatorRules.Apply(waiting, Request(OperatorAction.Resume));

        Assert.True(state.Approved);
        Assert.Equal(Shifting.Phase, state.Phase);
    }

    [Fact]
    public void Promote_OfAPausedUpgrade_ResumesIt_AndForceMakesItReadyAtOnce()
    {
        var paused = Shifting with { Phase = new CutoverPhase.Paused(PauseReason.Operator, "x", Shifting.Phase) };

        var (plain, _) = OperatorRules.Apply(paused, Request(OperatorAction.Promote));
        var (forced, _) = OperatorRules.Apply(paused, Request(OperatorAction.Promote, force: true));

        Assert.Equal(Shifting.Phase, plain.Phase);
        Assert.True(plain.PromoteRequested);
        Assert.False(plain.PromoteReady);
        Assert.True(forced.PromoteReady);
    }

    [Theory]
    [InlineData(OperatorAction.Abort, true, "aborted by alice@build-7 (pid 1)")]
    [InlineData(OperatorAction.Rollback, false, "rolled back by alice@build-7 (pid 1)")]
    public void AbortAndRollback_StartRollingBack_FromAnyLivePhase(OperatorAction action, bool abort, string reason)
    {
        foreach (var from in new[] { Shifting, Draining, Shifting with { Phase = new CutoverPhase.Paused(PauseReason.Approval, "x", Shifting.Phase) } })
        {
            var (state, ignored) = OperatorRules.Apply(from, Request(action));

            Assert.Null(ignored);
            Assert.Equal(new CutoverPhase.RollingBack(reason, abort), state.Phase);
        }
    }

    [Fact]
    public void NothingApplies_WhileRollingBack_OrAfterTheEnd()
    {
        var rollingBack = Shifting with { Phase = new CutoverPhase.RollingBack("x", false) };
        var completed = Shifting with { Phase = new CutoverPhase.Completed() };

        Assert.Equal("the upgrade is rolling back", OperatorRules.Apply(rollingBack, Request(OperatorAction.Abort)).Ignored);
        Assert.Equal("the upgrade already ended (Completed)", OperatorRules.Apply(completed, Request(OperatorAction.Rollback)).Ignored);
    }
}
