using BlueGreen.Core.Journal;
using BlueGreen.Core.Locking;
using BlueGreen.Core.Operators;

namespace BlueGreen.Core.Engine;

/// <summary>Where an environment's upgrade stands, read without changing anything: for <c>status</c> and the operator commands.</summary>
/// <param name="State">The fold of the journal.</param>
/// <param name="Lock">Who runs an engine now; null when none does.</param>
/// <param name="PendingRequests">Operator requests for this upgrade (or the next to start) that no engine has handled yet.</param>
/// <param name="Warnings">What reading the journal and the inbox found (a torn last line, a request file set aside).</param>
public sealed record CutoverStatus(CutoverState State, LockInfo? Lock, IReadOnlyList<OperatorRequest> PendingRequests, IReadOnlyList<string> Warnings)
{
    /// <summary>Whether an engine holds the lock, so a submitted request is picked up within a poll period.</summary>
    public bool EngineRunning => Lock is not null;

    /// <summary>Reads the journal, the lock and the inbox of <paramref name="services"/>.</summary>
    /// <exception cref="CutoverException">The journal is damaged or cannot be read.</exception>
    public static async Task<CutoverStatus> ReadAsync(CutoverServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var journal = await CutoverJournal.ReadAsync(services.Journal, cancellationToken);
        var held = await services.Lock.ReadAsync(cancellationToken);
        var pending = await services.Inbox.PendingAsync(cancellationToken);
        var state = journal.State;

        // A request made for another upgrade is never applied here, so it is not shown as waiting.
        var waiting = pending.Where(r => !state.HandledRequests.Contains(r.Id) && (r.Upgrade is null || r.Upgrade == state.UpgradeId)).ToList();
        return new CutoverStatus(state, held, waiting, [.. journal.Warnings, .. services.Inbox.TakeRejections()]);
    }
}
