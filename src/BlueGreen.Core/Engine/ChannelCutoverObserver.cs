using System.Threading.Channels;
using BlueGreen.Core.Journal;

namespace BlueGreen.Core.Engine;

/// <summary>
/// The event stream as a channel, so a live view or a report writer can read it on its own task
/// without slowing the engine. Unbounded: the engine never waits for a reader.
/// </summary>
public sealed class ChannelCutoverObserver : ICutoverObserver
{
    private readonly Channel<CutoverUpdate> _channel = Channel.CreateUnbounded<CutoverUpdate>(new UnboundedChannelOptions { SingleWriter = true });

    /// <summary>Updates in the order they happened; completes after <see cref="Complete"/>.</summary>
    public ChannelReader<CutoverUpdate> Reader => _channel.Reader;

    public void OnRecorded(JournalEntry entry, CutoverState state) => _channel.Writer.TryWrite(new CutoverUpdate.Recorded(entry, state));

    public void OnNotice(EngineNotice notice) => _channel.Writer.TryWrite(new CutoverUpdate.Noticed(notice));

    /// <summary>Ends the stream; call when the engine's run returned.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
