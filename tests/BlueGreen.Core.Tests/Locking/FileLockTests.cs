using BlueGreen.Core.Locking;
using BlueGreen.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Core.Tests.Locking;

public sealed partial class FileLockTests : IDisposable
{
    private static readonly LockHolder Alice = new("alice", "build-7", 4242);
    private static readonly LockHolder Bob = new("bob", "laptop", 77);
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(2);

    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero));

    public void Dispose() => _temp.Dispose();

    private FileLock NewLock() => new(_temp.File("state/lock.json"), _time);

    [Fact]
    public async Task Acquire_WritesTheHolder_AndReadReturnsIt()
    {
        var held = await NewLock().AcquireAsync(Alice, Ttl, CancellationToken.None);

        var read = await NewLock().ReadAsync(CancellationToken.None);

        Assert.Equal(held, read);
        Assert.Equal(Alice, read!.Holder);
        Assert.Equal(_time.GetUtcNow() + Ttl, read.ExpiresAt);
    }

    [Fact]
    public async Task ASecondOperator_IsRefused_WithTheHolderSinceWhenAndTheLockId()
    {
        var held = await NewLock().AcquireAsync(Alice, Ttl, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(20));

        var error = await Assert.ThrowsAsync<LockHeldException>(() => NewLock().AcquireAsync(Bob, Ttl, CancellationToken.None));

        Assert.Equal(held, error.Current);
        Assert.Contains("held by alice@build-7 (pid 4242) since 2026-03-01 09:30:00Z", error.Message, StringComparison.Ordinal);
        Assert.Contains($"lock id {held.Id}, last heartbeat 20 s ago", error.Message, StringComparison.Ordinal);
        Assert.Contains($"--force-unlock {held.Id}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStaleLock_IsStillRefused_AndSaysItLooksStale()
    {
        await NewLock().AcquireAsync(Alice, Ttl, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(10));

        var error = await Assert.ThrowsAsync<LockHeldException>(() => NewLock().AcquireAsync(Bob, Ttl, CancellationToken.None));

        Assert.Contains("looks stale", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renew_MovesTheHeartbeatAndExpiry()
    {
        var fileLock = NewLock();
        var held = await fileLock.AcquireAsync(Alice, Ttl, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(30));

        var renewed = await fileLock.RenewAsync(held, Ttl, CancellationToken.None);

        Assert.Equal(held.Id, renewed.Id);
        Assert.Equal(held.AcquiredAt, renewed.AcquiredAt);
        Assert.Equal(_time.GetUtcNow(), renewed.HeartbeatAt);
        Assert.Equal(renewed, await fileLock.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ForceUnlock_WithTheLockId_RemovesIt_AndTheOldHolderLearnsOnItsNextHeartbeat()
    {
        var held = await NewLock().AcquireAsync(Alice, Ttl, CancellationToken.None);

        await NewLock().ForceUnlockAsync(held.Id, CancellationToken.None);
        var bobs = await NewLock().AcquireAsync(Bob, Ttl, CancellationToken.None);

        var error = await Assert.ThrowsAsync<LockLostException>(() => NewLock().RenewAsync(held, Ttl, CancellationToken.None));
        Assert.Contains("now held by bob@laptop (pid 77)", error.Message, StringComparison.Ordinal);
        await NewLock().ReleaseAsync(held, CancellationToken.None);
        Assert.Equal(bobs, await NewLock().ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ForceUnlock_WithAnotherId_IsRefused_NamingTheRightOne()
    {
        var held = await NewLock().AcquireAsync(Alice, Ttl, CancellationToken.None);

        var error = await Assert.ThrowsAsync<LockException>(() => NewLock().ForceUnlockAsync("0123456789ab", CancellationToken.None));

        Assert.Contains($"has the id {held.Id} (held by alice@build-7 (pid 4242)), not 0123456789ab", error.Message, StringComparison.Ordinal);
        Assert.NotNull(await NewLock().ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ForceUnlock_WithNoLock_SaysSo()
    {
        var error = await Assert.ThrowsAsync<LockException>(() => NewLock().ForceUnlockAsync("0123456789ab", CancellationToken.None));

        Assert.Contains("no lock is held", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Release_RemovesTheLock_SoTheNextOperatorGetsIt()
    {
        var held = await NewLock().AcquireAsync(Alice, Ttl, CancellationToken.None);

        await NewLock().ReleaseAsync(held, CancellationToken.None);

        Assert.Null(await NewLock().ReadAsync(CancellationToken.None));
        await NewLock().AcquireAsync(Bob, Ttl, CancellationToken.None);
    }

    [Fact]
    public async Task AnUnreadableLockFile_IsRefused_AndCanBeForceUnlockedByItsPlaceholderId()
    {
        Directory.CreateDirectory(_temp.File("state"));
        await File.WriteAllTextAsync(_temp.File("state/lock.json"), "{\"id\":");

        // Written long ago: its writer is gone, so it is reported at once.
        File.SetLastWriteTimeUtc(_temp.File("state/lock.json"), DateTime.UtcNow.AddHours(-1));

        var error = await Assert.ThrowsAsync<LockHeldException>(() => NewLock().AcquireAsync(Bob, Ttl, CancellationToken.None));
        await NewLock().ForceUnlockAsync(FileLock.UnreadableId, CancellationToken.None);

        Assert.Contains("a lock exists but cannot be read", error.Message, StringComparison.Ordinal);
        Assert.Contains($"--force-unlock {FileLock.UnreadableId}", error.Message, StringComparison.Ordinal);
        await NewLock().AcquireAsync(Bob, Ttl, CancellationToken.None);
    }
}
