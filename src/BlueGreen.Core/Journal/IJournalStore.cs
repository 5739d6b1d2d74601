namespace BlueGreen.Core.Journal;

/// <summary>
/// Record-level storage of one upgrade's journal. The store keeps opaque one-line records in
/// sequence order; <see cref="CutoverJournal"/> adds checksums, sequence checks and the events on top.
/// A local file and an S3 prefix (one object per sequence, written with If-None-Match) both fit.
/// </summary>
public interface IJournalStore
{
    /// <summary>Where the journal lives, for messages (a path, an S3 URI).</summary>
    string Location { get; }

    /// <summary>Every stored record in order; the last may be torn by a crash mid-write.</summary>
    Task<IReadOnlyList<string>> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="record"/> as sequence <paramref name="sequence"/>; durable when the task completes.</summary>
    /// <exception cref="JournalConflictException">That sequence is already stored, or the one before is missing (another writer).</exception>
    Task AppendAsync(long sequence, string record, CancellationToken cancellationToken);

    /// <summary>Removes the last stored record (a torn one), so the next append is clean.</summary>
    Task DropLastAsync(CancellationToken cancellationToken);
}
