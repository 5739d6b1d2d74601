using BlueGreen.Core.Journal;
using BlueGreen.Core.Locking;
using BlueGreen.Core.Operators;

namespace BlueGreen.Core.Engine;

/// <summary>Where an environment's upgrade stands, read without changing anything: for <c>status</c> and the operator commands.</summary>
/// <param name="State">The fold of the journal.</param>
/// <param name="Lock">Who runs an engine now; null when none does.</param>
/// <param name="PendingRequests">Operator requests no engine has handled yet.</param>
/// <param name="Warnings">What reading the journal found (a torn last line).</param>
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
        return new CutoverStatus(journal.State, held, pending.Where(r => !journal.State.HandledRequests.Contains(r.Id)).ToList(), journal.Warnings);
    }
}
