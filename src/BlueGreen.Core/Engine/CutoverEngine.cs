using BlueGreen.Core.Gates;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Locking;
using BlueGreen.Core.Metrics;
using BlueGreen.Core.Plans;
using BlueGreen.Core.Text;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Core.Engine;

/// <summary>
/// Runs one upgrade's plan: verifies the candidate at 0 %, shifts traffic step by step under the
/// gates, drains, and rolls back when the gates or an operator say so. Every decision is recorded
/// in the journal before it counts as done, so a new engine over the same journal resumes where
/// this one stopped and never applies a step twice.
/// </summary>
public sealed partial class CutoverEngine
{
    private readonly CutoverPlan _plan;
    private readonly CutoverServices _services;
    private readonly CutoverEngineOptions _options;
    private readonly TimeProvider _time;
    private CutoverJournal? _journal;
    private LockInfo? _lease;
    private DateTimeOffset _lastHeartbeat;

    /// <exception cref="PlanException">The plan cannot run; lists every problem.</exception>
    public CutoverEngine(CutoverPlan plan, CutoverServices services, CutoverEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(services);
        var problems = plan.Problems();
        if (problems.Count > 0)
        {
            throw new PlanException(problems);
        }

        _plan = plan;
        _services = services;
        _options = options ?? new CutoverEngineOptions();
        _time = services.Time;
    }

    /// <summary>The state as the journal has it; <see cref="CutoverState.Initial"/> before the run opened it.</summary>
    public CutoverState State => _journal?.State ?? CutoverState.Initial;

    /// <summary>
    /// Takes the lock, opens (or resumes) the journal and drives the upgrade until it ends, fails,
    /// or (with <see cref="CutoverEngineOptions.StopWhenPaused"/>) pauses. Releases the lock on return.
    /// </summary>
    /// <exception cref="LockHeldException">Another operator holds the lock.</exception>
    /// <exception cref="GateCheckException">A gate check cannot run (before anything is recorded).</exception>
    /// <exception cref="CutoverException">The journal is damaged, written by someone else, or records another plan; the weights are not where an upgrade starts.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the journal is consistent and a later run resumes.</exception>
    public async Task<CutoverOutcome> RunAsync(CancellationToken cancellationToken)
    {
        _lease = await _services.Lock.AcquireAsync(_options.Holder, _options.LockTtl, cancellationToken);
        _lastHeartbeat = _time.GetUtcNow();
        try
        {
            _journal = await CutoverJournal.OpenAsync(_services.Journal, cancellationToken);
            foreach (var warning in _journal.Warnings)
            {
                Notify(NoticeKind.Warning, warning);
            }

            var state = _journal.State;
            if (state.Started && state.Plan != _plan.Describe())
            {
                throw new CutoverException(
                    $"The journal {_services.Journal.Location} records an upgrade with another plan ({state.Plan}) than the configuration's ({_plan.Describe()}). "
                    + (state.IsTerminal
                        ? "That upgrade has ended: move its journal aside to start a new one."
                        : "Finish or roll back that upgrade with the configuration it started with."));
            }

            if (state.IsTerminal)
            {
                // Leftover requests are removed with a notice, so they never reach a later upgrade.
                await HandleRequestsAsync(cancellationToken);
                return EndedBefore(state);
            }

            if (state.Started)
            {
                Notify(NoticeKind.Resumed, $"Resuming the upgrade {state.From} -> {state.To} from the journal at event {state.Sequence}: {state.Phase.Name}.");
                await ReassertAsync(cancellationToken);
            }

            while (true)
            {
                var outcome = await AdvanceAsync(cancellationToken);
                if (outcome is not null)
                {
                    return outcome;
                }
            }
        }
        finally
        {
            await _services.Lock.ReleaseAsync(_lease, CancellationToken.None);
        }
    }

    // One decision: record an event, wait, or end the run with an outcome.
    private async Task<CutoverOutcome?> AdvanceAsync(CancellationToken cancellationToken)
    {
        if (!State.Started)
        {
            return await StartAsync(cancellationToken);
        }

        await HandleRequestsAsync(cancellationToken);
        await HeartbeatAsync(cancellationToken);
        var state = State;
        if (state.IsTerminal)
        {
            return OutcomeOf(state);
        }

        if (await EnforceGatesAsync(state))
        {
            return null;
        }

        switch (state.Phase)
        {
            case CutoverPhase.PendingPhase:
                return await BeginVerificationAsync(cancellationToken);
            case CutoverPhase.VerifyingCandidate:
                if (StageDone(state, _plan.Gates.Verification))
                {
                    await RecordAsync(new VerificationPassed { At = Now });
                }
                else
                {
                    await EvaluateIntervalAsync(counted: true, cancellationToken);
                }

                return null;
            case CutoverPhase.Shifting:
                await ShiftAsync(state, cancellationToken);
                return null;
            case CutoverPhase.Paused paused:
                if (_options.StopWhenPaused)
                {
                    return new CutoverOutcome(OutcomeKind.Paused, $"Paused ({paused.Reason}): {paused.Detail}. Run `bluegreen resume` to continue.", state);
                }

                // Gates keep watching a paused upgrade, so a failing candidate still rolls back; the bake clock stops.
                await EvaluateIntervalAsync(counted: false, cancellationToken);
                return null;
            case CutoverPhase.Draining:
                await DrainAsync(state, cancellationToken);
                return null;
            case CutoverPhase.RollingBack:
                return await RollBackAsync(state, cancellationToken);
            default:
                throw new InvalidOperationException($"The engine has no rule for the phase {state.Phase.Name}.");
        }
    }

