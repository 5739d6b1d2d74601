using BlueGreen.Core.Journal;

namespace BlueGreen.Core.Engine;

/// <summary>
/// Receives the engine's event stream as it happens: every recorded event with the state after it,
/// and notices. A live view and a report consume it. Called on the engine's loop: return quickly.
/// </summary>
public interface ICutoverObserver
{
    /// <summary>An event was recorded durably; <paramref name="state"/> is the state after it.</summary>
    void OnRecorded(JournalEntry entry, CutoverState state);

    /// <summary>Something worth telling that is not an event.</summary>
    void OnNotice(EngineNotice notice);
}
