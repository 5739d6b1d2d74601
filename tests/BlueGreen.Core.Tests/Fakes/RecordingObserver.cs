using BlueGreen.Core.Engine;
using BlueGreen.Core.Journal;

namespace BlueGreen.Core.Tests.Fakes;

/// <summary>Keeps the event stream; an optional hook reacts to each recorded event on the engine's loop.</summary>
internal sealed class RecordingObserver : ICutoverObserver
{
    public List<JournalEntry> Recorded { get; } = [];

    public List<EngineNotice> Notices { get; } = [];

    public Action<JournalEntry, CutoverState>? OnEvent { get; set; }

    public void OnRecorded(JournalEntry entry, CutoverState state)
    {
        Recorded.Add(entry);
        OnEvent?.Invoke(entry, state);
    }

    public void OnNotice(EngineNotice notice) => Notices.Add(notice);
}
