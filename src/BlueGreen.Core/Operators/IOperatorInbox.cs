namespace BlueGreen.Core.Operators;

/// <summary>
/// A durable queue of operator requests for one environment. Any process may submit; the engine
/// reads pending requests every tick, records each in its journal, then completes it.
/// </summary>
public interface IOperatorInbox
{
    /// <summary>Stores the request durably; returns once it survives a crash.</summary>
    Task SubmitAsync(OperatorRequest request, CancellationToken cancellationToken);

    /// <summary>Requests not yet completed, oldest first.</summary>
    Task<IReadOnlyList<OperatorRequest>> PendingAsync(CancellationToken cancellationToken);

    /// <summary>Removes a handled request; completing an unknown id does nothing.</summary>
    Task CompleteAsync(string requestId, CancellationToken cancellationToken);

    /// <summary>
    /// Why stored requests were set aside unread since the last call (each message names the request
    /// and what to do), for the engine to report as warnings. None for an inbox that rejects nothing.
    /// </summary>
    IReadOnlyList<string> TakeRejections() => [];
}
