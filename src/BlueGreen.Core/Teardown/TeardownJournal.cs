using System.Text.Json;
using BlueGreen.Core.Journal;

namespace BlueGreen.Core.Teardown;

/// <summary>
/// The teardown's own journal, one record per step started or done, on any <see cref="IJournalStore"/> (the S3 one
/// under its own prefix in AWS mode), so a teardown killed half way resumes at the first step not done.
/// </summary>
public sealed class TeardownJournal(IJournalStore store)
{
    private long _count;

    /// <summary>Where it lives, for messages.</summary>
    public string Location => store.Location;

    /// <summary>The records so far; a last record torn by a crash mid-write is dropped, as the cutover journal does.</summary>
    public async Task<IReadOnlyList<TeardownRecord>> ReadAsync(CancellationToken cancellationToken)
    {
        var lines = await store.ReadAsync(cancellationToken).ConfigureAwait(false);
        var records = new List<TeardownRecord>();
        for (var i = 0; i < lines.Count; i++)
        {
            var record = TryParse(lines[i]);
            if (record is null && i == lines.Count - 1)
            {
                await store.DropLastAsync(cancellationToken).ConfigureAwait(false);
                break;
            }

            records.Add(record ?? throw new JournalCorruptException($"Record {i + 1} of the teardown journal {store.Location} cannot be read; move the journal aside to start the teardown's checks over (every step is safe to repeat)."));
        }

        _count = records.Count;
        return records;
    }

    /// <summary>Appends one record after those read.</summary>
    public async Task AppendAsync(TeardownRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await store.AppendAsync(_count + 1, JsonSerializer.Serialize(record, JournalJson.Options), cancellationToken).ConfigureAwait(false);
        _count++;
    }

    private static TeardownRecord? TryParse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<TeardownRecord>(line, JournalJson.Options) is { Step.Length: > 0 } record ? record : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
