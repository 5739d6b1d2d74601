using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BlueGreen.Core.Engine;

namespace BlueGreen.Core.Journal;

/// <summary>
/// An upgrade's journal over any <see cref="IJournalStore"/>: each record is
/// <c>{"seq":n,"sum":"…","event":{"type":"…",…}}</c>, where the sum is the first 16 hex digits of
/// SHA-256 over <c>n:</c> plus the event's exact JSON. Opening checks every record, drops a torn
/// last one with a warning, and folds the events into the state.
/// </summary>
public sealed class CutoverJournal
{
    private readonly IJournalStore _store;
    private readonly List<JournalEntry> _entries;

    private CutoverJournal(IJournalStore store, List<JournalEntry> entries, CutoverState state, IReadOnlyList<string> warnings)
    {
        _store = store;
        _entries = entries;
        State = state;
        Warnings = warnings;
    }

    /// <summary>Every event, in order.</summary>
    public IReadOnlyList<JournalEntry> Entries => _entries;

    /// <summary>The fold of every event.</summary>
    public CutoverState State { get; private set; }

    /// <summary>What opening found and repaired (a torn last line), for the operator to see.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Opens the journal to write: checks every record and removes a torn last one from the store.</summary>
    /// <exception cref="JournalCorruptException">A record is damaged (torn anywhere but at the end, or whole by its checksum but unreadable), out of sequence, or of an unknown type.</exception>
    public static Task<CutoverJournal> OpenAsync(IJournalStore store, CancellationToken cancellationToken) => LoadAsync(store, repair: true, cancellationToken);

    /// <summary>Reads the journal without changing the store (a torn last record is skipped, not removed).</summary>
    /// <exception cref="JournalCorruptException">A record is damaged (torn anywhere but at the end, or whole by its checksum but unreadable), out of sequence, or of an unknown type.</exception>
    public static Task<CutoverJournal> ReadAsync(IJournalStore store, CancellationToken cancellationToken) => LoadAsync(store, repair: false, cancellationToken);

    /// <summary>Records <paramref name="evt"/> durably, then folds it in.</summary>
    /// <exception cref="InvalidOperationException">The event cannot follow the current state (a defect, never written).</exception>
    /// <exception cref="JournalConflictException">Another writer took the sequence number.</exception>
    public async Task<JournalEntry> AppendAsync(CutoverEvent evt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evt);

        // Fold first, so an event the state cannot take is never written.
        var next = CutoverFold.Apply(State, evt);
        var entry = new JournalEntry(_entries.Count + 1, evt);
        try
        {
            await _store.AppendAsync(entry.Sequence, Format(entry), cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CutoverException($"The journal {_store.Location} could not be written ({e.Message}). The last recorded event is where the upgrade stands; fix the cause and run again to resume from there.", e);
        }

        _entries.Add(entry);
        State = next;
        return entry;
    }

    /// <summary>The stored line of an entry.</summary>
    public static string Format(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var json = JsonSerializer.Serialize(entry.Event, JournalJson.Options);
        return string.Create(CultureInfo.InvariantCulture, $"{{\"seq\":{entry.Sequence},\"sum\":\"{Checksum(entry.Sequence, json)}\",\"event\":{json}}}");
    }

    private static async Task<CutoverJournal> LoadAsync(IJournalStore store, bool repair, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        IReadOnlyList<string> records;
        try
        {
            records = await store.ReadAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CutoverException($"The journal {store.Location} could not be read ({e.Message}). Nothing was changed; fix the cause and run again.", e);
        }

        var entries = new List<JournalEntry>(records.Count);
        var warnings = new List<string>();
        var seen = new Dictionary<long, int>();
        var state = CutoverState.Initial;
        for (var i = 0; i < records.Count; i++)
        {
            var line = i + 1;
            var (entry, problem) = Parse(records[i]);
            if (entry is null)
            {
                if (i == records.Count - 1 && problem is Torn)
                {
                    // A crash mid-write leaves exactly this: a damaged final record whose action never counted as done.
                    warnings.Add($"The journal {store.Location} ended in a torn line {line} ({problem!.Text}), left by a crash while writing; it was dropped{(repair ? " and the journal repaired" : string.Empty)}.");
                    if (repair)
                    {
                        await store.DropLastAsync(cancellationToken);
                    }

                    break;
                }

                throw new JournalCorruptException(store.Location, line, problem!.Text);
            }

            if (seen.TryGetValue(entry.Sequence, out var earlier))
            {
                throw new JournalCorruptException(store.Location, line, $"sequence number {entry.Sequence} appears again (first at line {earlier}); two processes wrote to this journal");
            }

            seen[entry.Sequence] = line;
            if (entry.Sequence != line)
            {
                throw new JournalCorruptException(store.Location, line, $"the sequence number is {entry.Sequence}, expected {line}; records are missing or out of order");
            }

            try
            {
                state = CutoverFold.Apply(state, entry.Event);
            }
            catch (InvalidOperationException e)
            {
                throw new JournalCorruptException(store.Location, line, $"the event cannot follow the ones before it: {e.Message}");
            }

            entries.Add(entry);
        }

        return new CutoverJournal(store, entries, state, warnings);
    }

    private static (JournalEntry? Entry, ParseProblem? Problem) Parse(string record)
    {
        if (string.IsNullOrWhiteSpace(record))
        {
            return (null, new Torn("the line is empty"));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(record);
        }
        catch (JsonException e)
        {
            return (null, new Torn($"the line is not valid JSON: {e.Message}"));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("seq", out var seqElement) || !seqElement.TryGetInt64(out var sequence)
                || !root.TryGetProperty("sum", out var sumElement) || sumElement.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("event", out var eventElement) || eventElement.ValueKind != JsonValueKind.Object)
            {
                return (null, new Torn("the line is not a journal record (seq, sum and event are required)"));
            }

            var json = eventElement.GetRawText();
            if (sumElement.GetString() != Checksum(sequence, json))
            {
                return (null, new Torn("the checksum does not match the content"));
            }

            // The checksum holds, so the record was written whole: whatever is wrong with it now is damage, never a torn write.
            if (!eventElement.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                return (null, new ParseProblem("the event has no type"));
            }

            var type = typeElement.GetString()!;
            if (!KnownTypes.Contains(type))
            {
                return (null, new ParseProblem($"the event type '{type}' is unknown; this journal was written by a newer bluegreen. Upgrade bluegreen to continue this upgrade"));
            }

            try
            {
                var evt = eventElement.Deserialize<CutoverEvent>(JournalJson.Options)
                    ?? throw new JsonException("the event is null");
                return (new JournalEntry(sequence, evt), null);
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or FormatException or InvalidOperationException)
            {
                return (null, new ParseProblem($"the '{type}' event cannot be read ({e.Message})"));
            }
        }
    }

    internal static string Checksum(long sequence, string eventJson)
    {
        var bytes = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{sequence}:{eventJson}"));
        return Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
    }

    private static readonly HashSet<string> KnownTypes = typeof(CutoverEvent)
        .GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonDerivedTypeAttribute), inherit: false)
        .Cast<System.Text.Json.Serialization.JsonDerivedTypeAttribute>()
        .Select(a => (string)a.TypeDiscriminator!)
        .ToHashSet(StringComparer.Ordinal);

    // A problem with a record: damage, unless it is a Torn one (what a crash mid-write leaves).
    private record ParseProblem(string Text);

    private sealed record Torn(string Text) : ParseProblem(Text);
}