    private async Task<CutoverOutcome?> StartAsync(CancellationToken cancellationToken)
    {
        var (weights, problem) = await ReadWeightsAsync(cancellationToken);
        if (weights is null)
        {
            return new CutoverOutcome(
                OutcomeKind.Failed,
                $"The service name's weights could not be read in {_options.WeightAttempts} attempts ({problem}). Nothing was changed; check access to the traffic router and run again.",
                State);
        }

        if (weights.Share(_plan.From) < 1.0)
        {
            throw new CutoverException(
                $"The service name's weights are {weights}, but an upgrade from '{_plan.From}' starts with all traffic on '{_plan.From}'. "
                + "Check traffic.live in the configuration, or finish the upgrade that moved traffic before starting another.");
        }

        // A check that cannot run (an alarm that does not exist) would never fail: refused before anything is recorded.
        var checkProblems = new List<string>();
        foreach (var check in _services.Checks)
        {
            checkProblems.AddRange(await check.ProblemsAsync(cancellationToken));
        }

        if (checkProblems.Count > 0)
        {
            throw new GateCheckException($"The gates cannot judge the candidate: {Sentences.List(checkProblems)}. No traffic was moved; fix gates.alarms in the configuration and run again.");
        }

        // Checked before anything is recorded: a candidate that is not ready leaves no upgrade behind to block the next command.
        var readiness = await CheckReadinessAsync(_plan.To, cancellationToken);
        if (!readiness.Ready)
        {
            return NotReady(readiness);
        }

        await DropLeftoverRequestsAsync(cancellationToken);
        var upgradeId = Guid.NewGuid().ToString("N")[..16];
        await RecordAsync(new CutoverStarted(_plan.From, _plan.To, _plan.Steps.Count, _plan.FinalShareStep, _plan.Describe(), weights) { At = Now, UpgradeId = upgradeId });
        await RecordAsync(new VerificationStarted { At = Now });
        return null;
    }

    // Only a journal that stopped between its start and the verification gets here (an engine killed in between).
    private async Task<CutoverOutcome?> BeginVerificationAsync(CancellationToken cancellationToken)
    {
        var readiness = await CheckReadinessAsync(_plan.To, cancellationToken);
        if (!readiness.Ready)
        {
            return NotReady(readiness);
        }

        await RecordAsync(new VerificationStarted { At = Now });
        return null;
    }

    private CutoverOutcome NotReady(Clusters.ClusterReadiness readiness) => new(
        OutcomeKind.Failed,
        $"The candidate '{_plan.To}' is not ready: {Sentences.List(readiness.Problems)}. No traffic was moved; fix the candidate and run again.",
        State);

    private async Task ShiftAsync(CutoverState state, CancellationToken cancellationToken)
    {
        var index = state.Step;
        var step = _plan.Steps[index];
        switch (state.StepProgress)
        {
            case StepProgress.None:
                await RecordAsync(new StepStarted(index, step is SetShareStep share ? _plan.WeightsFor(share.Percent) : null) { At = Now });
                break;
            case StepProgress.Started:
                var weights = state.PendingWeights!;
                if (await SetWeightsAsync(weights, cancellationToken) is { } problem)
                {
                    await RecordAsync(new RollbackStarted($"the weights {weights} of step {index + 1} did not take: {problem}", Abort: false) { At = Now });
                }
                else
                {
                    await RecordAsync(new WeightsApplied(index, weights) { At = Now });
                }

                break;
            case StepProgress.Applied when state.Promoted:
                await RecordAsync(new StepCompleted(index) { At = Now });
                break;
            case StepProgress.Applied when step is ApprovalStep approval:
                if (state.Approved)
                {
                    await RecordAsync(new StepCompleted(index) { At = Now });
                }
                else if (state.PromoteRequested)
                {
                    await EvaluateIntervalAsync(counted: true, cancellationToken);
                }
                else
                {
                    await RecordAsync(new CutoverPaused(PauseReason.Approval, approval.Reason) { At = Now });
                }

                break;
            case StepProgress.Applied:
                if (StageDone(state, _plan.BakeOf(index)))
                {
                    await RecordAsync(new StepCompleted(index) { At = Now });
                }
                else
                {
                    await EvaluateIntervalAsync(counted: true, cancellationToken);
                }

                break;
            case StepProgress.Done:
                await RecordAsync(new DrainStarted { At = Now });
                break;
        }
    }

