using System.Globalization;
using BlueGreen.Core.Gates;

namespace BlueGreen.Core.Engine;

/// <summary>Derives an upgrade's state from its events. Pure: the same events always give the same state.</summary>
public static class CutoverFold
{
    /// <summary>The state after all <paramref name="events"/>, from <see cref="CutoverState.Initial"/>.</summary>
    /// <exception cref="InvalidOperationException">An event cannot follow the ones before it.</exception>
    public static CutoverState Fold(IEnumerable<CutoverEvent> events) => events.Aggregate(CutoverState.Initial, Apply);

    /// <summary>The state after <paramref name="evt"/>.</summary>
    /// <exception cref="InvalidOperationException">The event cannot follow <paramref name="state"/>; the message says why.</exception>
    public static CutoverState Apply(CutoverState state, CutoverEvent evt)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(evt);
        if (!state.Started && evt is not CutoverStarted)
        {
            throw new InvalidOperationException($"a '{evt.GetType().Name}' event comes before the upgrade's start");
        }

        if (state.Started && evt is CutoverStarted)
        {
            throw new InvalidOperationException("the upgrade starts a second time");
        }

        if (state.IsTerminal && !AfterCompletion(state, evt))
        {
            throw new InvalidOperationException($"a '{evt.GetType().Name}' event comes after the upgrade ended ({state.Phase.Name})");
        }

