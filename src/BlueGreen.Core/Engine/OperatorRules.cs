using BlueGreen.Core.Operators;

namespace BlueGreen.Core.Engine;

/// <summary>What an operator request does to an upgrade's state, or why it does nothing.</summary>
public static class OperatorRules
{
    /// <summary>The state after <paramref name="request"/>, and the reason when it is ignored (null when it took effect).</summary>
    public static (CutoverState State, string? Ignored) Apply(CutoverState state, OperatorRequest request)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(request);
        var phase = state.Phase;
        if (phase.IsTerminal)
        {
            return (state, $"the upgrade already ended ({phase.Name})");
        }

        if (phase is CutoverPhase.RollingBack)
        {
            return (state, "the upgrade is rolling back");
        }

        return request.Action switch
        {
            OperatorAction.Pause => phase switch
            {
                CutoverPhase.Paused => (state, "the upgrade is already paused"),
                CutoverPhase.Draining => (state, "all traffic is already on the candidate; the drain only waits for caches to expire"),
                _ => (state with { Phase = new CutoverPhase.Paused(PauseReason.Operator, $"paused by {request.RequestedBy}", phase) }, null),
            },
            OperatorAction.Resume => phase is CutoverPhase.Paused paused
                ? (state with { Phase = paused.Underlying, ConsecutiveInconclusive = 0, Approved = state.Approved || paused.Reason == PauseReason.Approval }, null)
                : (state, "the upgrade is not paused"),
            OperatorAction.Promote => phase is CutoverPhase.Draining || state.StepProgress == StepProgress.Done
                ? (state, "all traffic is already on the candidate")
                : (state with
                {
                    Phase = state.Underlying,
                    PromoteRequested = true,
                    PromoteForce = state.PromoteForce || request.Force,
                    PromoteReady = state.PromoteReady || request.Force,
                    ConsecutiveInconclusive = 0,
                }, null),
            OperatorAction.Abort or OperatorAction.Rollback => (state with
            {
                Phase = new CutoverPhase.RollingBack($"{(request.Action == OperatorAction.Abort ? "aborted" : "rolled back")} by {request.RequestedBy}", request.Action == OperatorAction.Abort),
                RollbackWeightsApplied = false,
            }, null),
            _ => (state, $"unknown action {request.Action}"),
        };
    }
}
