using BlueGreen.Core.Locking;
using BlueGreen.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Core.Tests.Locking;

public sealed class LockLeaseTests
{
    private static readonly LockHolder Holder = new("ops", "laptop", 42);
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task AHeldLease_IsRenewedEveryPeriod_SoItNeverLooksStaleWhileTheWorkRuns()
    {
        var time = new FakeTimeProvider(SteppingClock.Epoch);
        var store = new InMemoryLock(time);
        await using var lease = await LockLease.AcquireAsync(store, Holder, Ttl, Every, time, CancellationToken.None);

        // Five minutes of work, five times the lock's life, observed every simulated second.
        for (var second = 0; second < 300; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await WaitForRenewalsAsync(store, (second + 1) / 20);
            Assert.False((await store.ReadAsync(CancellationToken.None))!.IsStale(time.GetUtcNow()), $"stale at second {second + 1}");
        }

        Assert.Equal(15, store.Renewals);
        Assert.False(lease.Lost.IsCancellationRequested);
    }

    [Fact]
    public async Task Dispose_ReleasesTheLock()
    {
        var time = new FakeTimeProvider(SteppingClock.Epoch);
        var store = new InMemoryLock(time);

        await (await LockLease.AcquireAsync(store, Holder, Ttl, Every, time, CancellationToken.None)).DisposeAsync();

        Assert.Null(await store.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ALeaseWhoseLockWasForceUnlocked_SignalsLost_WithTheReason_AndReleasesNothing()
    {
        var time = new FakeTimeProvider(SteppingClock.Epoch);
        var store = new InMemoryLock(time);
        var lease = await LockLease.AcquireAsync(store, Holder, Ttl, Every, time, CancellationToken.None);
        await store.ForceUnlockAsync(lease.Held.Id, CancellationToken.None);
        var other = await store.AcquireAsync(new LockHolder("bob", "ci", 7), Ttl, CancellationToken.None);

        time.Advance(Every);
        await WaitAsync(() => lease.Lost.IsCancellationRequested);
        await lease.DisposeAsync();

        Assert.Equal("lost", lease.LostReason);
        Assert.Equal(other, await store.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AHeldLock_IsRefused_NamingTheHolder()
    {
        var time = new FakeTimeProvider(SteppingClock.Epoch);
        var store = new InMemoryLock(time);
        await store.AcquireAsync(new LockHolder("bob", "ci", 7), Ttl, CancellationToken.None);

        var error = await Assert.ThrowsAsync<LockHeldException>(() => LockLease.AcquireAsync(store, Holder, Ttl, Every, time, CancellationToken.None));

        Assert.Contains("bob@ci", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARenewalPeriodNotShorterThanTheLifetime_IsRefused_BeforeTheLockIsTaken()
    {
        var time = new FakeTimeProvider(SteppingClock.Epoch);
        var store = new InMemoryLock(time);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => LockLease.AcquireAsync(store, Holder, Ttl, Ttl, time, CancellationToken.None));

        Assert.Null(await store.ReadAsync(CancellationToken.None));
    }

    private static Task WaitForRenewalsAsync(InMemoryLock store, int count) => WaitAsync(() => store.Renewals >= count);

    // The renewal runs on the thread pool once its timer fires; give it real time to finish, bounded.
    private static async Task WaitAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(5);
        }

        Assert.True(condition(), "the lease did not act within 5 s of real time");
    }
}
