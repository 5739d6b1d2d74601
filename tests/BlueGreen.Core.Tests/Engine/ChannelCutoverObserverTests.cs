using BlueGreen.Core.Engine;
using BlueGreen.Core.Operators;
using BlueGreen.Core.Tests.Fakes;

namespace BlueGreen.Core.Tests.Engine;

public sealed class ChannelCutoverObserverTests
{
    [Fact]
    public async Task TheChannel_CarriesEveryRecordedEventAndNotice_InOrder_UntilCompleted()
    {
        var harness = new EngineHarness();
        var channel = new ChannelCutoverObserver();
        var services = harness.Services() with { Observers = [channel, harness.Observer] };
        await harness.SubmitAsync(OperatorAction.Resume);

        await harness.Clock.DriveAsync(() => new CutoverEngine(harness.Plan, services, harness.Options).RunAsync(CancellationToken.None));
        channel.Complete();
        var updates = new List<CutoverUpdate>();
        await foreach (var update in channel.Reader.ReadAllAsync())
        {
            updates.Add(update);
        }

        var recorded = updates.OfType<CutoverUpdate.Recorded>().ToList();
        Assert.Equal(harness.Observer.Recorded, recorded.Select(r => r.Entry));
        Assert.Equal(Enumerable.Range(1, recorded.Count).Select(i => (long)i), recorded.Select(r => r.State.Sequence));
        Assert.Equal(harness.Observer.Notices, updates.OfType<CutoverUpdate.Noticed>().Select(n => n.Notice));
        Assert.Single(harness.Observer.Notices);
    }
}
