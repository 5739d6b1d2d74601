using System.Globalization;
using BlueGreen.Core.Clusters;
using BlueGreen.Core.Gates;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Metrics;
using BlueGreen.Core.Operators;
using BlueGreen.Core.Text;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Core.Engine;

/// <summary>The engine's plumbing: waiting, operator requests, the lock's heartbeat, weights, recording.</summary>
public sealed partial class CutoverEngine
{
    private DateTimeOffset Now => _time.GetUtcNow();

    // Waits until `until`, handling operator requests between short slices; false when a request changed the phase.
    private async Task<bool> WaitAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        var phase = State.Phase;
        while (true)
        {
            var remaining = until - Now;
            if (remaining <= TimeSpan.Zero)
            {
                return true;
            }

            await Task.Delay(remaining < _options.PollPeriod ? remaining : _options.PollPeriod, _time, cancellationToken);
            await HandleRequestsAsync(cancellationToken);
            await HeartbeatAsync(cancellationToken);
            if (State.Phase != phase)
            {
                return false;
            }
        }
    }

    private async Task HandleRequestsAsync(CancellationToken cancellationToken)
    {
        var pending = await _services.Inbox.PendingAsync(cancellationToken);
        foreach (var rejection in _services.Inbox.TakeRejections())
        {
            Notify(NoticeKind.Warning, rejection);
        }

        foreach (var request in pending)
        {
            if (request.Upgrade is { } target && target != State.UpgradeId)
            {
                // Left from another upgrade (its journal was moved aside): applying it here could move traffic nobody asked to move.
                Notify(NoticeKind.RequestIgnored, $"{request.Action} from {request.RequestedBy} ignored: it was made for the upgrade {target}, not for this one ({State.UpgradeId}).");
            }
            else if (!State.HandledRequests.Contains(request.Id))
            {
                var (_, ignored) = OperatorRules.Apply(State, request);
                if (State.IsTerminal)
                {
                    // Recording is over; the request must still not linger for the next upgrade.
                    Notify(NoticeKind.RequestIgnored, $"{request.Action} from {request.RequestedBy} ignored: {ignored}.");
                }
                else
                {
                    await RecordAsync(new OperatorRequestReceived(request) { At = Now });
                    if (ignored is not null)
                    {
                        Notify(NoticeKind.RequestIgnored, $"{request.Action} from {request.RequestedBy} ignored: {ignored}.");
                    }
                }
            }

            await _services.Inbox.CompleteAsync(request.Id, cancellationToken);
        }
    }

    // Requests waiting before an upgrade starts were made while none was in progress: none of them is for this one.
    private async Task DropLeftoverRequestsAsync(CancellationToken cancellationToken)
    {
        foreach (var request in await _services.Inbox.PendingAsync(cancellationToken))
        {
            Notify(NoticeKind.RequestIgnored, $"{request.Action} from {request.RequestedBy} (made {request.RequestedAt:yyyy-MM-dd HH:mm:ss'Z'}) removed unread: it was made before this upgrade started, while no upgrade was in progress.");
            await _services.Inbox.CompleteAsync(request.Id, cancellationToken);
        }

        foreach (var rejection in _services.Inbox.TakeRejections())
        {
            Notify(NoticeKind.Warning, rejection);
        }
    }

    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        if (Now - _lastHeartbeat >= _options.HeartbeatPeriod)
        {
            _lease = await _services.Lock.RenewAsync(_lease!, _options.LockTtl, cancellationToken);
            _lastHeartbeat = Now;
        }
    }

    // Sets the weights and reads them back, a few times, before giving up; null when they took, else the last problem.
    private async Task<string?> SetWeightsAsync(Weights weights, CancellationToken cancellationToken)
    {
        string? problem = null;
        for (var attempt = 1; attempt <= _options.WeightAttempts; attempt++)
        {
            problem = await TrySetWeightsAsync(weights, cancellationToken);
            if (problem is null)
            {
                return null;
            }

            Notify(NoticeKind.Warning, $"The weights {weights} did not take (attempt {attempt} of {_options.WeightAttempts}): {problem}.");
            if (attempt < _options.WeightAttempts)
            {
                await Task.Delay(_options.PollPeriod, _time, cancellationToken);
            }
        }

        return problem;
    }

    // One set and its read-back; a failure says which of the two failed, since a change that was accepted is in effect.
    private async Task<string?> TrySetWeightsAsync(Weights weights, CancellationToken cancellationToken)
    {
        try
        {
            await _services.Router.SetWeightsAsync(weights, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A throttled or unreachable router is retried like a change that did not take.
            return $"the router failed to set them: {Sentences.Clause(e.Message)}";
        }

        try
        {
            return await _services.Router.VerifyWeightsAsync(weights, cancellationToken) ? null : "the router reads back other weights";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return $"the router accepted them, so they are likely in effect, but reading them back failed: {Sentences.Clause(e.Message)}";
        }
    }

    // User traffic is judged on every configured source, each of which must pass; at 0 % on the default source (the probes).
    private IReadOnlyList<(IMetricSource Metrics, string? Name)> SourcesFor(MetricScope scope) =>
        scope != MetricScope.UserTraffic || _services.UserTrafficSources.Count == 0
            ? [(_services.Metrics, null)]
            : [.. _services.UserTrafficSources.Select(s => (s.Metrics, (string?)s.Name))];

    // A metric source that cannot answer gives no data, and says why.
    private async Task<(IntervalMetrics? Metrics, string Problem)> ReadMetricsAsync(IMetricSource metrics, string? name, string colour, MetricScope scope, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        try
        {
            return (await metrics.GetAsync(colour, scope, start, end, cancellationToken), string.Empty);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var reason = $"the {(name is null ? string.Empty : name + " ")}metrics of '{colour}' could not be read: {Sentences.Clause(e.Message)}";
            Notify(NoticeKind.Warning, $"For the interval from {start:HH:mm:ss}, {reason}.");
            return (null, reason);
        }
    }

    // No data is inconclusive, never a pass.
    private static GateReading Judge((IntervalMetrics? Metrics, string Problem) read, string? source, Func<IntervalMetrics, GateReading> evaluate) =>
        (read.Metrics is { } metrics ? evaluate(metrics) : new GateReading(GateVerdict.Inconclusive, IntervalMetrics.Empty, read.Problem)) with { Source = source };

    // A check that cannot answer is inconclusive, like a metric source.
    private async Task<List<GateReading>> RunChecksAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var readings = new List<GateReading>();
        foreach (var check in _services.Checks)
        {
            try
            {
                readings.Add(await check.EvaluateAsync(start, end, cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var reason = $"a gate check could not run: {Sentences.Clause(e.Message)}";
                Notify(NoticeKind.Warning, $"For the interval from {start:HH:mm:ss}, {reason}.");
                readings.Add(new GateReading(GateVerdict.Inconclusive, IntervalMetrics.Empty, reason));
            }
        }

        return readings;
    }

    // On resume, the weights the journal says are in effect are set once more: cheap, idempotent, and it
    // repairs a change made by hand while no engine ran. Not when a set is pending: that set follows anyway.
    private async Task ReassertAsync(CancellationToken cancellationToken)
    {
        var state = State;
        if (state.PendingWeights is not null || state.AppliedWeights is null || state.Phase is CutoverPhase.RollingBack { } && !state.RollbackWeightsApplied)
        {
            return;
        }

        if (await SetWeightsAsync(state.AppliedWeights, cancellationToken) is { } problem)
        {
            // Not a reason to stop: the journal still says where the upgrade stands, and its next change of weights sets them anyway.
            Notify(NoticeKind.Warning, $"The weights {state.AppliedWeights} could not be re-asserted ({problem}); the upgrade goes on from the journal.");
            return;
        }

        Notify(NoticeKind.WeightsReasserted, $"Re-asserted the weights {state.AppliedWeights}.");
    }

    // The weights before the start, read a few times before giving up; null when the router never answered.
    private async Task<(Weights? Weights, string? Problem)> ReadWeightsAsync(CancellationToken cancellationToken)
    {
        string? problem = null;
        for (var attempt = 1; attempt <= _options.WeightAttempts; attempt++)
        {
            try
            {
                return (await _services.Router.GetWeightsAsync(cancellationToken), null);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                problem = $"the router failed: {Sentences.Clause(e.Message)}";
            }

            Notify(NoticeKind.Warning, $"The weights could not be read (attempt {attempt} of {_options.WeightAttempts}): {problem}.");
            if (attempt < _options.WeightAttempts)
            {
                await Task.Delay(_options.PollPeriod, _time, cancellationToken);
            }
        }

        return (null, problem);
    }

    // A probe that cannot answer says the colour is not ready, with why; the callers' messages say what to do.
    private async Task<ClusterReadiness> CheckReadinessAsync(string colour, CancellationToken cancellationToken)
    {
        try
        {
            return await _services.Probe.CheckAsync(colour, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ClusterReadiness.No($"probe failed: {Sentences.Clause(e.Message)}");
        }
    }

    /// <summary>The reason a rollback within the window records.</summary>
    public const string RollbackWindowReason = "an operator rolled back within the rollback window, after the upgrade completed";

    // The rollback window: a completed upgrade whose old colour still stands goes back to it in one change, under
    // this engine's lock; the rollback then ends as any other (weights set, read back, recorded).
    private async Task OpenRollbackWindowAsync(CutoverState state, CancellationToken cancellationToken)
    {
        var location = _services.Journal.Location;
        if (!state.Started)
        {
            throw new CutoverException($"No upgrade is recorded in {location}: there is nothing to roll back. To move traffic by hand, use `bluegreen shift PERCENT`.");
        }

        switch (state.Phase)
        {
            case CutoverPhase.RolledBack or CutoverPhase.Aborted:
                throw new CutoverException($"The upgrade {state.From} -> {state.To} has already ended {(state.Phase is CutoverPhase.Aborted ? "aborted" : "rolled back")}: all traffic is on {state.From}. Nothing was changed.");
            case not CutoverPhase.Completed:
                throw new CutoverException($"The upgrade {state.From} -> {state.To} is still in progress ({state.Phase.Name}): its own engine rolls it back on request (`bluegreen rollback`, then `bluegreen resume` if no engine runs).");
        }

        if (state.Decommission is { } decommission)
        {
            var at = decommission.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            throw new CutoverException($"The rollback window is closed: the decommission of {decommission.Colour} began at {at}, so there is no colour to move traffic back to. Nothing was changed; to go back, rebuild {decommission.Colour} and run a new upgrade to it.");
        }

        var readiness = await CheckReadinessAsync(state.From, cancellationToken);
        if (!readiness.Ready)
        {
            throw new CutoverException($"{state.From} is not ready to take traffic back ({Sentences.List(readiness.Problems)}). Nothing was changed; make {state.From} ready (e.g. scale its nodes and workloads back up), then run `bluegreen rollback` again.");
        }

        Notify(NoticeKind.Warning, $"Rolling the completed upgrade back within its window: all traffic to {state.From} in one change.");
        await RecordAsync(new RollbackStarted(RollbackWindowReason, Abort: false) { At = Now });
    }

    private async Task RecordAsync(CutoverEvent evt)
    {
        // Never cancelled half-way: once an action is done, its record must be written.
        var entry = await _journal!.AppendAsync(evt, CancellationToken.None);
        foreach (var observer in _services.Observers)
        {
            observer.OnRecorded(entry, _journal.State);
        }
    }

    private void Notify(NoticeKind kind, string message)
    {
        var notice = new EngineNotice(kind, message, Now);
        foreach (var observer in _services.Observers)
        {
            observer.OnNotice(notice);
        }
    }

    private static bool StageDone(CutoverState state, TimeSpan required) =>
        state.StageElapsed >= required && (required <= TimeSpan.Zero || state.LastVerdict == GateVerdict.Pass);

    // Only once the candidate passed its readiness probe and verification: force skips the interval gate, never those.
    private static bool CanPromote(CutoverState state) =>
        state.Underlying is CutoverPhase.Shifting && state.StepProgress != StepProgress.Done;

    // A run that finds its upgrade already over says so, rather than repeat the old outcome as if it had just happened.
    private CutoverOutcome EndedBefore(CutoverState state)
    {
        var ended = OutcomeOf(state);
        var how = state.Phase switch
        {
            CutoverPhase.Completed => "completed",
            CutoverPhase.RolledBack => "rolled back",
            _ => "aborted",
        };
        var at = _journal!.Entries[^1].Event.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return ended with { Reason = $"This upgrade has ended ({how} at {at}); move {_services.Journal.Location} aside to start a new one. {ended.Reason}" };
    }

    private CutoverOutcome OutcomeOf(CutoverState state) => state.Phase switch
    {
        CutoverPhase.Completed => new(OutcomeKind.Completed, $"All traffic is on '{_plan.To}' and drained; '{_plan.From}' may be decommissioned.", state),
        CutoverPhase.RolledBack rolledBack => new(OutcomeKind.RolledBack, $"Rolled back: {rolledBack.Reason}. All traffic is on '{_plan.From}'.", state),
        CutoverPhase.Aborted aborted => new(OutcomeKind.Aborted, $"Aborted: {aborted.Reason}. All traffic is on '{_plan.From}'.", state),
        _ => throw new InvalidOperationException($"{state.Phase.Name} is not a final phase."),
    };
}
