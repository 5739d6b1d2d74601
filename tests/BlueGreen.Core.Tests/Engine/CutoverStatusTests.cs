using BlueGreen.Core.Engine;
using BlueGreen.Core.Operators;
using BlueGreen.Core.Tests.Fakes;

namespace BlueGreen.Core.Tests.Engine;

public sealed class CutoverStatusTests
{
    [Fact]
    public async Task Status_WithNothingRecorded_IsPending_WithNoEngineRunning()
    {
        var harness = new EngineHarness();

        var status = await CutoverStatus.ReadAsync(harness.Services(), CancellationToken.None);

        Assert.False(status.State.Started);
        Assert.False(status.EngineRunning);
        Assert.Empty(status.PendingRequests);
    }

    [Fact]
    public async Task Status_OfAPausedUpgrade_ShowsThePause_AndARequestWaitingForTheNextRun()
    {
        var harness = new EngineHarness { Options = new() { PollPeriod = TimeSpan.FromSeconds(10), StopWhenPaused = true } };
        harness.SubmitWhen((e, _) => e is WeightsApplied, OperatorAction.Pause);
        await harness.RunAsync();
        await harness.SubmitAsync(OperatorAction.Resume);

        var status = await CutoverStatus.ReadAsync(harness.Services(), CancellationToken.None);

        Assert.IsType<CutoverPhase.Paused>(status.State.Phase);
        Assert.False(status.EngineRunning);
        Assert.Equal(OperatorAction.Resume, Assert.Single(status.PendingRequests).Action);
    }

    [Fact]
    public async Task Status_WhileAnEngineRuns_NamesItsLock()
    {
        var harness = new EngineHarness();
        var services = harness.Services();
        CutoverStatus? seen = null;
        harness.Observer.OnEvent = (entry, _) =>
        {
            if (entry.Event is WeightsApplied { Step: 0 })
            {
                seen = CutoverStatus.ReadAsync(services, CancellationToken.None).GetAwaiter().GetResult();
            }
        };

        await harness.Clock.DriveAsync(() => new CutoverEngine(harness.Plan, services, harness.Options).RunAsync(CancellationToken.None));

        Assert.True(seen!.EngineRunning);
        Assert.Equal(new CutoverPhase.Shifting(0, true), seen.State.Phase);
    }

    [Fact]
    public async Task Status_DoesNotShowARequestMadeForAnotherUpgrade_AsWaiting()
    {
        var harness = new EngineHarness { Options = new() { PollPeriod = TimeSpan.FromSeconds(10), StopWhenPaused = true } };
        harness.SubmitWhen((e, _) => e is WeightsApplied, OperatorAction.Pause);
        await harness.RunAsync();
        await harness.Inbox.SubmitAsync(OperatorRequest.Create(OperatorAction.Promote, harness.Clock, force: true) with { Upgrade = "0123456789abcdef" }, CancellationToken.None);
        await harness.SubmitAsync(OperatorAction.Resume);

        var status = await CutoverStatus.ReadAsync(harness.Services(), CancellationToken.None);

        Assert.Equal(OperatorAction.Resume, Assert.Single(status.PendingRequests).Action);
    }
}
