using System.Text.Json;
using System.Text.Json.Nodes;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Journal;
using BlueGreen.Sandbox.Hosting;

namespace BlueGreen.Sandbox.Rehearsal;

/// <summary>
/// Collects a rehearsal's events (the engine's and the sandbox's) in order, appends each to
/// events.jsonl as it happens, and hands each to a listener (the live view or the JSON output).
/// </summary>
public sealed class RehearsalRecorder : ICutoverObserver, IDisposable
{
    private static readonly JsonSerializerOptions LineOptions = new(JournalJson.Options);
    private readonly List<TimelineEntry> _entries = [];
    private readonly Lock _lock = new();
    private readonly StreamWriter? _file;
    private readonly Action<TimelineEntry, CutoverState?> _listener;
    private CutoverState? _state;

    /// <param name="eventsPath">Where events.jsonl goes; null to keep events in memory only.</param>
    /// <param name="listener">Told of every entry with the engine state after it (null before the engine starts).</param>
    public RehearsalRecorder(string? eventsPath, Action<TimelineEntry, CutoverState?> listener)
    {
        _listener = listener;
        if (eventsPath is not null)
        {
            _file = new StreamWriter(eventsPath, append: true) { AutoFlush = true };
        }
    }

    /// <summary>The engine state after its last event; null before it started.</summary>
    public CutoverState? State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    public IReadOnlyList<TimelineEntry> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    public void OnRecorded(JournalEntry entry, CutoverState state)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var node = (JsonObject)JsonSerializer.SerializeToNode(entry.Event, LineOptions)!;
        var kind = node["type"]?.GetValue<string>() ?? entry.Event.GetType().Name;
        lock (_lock)
        {
            _state = state;
        }

        Add(new TimelineEntry(entry.Event.At, "engine", kind, null, EventText.Describe(entry.Event, state), node), state);
    }

    public void OnNotice(EngineNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        Add(new TimelineEntry(notice.At, "notice", JsonNamingPolicy.CamelCase.ConvertName(notice.Kind.ToString()), null, notice.Message, null), State);
    }

    /// <summary>Records something the sandbox did.</summary>
    public void OnSandboxEvent(SandboxEvent sandboxEvent)
    {
        ArgumentNullException.ThrowIfNull(sandboxEvent);
        Add(new TimelineEntry(sandboxEvent.At, "sandbox", sandboxEvent.Kind, sandboxEvent.Colour, sandboxEvent.Message, null), State);
    }

    public void Dispose() => _file?.Dispose();

    /// <summary>One entry as a single JSON line.</summary>
    public static string ToJsonLine(TimelineEntry entry) => JsonSerializer.Serialize(entry, LineOptions);

    private void Add(TimelineEntry entry, CutoverState? state)
    {
        lock (_lock)
        {
            _entries.Add(entry);
            _file?.WriteLine(ToJsonLine(entry));
        }

        _listener(entry, state);
    }
}
