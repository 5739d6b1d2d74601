using System.Globalization;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Plans;

namespace BlueGreen.Core.Notifications;

/// <summary>
/// Turns the engine's recorded events into notifications: started, each share step baked, paused (an approval or
/// too many inconclusive intervals), rolled back with the reason, completed. Hands them to a sink that never blocks,
/// so a slow or failing receiver cannot hold up the engine.
/// </summary>
public sealed class NotifyingObserver(CutoverPlan plan, string environment, INotificationSink sink) : ICutoverObserver
{
    private string? _rollbackReason;

    public void OnRecorded(JournalEntry entry, CutoverState state)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(state);
        var at = entry.Event.At;
        var percent = state.AppliedWeights is { } weights ? (int)Math.Round(weights.Share(plan.To) * 100, MidpointRounding.AwayFromZero) : (int?)null;
        var notification = entry.Event switch
        {
            CutoverStarted started => Make(NotificationKind.Started, at, state, $"The upgrade of {environment} from {started.From} to {started.To} started: {plan.Steps.Count} steps, weights {started.InitialWeights}."),
            StepCompleted completed when completed.Step < plan.Steps.Count && plan.Steps[completed.Step] is SetShareStep share =>
                Make(NotificationKind.StepBaked, at, state, string.Create(CultureInfo.InvariantCulture, $"Step {completed.Step + 1} of {plan.Steps.Count} baked: {plan.To} served {share.Percent} % of users for {Configuration.Duration.Format(share.Bake)} under the gates."))
                with { Step = completed.Step + 1, Percent = share.Percent },
            CutoverPaused paused => Make(NotificationKind.Paused, at, state, $"The upgrade of {environment} paused at {percent ?? 0} % on {plan.To}: {Text.Sentences.Clause(paused.Detail)}.") with { Reason = paused.Detail, Percent = percent },
            RollbackStarted rollback => Remember(rollback.Reason),
            RollbackCompleted => Make(NotificationKind.RolledBack, at, state, RolledBack()) with { Reason = _rollbackReason, Percent = 0 },
            CutoverCompleted => Make(NotificationKind.Completed, at, state, $"The upgrade of {environment} completed: {plan.To} serves all users and {plan.From} has drained; it may be decommissioned.") with { Percent = 100 },
            _ => null,
        };

        if (notification is not null)
        {
            sink.Send(notification);
        }
    }

    public void OnNotice(EngineNotice notice)
    {
    }

    private string RolledBack() => _rollbackReason is null
        ? $"The upgrade of {environment} was rolled back: all traffic is on {plan.From} again."
        : $"The upgrade of {environment} was rolled back ({Text.Sentences.Clause(_rollbackReason)}): all traffic is on {plan.From} again.";

    private Notification? Remember(string reason)
    {
        _rollbackReason = reason;
        return null;
    }

    private Notification Make(NotificationKind kind, DateTimeOffset at, CutoverState state, string summary) =>
        new(kind, environment, plan.From, plan.To, at, summary) { UpgradeId = string.IsNullOrEmpty(state.UpgradeId) ? null : state.UpgradeId };
}
