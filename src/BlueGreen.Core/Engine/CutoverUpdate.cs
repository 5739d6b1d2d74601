using BlueGreen.Core.Journal;

namespace BlueGreen.Core.Engine;

/// <summary>One item of the engine's event stream as <see cref="ChannelCutoverObserver"/> delivers it: a recorded event or a notice.</summary>
public abstract record CutoverUpdate
{
    private protected CutoverUpdate()
    {
    }

    /// <summary>An event was recorded; <paramref name="State"/> is the state after it.</summary>
    public sealed record Recorded(JournalEntry Entry, CutoverState State) : CutoverUpdate;

    /// <summary>A notice.</summary>
    public sealed record Noticed(EngineNotice Notice) : CutoverUpdate;
}
