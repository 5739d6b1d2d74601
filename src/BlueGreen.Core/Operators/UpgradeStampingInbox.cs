using BlueGreen.Core.Journal;

namespace BlueGreen.Core.Operators;

/// <summary>
/// An inbox that stamps each request with the upgrade its journal records when the request is made, so
/// an engine running a later upgrade (after the journal was moved aside) ignores it. With no upgrade
/// started, the request stays unstamped and is for the next upgrade to start.
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

    /// <exception cref="Engine.CutoverException">The journal cannot be read or is damaged; nothing was submitted.</exception>
    public async Task SubmitAsync(OperatorRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Upgrade is null)
        {
            var state = (await CutoverJournal.ReadAsync(_journal, cancellationToken)).State;
            if (state.Started)
            {
                request = request with { Upgrade = state.UpgradeId };
            }
        }

        await _inner.SubmitAsync(request, cancellationToken);
    }

    public Task<IReadOnlyList<OperatorRequest>> PendingAsync(CancellationToken cancellationToken) => _inner.PendingAsync(cancellationToken);

    public Task CompleteAsync(string requestId, CancellationToken cancellationToken) => _inner.CompleteAsync(requestId, cancellationToken);

    public IReadOnlyList<string> TakeRejections() => _inner.TakeRejections();
}
