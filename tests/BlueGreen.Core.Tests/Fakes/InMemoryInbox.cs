using BlueGreen.Core.Operators;

namespace BlueGreen.Core.Tests.Fakes;

/// <summary>An operator inbox in memory; records completions.</summary>
internal sealed class InMemoryInbox : IOperatorInbox
{
    private readonly List<OperatorRequest> _pending = [];

    public List<string> Completed { get; } = [];

    public Task SubmitAsync(OperatorRequest request, CancellationToken cancellationToken)
    {
        lock (_pending)
        {
            _pending.Add(request);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OperatorRequest>> PendingAsync(CancellationToken cancellationToken)
    {
        lock (_pending)
        {
            return Task.FromResult<IReadOnlyList<OperatorRequest>>([.. _pending]);
        }
    }

    public Task CompleteAsync(string requestId, CancellationToken cancellationToken)
    {
        lock (_pending)
        {
            _pending.RemoveAll(r => r.Id == requestId);
            Completed.Add(requestId);
        }

        return Task.CompletedTask;
    }
}