        var next = state with { Sequence = state.Sequence + 1 };
        return evt switch
        {
            CutoverStarted started => next with
            {
                Started = true,
                UpgradeId = started.UpgradeId ?? started.At.ToString("O", CultureInfo.InvariantCulture),
                From = started.From,
                To = started.To,
                StepCount = started.StepCount,
                FinalStep = Require(started.FinalStep, started.FinalStep >= 0 && started.FinalStep < started.StepCount, "the final step is outside the plan"),
                Plan = started.Plan,
                AppliedWeights = started.InitialWeights,
            },
            VerificationStarted => ResetStage(next) with { Phase = new CutoverPhase.VerifyingCandidate() },
            IntervalEvaluated interval => ApplyInterval(next, interval),
            VerificationPassed => ResetStage(next) with { Phase = new CutoverPhase.Shifting(0, false), Step = 0, StepProgress = StepProgress.None },
            StepStarted started => StartStep(next, started),
            WeightsApplied applied => next with
            {
                Step = Require(applied.Step, applied.Step == state.Step && state.StepProgress == StepProgress.Started, $"weights of step {applied.Step} applied while at step {state.Step} ({state.StepProgress})"),
                Phase = new CutoverPhase.Shifting(applied.Step, true),
                StepProgress = StepProgress.Applied,
                AppliedWeights = applied.Weights,
                PendingWeights = null,
            },
            StepCompleted completed => CompleteStep(next, completed.Step),
            CutoverPaused paused => next with
            {
                Phase = state.Phase is CutoverPhase.Paused
                    ? throw new InvalidOperationException("the upgrade pauses while already paused")
                    : new CutoverPhase.Paused(paused.Reason, paused.Detail, state.Phase),
            },
            OperatorRequestReceived received => OperatorRules.Apply(next, received.Request).State with
            {
                HandledRequests = next.HandledRequests.Add(received.Request.Id),
            },
            PromotionApplied => Promote(next),
            DrainStarted drain => next with { Phase = new CutoverPhase.Draining(), DrainStartedAt = drain.At },
            CutoverCompleted => next with
            {
                Phase = state.Phase is CutoverPhase.Draining ? new CutoverPhase.Completed() : throw new InvalidOperationException("the upgrade completes without draining"),
            },
            DecommissionStarted decommission => next with
            {
                Decommission = Require(decommission, decommission.Colour == state.From, $"the decommission of '{decommission.Colour}' is recorded, but the upgrade moved traffic away from '{state.From}'"),
            },
            RollbackStarted rollback => next with { Phase = new CutoverPhase.RollingBack(rollback.Reason, rollback.Abort), RollbackWeightsApplied = false },
            RollbackWeightsApplied applied => next with { AppliedWeights = applied.Weights, RollbackWeightsApplied = true },
            RollbackCompleted => next with
            {
                Phase = state.Phase switch
                {
                    CutoverPhase.RollingBack { Abort: true } rollingBack when state.RollbackWeightsApplied => new CutoverPhase.Aborted(rollingBack.Reason),
                    CutoverPhase.RollingBack rollingBack when state.RollbackWeightsApplied => new CutoverPhase.RolledBack(rollingBack.Reason),
                    _ => throw new InvalidOperationException("the rollback completes before its weights were applied"),
                },
            },
            _ => throw new InvalidOperationException($"unknown event '{evt.GetType().Name}'"),
        };
    }

    // A completed upgrade takes two more events: its old colour's decommission (which closes the rollback window),
    // and, while the window is open, a rollback, which the engine then finishes as any other.
    private static bool AfterCompletion(CutoverState state, CutoverEvent evt) => evt switch
    {
        DecommissionStarted => state.Phase is CutoverPhase.Completed && state.Decommission is null,
        RollbackStarted { Abort: false } => state.InRollbackWindow,
        _ => false,
    };

    private static CutoverState ApplyInterval(CutoverState state, IntervalEvaluated interval)
    {
        var verdict = interval.Candidate.Verdict;
        var length = interval.At - interval.Start;
        return state with
        {
            StageElapsed = interval.Counted && length > TimeSpan.Zero ? state.StageElapsed + length : state.StageElapsed,
            ConsecutiveFailures = verdict switch
            {
                GateVerdict.Fail => state.ConsecutiveFailures + 1,
                GateVerdict.Pass => 0,
                _ => state.ConsecutiveFailures,
            },
            ConsecutiveInconclusive = verdict == GateVerdict.Inconclusive ? state.ConsecutiveInconclusive + 1 : 0,
            LiveConsecutiveFailures = interval.Live?.Verdict switch
            {
                GateVerdict.Fail => state.LiveConsecutiveFailures + 1,
                GateVerdict.Pass => 0,
                _ => state.LiveConsecutiveFailures,
            },
            LastVerdict = verdict,
            LastCandidate = interval.Candidate,
            LastLive = interval.Live ?? state.LastLive,
            PromoteReady = state.PromoteReady || (state.PromoteRequested && verdict == GateVerdict.Pass),
        };
    }

    private static CutoverState StartStep(CutoverState state, StepStarted started)
    {
        var step = started.Step;
        if (step < 0 || step >= state.StepCount || state.CompletedSteps.Contains(step) || (state.CompletedSteps.Count > 0 && step < state.CompletedSteps[^1]))
        {
            throw new InvalidOperationException($"step {step} starts, but the plan has {state.StepCount} steps and steps {string.Join(", ", state.CompletedSteps)} are done");
        }

        return ResetStage(state) with
        {
            Phase = new CutoverPhase.Shifting(step, started.Weights is null),
            Step = step,
            StepProgress = started.Weights is null ? StepProgress.Applied : StepProgress.Started,
            PendingWeights = started.Weights,
            Approved = false,
        };
    }

    private static CutoverState CompleteStep(CutoverState state, int step)
    {
        if (step != state.Step || state.CompletedSteps.Contains(step) || state.StepProgress != StepProgress.Applied)
        {
            throw new InvalidOperationException($"step {step} completes while the upgrade is at step {state.Step} ({state.StepProgress})");
        }

        var done = state with { CompletedSteps = state.CompletedSteps.Add(step), PendingWeights = null };
        return !state.Promoted && step + 1 < state.StepCount
            ? ResetStage(done) with { Step = step + 1, StepProgress = StepProgress.None, Phase = new CutoverPhase.Shifting(step + 1, false), Approved = false }
            : done with { StepProgress = StepProgress.Done, Phase = new CutoverPhase.Shifting(step, false) };
    }

    private static CutoverState Promote(CutoverState state)
    {
        var promoted = state with { Promoted = true, PromoteRequested = true };

        // Once the final share step has started, all traffic is on its way to the candidate: the promotion
        // finishes the step in hand (a pause or an approval after the final step included) and drains.
        if (state.Step > state.FinalStep || (state.Step == state.FinalStep && state.StepProgress != StepProgress.None))
        {
            return promoted with { Phase = new CutoverPhase.Shifting(state.Step, state.StepProgress == StepProgress.Applied) };
        }

        return ResetStage(promoted) with
        {
            Step = state.FinalStep,
            StepProgress = StepProgress.None,
            PendingWeights = null,
            Phase = new CutoverPhase.Shifting(state.FinalStep, false),
        };
    }

    private static CutoverState ResetStage(CutoverState state) => state with
    {
        StageElapsed = TimeSpan.Zero,
        ConsecutiveFailures = 0,
        ConsecutiveInconclusive = 0,
        LastVerdict = null,
        LastCandidate = null,
    };

    private static T Require<T>(T value, bool condition, string problem) =>
        condition ? value : throw new InvalidOperationException(problem);
}
