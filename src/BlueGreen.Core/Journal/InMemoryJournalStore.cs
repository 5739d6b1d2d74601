namespace BlueGreen.Core.Journal;

/// <summary>A journal store in memory, for dry runs and measurements; same contract as the durable ones.</summary>
public sealed class InMemoryJournalStore : IJournalStore
{
    private readonly List<string> _records = [];
    private readonly Lock _gate = new();

    public string Location => "(in memory)";

    /// <summary>A copy of the stored records.</summary>
    public IReadOnlyList<string> Records
    {
        get
        {
            lock (_gate)
            {
                return [.. _records];
            }
        }
    }

    public Task<IReadOnlyList<string>> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(Records);

    public Task AppendAsync(long sequence, string record, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (sequence != _records.Count + 1)
            {
                throw new JournalConflictException($"The journal {Location} holds {_records.Count} records; sequence {sequence} cannot be appended. Another process is writing to it.");
            }

            _records.Add(record);
        }

        return Task.CompletedTask;
    }

    public Task DropLastAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_records.Count > 0)
            {
                _records.RemoveAt(_records.Count - 1);
            }
        }

        return Task.CompletedTask;
    }
}
