using System.Globalization;
using BlueGreen.Core.Engine;

namespace BlueGreen.Sandbox.Rehearsal;

/// <summary>Engine events as sentences for the live view and the report.</summary>
public static class EventText
{
    public static string Describe(CutoverEvent cutoverEvent, CutoverState state) => cutoverEvent switch
    {
        CutoverStarted started => $"upgrade {started.From} -> {started.To} started with weights {started.InitialWeights}",
        VerificationStarted => $"verifying {state.To} on its own name at 0 %",
        IntervalEvaluated interval => string.Create(CultureInfo.InvariantCulture, $"{(interval.Step < 0 ? "verification" : $"step {interval.Step + 1}")} interval: {state.To} {interval.Candidate.Verdict} ({interval.Candidate.Reason})"),
        VerificationPassed => $"{state.To} passed verification",
        StepStarted step => string.Create(CultureInfo.InvariantCulture, $"step {step.Step + 1} started{(step.Weights is null ? string.Empty : $": weights {step.Weights}")}"),
        WeightsApplied applied => string.Create(CultureInfo.InvariantCulture, $"step {applied.Step + 1}: weights {applied.Weights} in effect"),
        StepCompleted completed => string.Create(CultureInfo.InvariantCulture, $"step {completed.Step + 1} completed"),
        CutoverPaused paused => $"paused ({paused.Reason}): {paused.Detail}",
        OperatorRequestReceived request => $"operator {request.Request.Action} from {request.Request.RequestedBy}",
        PromotionApplied promoted => promoted.Force ? "promoted (forced)" : "promoted",
        DrainStarted => $"all traffic on {state.To}; draining",
        CutoverCompleted => $"drained; {state.From} may be decommissioned",
        RollbackStarted rollback => $"{(rollback.Abort ? "abort" : "rollback")} started: {rollback.Reason}",
        RollbackWeightsApplied weights => $"rollback weights {weights.Weights} in effect",
        RollbackCompleted => $"rolled back: all traffic on {state.From}",
        _ => cutoverEvent.GetType().Name,
    };
}
