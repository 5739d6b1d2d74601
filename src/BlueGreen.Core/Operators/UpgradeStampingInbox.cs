using BlueGreen.Core.Journal;

namespace BlueGreen.Core.Operators;

/// <summary>
/// An inbox that stamps each request with the upgrade its journal records when the request is made, so
/// an engine running a later upgrade (after the journal was moved aside) ignores it. A request made while
/// no upgrade is in progress is refused: it could only act on an upgrade nobody has started yet.
/// </summary>
public sealed class UpgradeStampingInbox : IOperatorInbox
{
    private readonly IOperatorInbox _inner;
    private readonly IJournalStore _journal;

    public UpgradeStampingInbox(IOperatorInbox inner, IJournalStore journal)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(journal);
        _inner = inner;
        _journal = journal;
    }

    /// <exception cref="NoUpgradeInProgressException">The journal records no upgrade, or one that has ended; nothing was submitted.</exception>
    /// <exception cref="Engine.CutoverException">The journal cannot be read or is damaged; nothing was submitted.</exception>
    public async Task SubmitAsync(OperatorRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Upgrade is null)
        {
            var journal = await CutoverJournal.ReadAsync(_journal, cancellationToken);
            var state = journal.State;
            if (!state.Started)
            {
                throw new NoUpgradeInProgressException($"No upgrade is in progress: the journal {_journal.Location} records none, so there is nothing to {Verb(request.Action)}; nothing was requested.", ended: false);
            }

            if (state.IsTerminal)
            {
                var at = journal.Entries[^1].Event.At.UtcDateTime;
                throw new NoUpgradeInProgressException($"No upgrade is in progress: the upgrade {state.From} -> {state.To} in {_journal.Location} ended ({state.Phase.Name} at {at:yyyy-MM-dd HH:mm:ss'Z'}), so there is nothing to {Verb(request.Action)}; nothing was requested.", ended: true);
            }

            request = request with { Upgrade = state.UpgradeId };
        }

        await _inner.SubmitAsync(request, cancellationToken);
    }

    private static string Verb(OperatorAction action) => action switch
    {
        OperatorAction.Pause => "pause",
        OperatorAction.Resume => "resume",
        OperatorAction.Promote => "promote",
        OperatorAction.Abort => "abort",
        _ => "roll back",
    };

    public Task<IReadOnlyList<OperatorRequest>> PendingAsync(CancellationToken cancellationToken) => _inner.PendingAsync(cancellationToken);

    public Task CompleteAsync(string requestId, CancellationToken cancellationToken) => _inner.CompleteAsync(requestId, cancellationToken);

    public IReadOnlyList<string> TakeRejections() => _inner.TakeRejections();
}
