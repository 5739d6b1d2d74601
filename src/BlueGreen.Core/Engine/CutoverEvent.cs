using System.Text.Json.Serialization;
using BlueGreen.Core.Gates;
using BlueGreen.Core.Operators;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Core.Engine;

/// <summary>
/// A recorded fact about an upgrade; the state is the fold of these. Closed hierarchy: the JSON
/// <c>type</c> names below are the journal format, so a name never changes meaning.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(CutoverStarted), "started")]
[JsonDerivedType(typeof(VerificationStarted), "verificationStarted")]
[JsonDerivedType(typeof(IntervalEvaluated), "interval")]
[JsonDerivedType(typeof(VerificationPassed), "verificationPassed")]
[JsonDerivedType(typeof(StepStarted), "stepStarted")]
[JsonDerivedType(typeof(WeightsApplied), "weightsApplied")]
[JsonDerivedType(typeof(StepCompleted), "stepCompleted")]
[JsonDerivedType(typeof(CutoverPaused), "paused")]
[JsonDerivedType(typeof(OperatorRequestReceived), "operatorRequest")]
[JsonDerivedType(typeof(PromotionApplied), "promoted")]
[JsonDerivedType(typeof(DrainStarted), "drainStarted")]
[JsonDerivedType(typeof(CutoverCompleted), "completed")]
[JsonDerivedType(typeof(RollbackStarted), "rollbackStarted")]
[JsonDerivedType(typeof(RollbackWeightsApplied), "rollbackWeightsApplied")]
[JsonDerivedType(typeof(RollbackCompleted), "rolledBack")]
[JsonDerivedType(typeof(DecommissionStarted), "decommissionStarted")]
public abstract record CutoverEvent
{
    private protected CutoverEvent()
    {
    }

    /// <summary>When it happened, by the engine's clock.</summary>
    public required DateTimeOffset At { get; init; }
}

/// <summary>The upgrade began: the plan (as <see cref="Plans.CutoverPlan.Describe"/>) and the weights found.</summary>
/// <param name="From">The live colour.</param>
/// <param name="To">The candidate colour.</param>
/// <param name="StepCount">Number of steps in the plan.</param>
/// <param name="FinalStep">Index of the final 100 % share step, where a promotion jumps to.</param>
/// <param name="Plan">The plan's description.</param>
/// <param name="InitialWeights">The weights found before anything changed.</param>
public sealed record CutoverStarted(string From, string To, int StepCount, int FinalStep, string Plan, Weights InitialWeights) : CutoverEvent
{
    /// <summary>This upgrade's id, which operator requests name to be applied to it; null in journals that predate it (the start time then stands in).</summary>
    public string? UpgradeId { get; init; }
}

/// <summary>The candidate's verification window at 0 % began.</summary>
public sealed record VerificationStarted : CutoverEvent;

/// <summary>One gate interval [Start, At) judged.</summary>
/// <param name="Step">The step, or -1 during verification.</param>
/// <param name="Start">Start of the interval.</param>
/// <param name="Candidate">The candidate's verdict.</param>
/// <param name="Live">The live colour's verdict during a shift; null during verification.</param>
/// <param name="Counted">Whether the interval counts toward the bake (not while paused).</param>
public sealed record IntervalEvaluated(int Step, DateTimeOffset Start, GateReading Candidate, GateReading? Live, bool Counted) : CutoverEvent;

/// <summary>The candidate passed its verification window.</summary>
public sealed record VerificationPassed : CutoverEvent;

/// <summary>A step began; for a share step, <paramref name="Weights"/> are about to be set.</summary>
public sealed record StepStarted(int Step, Weights? Weights) : CutoverEvent;

/// <summary>A share step's weights were set and verified; its bake begins.</summary>
public sealed record WeightsApplied(int Step, Weights Weights) : CutoverEvent;

/// <summary>A step is done and will never be applied again.</summary>
public sealed record StepCompleted(int Step) : CutoverEvent;

/// <summary>The engine paused on its own: an approval step, or too many inconclusive intervals.</summary>
public sealed record CutoverPaused(PauseReason Reason, string Detail) : CutoverEvent;

/// <summary>An operator request was taken from the inbox; its effect is part of the fold.</summary>
public sealed record OperatorRequestReceived(OperatorRequest Request) : CutoverEvent;

/// <summary>A promotion took effect: the remaining steps are skipped for the final 100 % step, then the drain.</summary>
public sealed record PromotionApplied(bool Force) : CutoverEvent;

/// <summary>All traffic is on the candidate; the drain began.</summary>
public sealed record DrainStarted : CutoverEvent;

/// <summary>The drain ended; the old colour may be decommissioned.</summary>
public sealed record CutoverCompleted : CutoverEvent;

/// <summary>A rollback began; <paramref name="Abort"/> makes it end as aborted rather than rolled back.</summary>
public sealed record RollbackStarted(string Reason, bool Abort) : CutoverEvent;

/// <summary>The rollback weights were set and verified.</summary>
public sealed record RollbackWeightsApplied(Weights Weights) : CutoverEvent;

/// <summary>The live colour serves all traffic again.</summary>
public sealed record RollbackCompleted : CutoverEvent;

/// <summary>
/// The old colour's teardown began after the upgrade completed: from now on the rollback window is closed, since
/// the colour traffic would go back to is being deleted.
/// </summary>
/// <param name="Colour">The colour being torn down.</param>
public sealed record DecommissionStarted(string Colour) : CutoverEvent;
