using System.Collections.Immutable;
using BlueGreen.Core.Gates;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Core.Engine;

/// <summary>An upgrade's state: the fold of its journal (<see cref="CutoverFold"/>). Immutable.</summary>
public sealed record CutoverState
{
    /// <summary>The state before any event.</summary>
    public static CutoverState Initial { get; } = new();

    /// <summary>Sequence number of the last event folded in; 0 before any.</summary>
    public long Sequence { get; init; }

    public CutoverPhase Phase { get; init; } = CutoverPhase.Pending;

    /// <summary>Whether the start was recorded.</summary>
    public bool Started { get; init; }

    public string From { get; init; } = string.Empty;

    public string To { get; init; } = string.Empty;

    public int StepCount { get; init; }

    /// <summary>Index of the final 100 % share step.</summary>
    public int FinalStep { get; init; }

    /// <summary>The upgrade's id as recorded at the start; operator requests made for another id are not applied.</summary>
    public string UpgradeId { get; init; } = string.Empty;

    /// <summary>The plan's description as recorded at the start.</summary>
    public string Plan { get; init; } = string.Empty;

    /// <summary>The step being worked on; -1 before the first.</summary>
    public int Step { get; init; } = -1;

    public StepProgress StepProgress { get; init; }

    /// <summary>The last weights set and verified (at the start: the weights found).</summary>
    public Weights? AppliedWeights { get; init; }

    /// <summary>Weights a started step is about to set.</summary>
    public Weights? PendingWeights { get; init; }

    /// <summary>Steps completed, in order; never contains a step twice.</summary>
    public ImmutableList<int> CompletedSteps { get; init; } = [];

    /// <summary>Gate time counted toward the current bake or verification window.</summary>
    public TimeSpan StageElapsed { get; init; }

    public int ConsecutiveFailures { get; init; }

    public int ConsecutiveInconclusive { get; init; }

    /// <summary>Consecutive intervals in which the live colour failed its gates.</summary>
    public int LiveConsecutiveFailures { get; init; }

    /// <summary>The verdict of the current stage's last interval.</summary>
    public GateVerdict? LastVerdict { get; init; }

    /// <summary>The candidate's last reading in the current stage.</summary>
    public GateReading? LastCandidate { get; init; }

    /// <summary>The live colour's last reading during the shift.</summary>
    public GateReading? LastLive { get; init; }

    /// <summary>An operator resumed the current approval step.</summary>
    public bool Approved { get; init; }

    public bool PromoteRequested { get; init; }

    public bool PromoteForce { get; init; }

    /// <summary>A promotion may take effect: forced, or an interval passed since it was requested.</summary>
    public bool PromoteReady { get; init; }

    public bool Promoted { get; init; }

    public DateTimeOffset? DrainStartedAt { get; init; }

    public bool RollbackWeightsApplied { get; init; }

    /// <summary>A completed upgrade's old colour is being (or was) torn down: the rollback window is closed.</summary>
    public DecommissionStarted? Decommission { get; init; }

    /// <summary>True when a completed upgrade may still be rolled back at once: its old colour has not been decommissioned.</summary>
    public bool InRollbackWindow => Phase is CutoverPhase.Completed && Decommission is null;

    /// <summary>Operator requests already handled, so each is applied exactly once.</summary>
    public ImmutableHashSet<string> HandledRequests { get; init; } = [];

    public bool IsTerminal => Phase.IsTerminal;

    /// <summary>The phase, looking through a pause to what it holds.</summary>
    public CutoverPhase Underlying => Phase is CutoverPhase.Paused paused ? paused.Underlying : Phase;

    /// <summary>
    /// Inconsistencies that no fold of a valid journal can produce; empty for a valid state.
    /// The property tests hold every prefix of every run to this.
    /// </summary>
    public IReadOnlyList<string> Invariants()
    {
        var broken = new List<string>();
        if (!Started && (Sequence > 0 || Phase != CutoverPhase.Pending))
        {
            broken.Add("events before the start");
        }

        if (Started && (Step < -1 || Step >= StepCount))
        {
            broken.Add($"step {Step} outside 0..{StepCount - 1}");
        }

        if (CompletedSteps.Distinct().Count() != CompletedSteps.Count)
        {
            broken.Add("a step completed twice");
        }

        if (CompletedSteps.Zip(CompletedSteps.Skip(1)).Any(p => p.First >= p.Second))
        {
            broken.Add("steps completed out of order");
        }

        if (Phase is CutoverPhase.Shifting shifting && shifting.Step != Step)
        {
            broken.Add($"phase shifts step {shifting.Step} but the state is at step {Step}");
        }

        if (Phase is CutoverPhase.Paused { Underlying: CutoverPhase.Paused or CutoverPhase.Completed or CutoverPhase.RolledBack or CutoverPhase.Aborted })
        {
            broken.Add("a pause over a pause or a finished upgrade");
        }

        if (PendingWeights is not null && StepProgress != StepProgress.Started)
        {
            broken.Add("pending weights outside a started step");
        }

        if (Started && AppliedWeights is null)
        {
            broken.Add("no applied weights after the start");
        }

        if (Phase is CutoverPhase.Completed && (AppliedWeights is null || AppliedWeights.Share(To) < 1.0))
        {
            broken.Add("completed without all traffic on the candidate");
        }

        if (Phase is CutoverPhase.RolledBack or CutoverPhase.Aborted && (!RollbackWeightsApplied || AppliedWeights is null || AppliedWeights.Share(From) < 1.0))
        {
            broken.Add("rolled back without all traffic on the live colour");
        }

        if (ConsecutiveFailures < 0 || ConsecutiveInconclusive < 0 || StageElapsed < TimeSpan.Zero)
        {
            broken.Add("negative gate counters");
        }

        return broken;
    }
}
