using BlueGreen.Core.Engine;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Locking;
using BlueGreen.Core.Operators;
using BlueGreen.Core.Tests.Fakes;

namespace BlueGreen.Core.Tests.Engine;

public sealed partial class CutoverEngineTests
{
    [Fact]
    public async Task AHeldLock_RefusesTheRun_BeforeTheJournalIsTouched()
    {
        using var temp = new TempDirectory();
        var harness = new EngineHarness();
        var services = harness.Services() with { Lock = new FileLock(temp.File("lock.json"), harness.Clock) };
        await services.Lock.AcquireAsync(new LockHolder("alice", "build-7", 4242), TimeSpan.FromMinutes(2), CancellationToken.None);

        var error = await Assert.ThrowsAsync<LockHeldException>(() => new CutoverEngine(harness.Plan, services, harness.Options).RunAsync(CancellationToken.None));

        Assert.Contains("alice@build-7 (pid 4242)", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Store.Records);
        Assert.Empty(harness.Router.Calls);
    }

    [Fact]
    public async Task TheLock_IsReleased_WhenTheRunEnds_AndWhenItFails()
    {
        using var temp = new TempDirectory();
        var harness = new EngineHarness();
        var fileLock = new FileLock(temp.File("lock.json"), harness.Clock);
        var services = harness.Services() with { Lock = fileLock };

        await harness.Clock.DriveAsync(() => new CutoverEngine(harness.Plan, services, harness.Options).RunAsync(CancellationToken.None));
        Assert.Null(await fileLock.ReadAsync(CancellationToken.None));

        var second = new EngineHarness();
        var failing = second.Services() with { Lock = fileLock, Journal = new CrashingJournalStore(second.Store, 2) };
        await Assert.ThrowsAsync<SimulatedCrashException>(() => second.Clock.DriveAsync(() => new CutoverEngine(second.Plan, failing, second.Options).RunAsync(CancellationToken.None)));
        Assert.Null(await fileLock.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AForceUnlockDuringTheRun_StopsTheEngineAtItsNextHeartbeat()
    {
        using var temp = new TempDirectory();
        var harness = new EngineHarness();
        var fileLock = new FileLock(temp.File("lock.json"), harness.Clock);
        var services = harness.Services() with { Lock = fileLock };
        harness.Observer.OnEvent = (entry, _) =>
        {
            if (entry.Event is WeightsApplied { Step: 0 })
            {
                var id = fileLock.ReadAsync(CancellationToken.None).GetAwaiter().GetResult()!.Id;
                fileLock.ForceUnlockAsync(id, CancellationToken.None).GetAwaiter().GetResult();
            }
        };
        var engine = new CutoverEngine(harness.Plan, services, harness.Options with { HeartbeatPeriod = TimeSpan.FromSeconds(30) });

        var error = await Assert.ThrowsAsync<LockLostException>(() => harness.Clock.DriveAsync(() => engine.RunAsync(CancellationToken.None)));

        Assert.Contains("force-unlocked", error.Message, StringComparison.Ordinal);
        Assert.Equal([harness.WeightsFor(10)], harness.Sets());
    }

    [Fact]
    public async Task TheLocalServices_KeepJournalLockAndRequests_UnderTheStateDirectory()
    {
        using var temp = new TempDirectory();
        var harness = new EngineHarness();
        var services = CutoverServices.Local(temp.Path, harness.Router, harness.Metrics, harness.Probe, harness.Clock) with { Observers = [harness.Observer] };
        var engine = new CutoverEngine(harness.Plan, services, harness.Options);
        harness.Observer.OnEvent = (entry, _) =>
        {
            if (entry.Event is VerificationPassed)
            {
                services.Inbox.SubmitAsync(OperatorRequest.Create(OperatorAction.Promote, harness.Clock, force: true), CancellationToken.None).GetAwaiter().GetResult();
            }
        };

        var outcome = await harness.Clock.DriveAsync(() => engine.RunAsync(CancellationToken.None));

        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        Assert.True(File.Exists(temp.File("journal.jsonl")));
        Assert.False(File.Exists(temp.File("lock.json")));
        Assert.Empty(Directory.GetFiles(temp.File("requests")));
        var journal = await CutoverJournal.ReadAsync(new FileJournalStore(temp.File("journal.jsonl")), CancellationToken.None);
        StateAssert.Equivalent(outcome.State, journal.State);
    }
}
