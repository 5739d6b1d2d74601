using BlueGreen.Core.Journal;

namespace BlueGreen.Core.Tests.Fakes;

/// <summary>
/// Passes records through to another store until sequence <c>crashAt</c>: that record is written
/// whole (or, with <c>tearIt</c>, only its first half) and then the process "dies".
/// </summary>
internal sealed class CrashingJournalStore(IJournalStore inner, long crashAt, bool tearIt = false) : IJournalStore
{
    public string Location => inner.Location;

    public Task<IReadOnlyList<string>> ReadAsync(CancellationToken cancellationToken) => inner.ReadAsync(cancellationToken);

    public async Task AppendAsync(long sequence, string record, CancellationToken cancellationToken)
    {
        if (sequence != crashAt)
        {
            await inner.AppendAsync(sequence, record, cancellationToken);
            return;
        }

        await inner.AppendAsync(sequence, tearIt ? record[..(record.Length / 2)] : record, cancellationToken);
        throw new SimulatedCrashException($"crash after writing record {sequence}");
    }

    public Task DropLastAsync(CancellationToken cancellationToken) => inner.DropLastAsync(cancellationToken);
}