    private async Task DrainAsync(CutoverState state, CancellationToken cancellationToken)
    {
        // The drain is wall-clock time: resolvers' caches expire whether or not an engine runs.
        var end = (state.DrainStartedAt ?? Now) + _plan.Drain;
        if (Now >= end)
        {
            await RecordAsync(new CutoverCompleted { At = Now });
        }
        else
        {
            await WaitAsync(end, cancellationToken);
        }
    }

    private async Task<CutoverOutcome?> RollBackAsync(CutoverState state, CancellationToken cancellationToken)
    {
        var weights = _plan.RollbackWeights;
        if (!state.RollbackWeightsApplied)
        {
            if (await SetWeightsAsync(weights, cancellationToken) is { } problem)
            {
                return new CutoverOutcome(
                    OutcomeKind.Failed,
                    $"The rollback could not set the weights {weights} in {_options.WeightAttempts} attempts: {Sentences.Clause(problem)}. Set the service name's records to {weights} by hand, then run `bluegreen rollback` to finish.",
                    State);
            }

            await RecordAsync(new RollbackWeightsApplied(weights) { At = Now });
        }

        var readiness = await CheckReadinessAsync(_plan.From, cancellationToken);
        if (!readiness.Ready)
        {
            return new CutoverOutcome(
                OutcomeKind.Failed,
                $"All traffic is back on '{_plan.From}', but '{_plan.From}' is not ready: {Sentences.List(readiness.Problems)}. Fix it, then run `bluegreen rollback` to finish.",
                State);
        }

        await RecordAsync(new RollbackCompleted { At = Now });
        return null;
    }

    private async Task EvaluateIntervalAsync(bool counted, CancellationToken cancellationToken)
    {
        var start = Now;
        if (!await WaitAsync(start + _plan.Gates.Interval, cancellationToken))
        {
            return;
        }

        var end = Now;
        var state = State;
        var weights = state.AppliedWeights ?? _plan.RollbackWeights;

        // At 0 % the candidate has no user traffic, so it is judged on its own probes.
        var scope = weights.Share(_plan.To) > 0 ? MetricScope.UserTraffic : MetricScope.DirectProbes;
        var candidate = await ReadGateAsync(_plan.To, scope, start, end, cancellationToken);
        if (_services.Checks.Count > 0)
        {
            candidate = GateReading.AllMustPass([candidate, .. await RunChecksAsync(start, end, cancellationToken)]);
        }

        GateReading? live = null;
        if (state.Underlying is CutoverPhase.Shifting && weights.Share(_plan.From) > 0)
        {
            live = await ReadGateAsync(_plan.From, MetricScope.UserTraffic, start, end, cancellationToken);
        }

        var step = state.Underlying is CutoverPhase.Shifting ? state.Step : -1;
        await RecordAsync(new IntervalEvaluated(step, start, candidate, live, counted) { At = end });
        if (live is { Verdict: GateVerdict.Fail })
        {
            Notify(NoticeKind.Warning, $"The live colour '{_plan.From}' is degraded: {live.Reason}.");
        }
    }

    // The gates' consequences follow from the state alone, so a run resumed between an interval and
    // its consequence draws the same conclusion instead of judging one interval more.
    private async Task<bool> EnforceGatesAsync(CutoverState state)
    {
        var gates = _plan.Gates;
        var judging = state.Underlying is CutoverPhase.VerifyingCandidate or CutoverPhase.Shifting;
        CutoverEvent? consequence = null;
        if (judging && state.LastCandidate is { Verdict: GateVerdict.Fail, RollBackAtOnce: true })
        {
            consequence = new RollbackStarted($"the candidate '{_plan.To}' failed a check that rolls back at once; {state.LastCandidate.Reason}", Abort: false) { At = Now };
        }
        else if (judging && state.ConsecutiveFailures >= gates.FailureThreshold)
        {
            consequence = new RollbackStarted($"the candidate '{_plan.To}' failed {state.ConsecutiveFailures} consecutive intervals; last: {state.LastCandidate?.Reason}", Abort: false) { At = Now };
        }
        else if (judging && gates.LiveDegradation == Configuration.LiveDegradation.Abort && state.LiveConsecutiveFailures >= gates.FailureThreshold)
        {
            consequence = new RollbackStarted($"the live colour '{_plan.From}' degraded for {state.LiveConsecutiveFailures} consecutive intervals; last: {state.LastLive?.Reason}", Abort: true) { At = Now };
        }
        else if (judging && state.Phase is not CutoverPhase.Paused && state.ConsecutiveInconclusive >= gates.InconclusiveLimit)
        {
            consequence = new CutoverPaused(PauseReason.Inconclusive, $"{state.ConsecutiveInconclusive} consecutive intervals could not be judged; last: {state.LastCandidate?.Reason}") { At = Now };
        }
        else if (state is { PromoteRequested: true, PromoteReady: true, Promoted: false } && state.Phase is not CutoverPhase.Paused && CanPromote(state))
        {
            consequence = new PromotionApplied(state.PromoteForce) { At = Now };
        }

        if (consequence is null)
        {
            return false;
        }

        await RecordAsync(consequence);
        return true;
    }
}
