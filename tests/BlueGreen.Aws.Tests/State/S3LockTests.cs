using System.Net;
using Amazon.S3;
using BlueGreen.Aws.State;
using BlueGreen.Aws.Tests.Fakes;
using BlueGreen.Core.Locking;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Aws.Tests.State;

/// <summary>On moto, which enforces If-None-Match and If-Match as S3 does: the lock's life cycle, races lost at exact points, lost answers.</summary>
public sealed class S3LockTests : IClassFixture<MotoFixture>
{
    private static readonly LockHolder Alice = new("alice", "laptop", 4242);
    private static readonly LockHolder Bob = new("bob", "ci-7", 99);
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(2);

    private readonly MotoFixture _moto;
    private readonly FakeTimeProvider _time = new(Clock.Start);

    public S3LockTests(MotoFixture moto)
    {
        _moto = moto;
    }

    [Fact]
    public async Task Acquire_StoresTheHolder_AndReleaseRemovesIt()
    {
        using var s3 = _moto.S3();
        var subject = new S3Lock(s3, await NewLocationAsync(), _time);

        var held = await subject.AcquireAsync(Alice, Ttl, CancellationToken.None);

        Assert.Equal(held, await subject.ReadAsync(CancellationToken.None));
        Assert.Equal(Clock.Start + Ttl, held.ExpiresAt);
        await subject.ReleaseAsync(held, CancellationToken.None);
        Assert.Null(await subject.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Acquire_OfAHeldLock_IsRefused_NamingTheHolderAndSinceWhen()
    {
        using var s3 = _moto.S3();
        var location = await NewLocationAsync();
        var alices = await new S3Lock(s3, location, _time).AcquireAsync(Alice, Ttl, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAsync<LockHeldException>(() => new S3Lock(s3, location, _time).AcquireAsync(Bob, Ttl, CancellationToken.None));

        Assert.Equal(alices, error.Current);
        Assert.Contains("held by alice@laptop (pid 4242) since 2026-11-27 09:00:00Z", error.Message, StringComparison.Ordinal);
        Assert.Contains($"--force-unlock {alices.Id}", error.Message, StringComparison.Ordinal);
        Assert.Equal(alices, await new S3Lock(s3, location, _time).ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Renew_MovesTheExpiry()
    {
        using var s3 = _moto.S3();
        var subject = new S3Lock(s3, await NewLocationAsync(), _time);
        var held = await subject.AcquireAsync(Alice, Ttl, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(30));

        var renewed = await subject.RenewAsync(held, Ttl, CancellationToken.None);

        Assert.Equal(held with { HeartbeatAt = Clock.Start.AddSeconds(30), ExpiresAt = Clock.Start.AddSeconds(30) + Ttl }, renewed);
        Assert.Equal(renewed, await subject.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Renew_ThatLosesTheRaceToAForceUnlockAndANewHolder_IsLost_AndLeavesTheNewLock()
    {
        using var s3 = _moto.S3();
        var location = await NewLocationAsync();
        var held = await new S3Lock(s3, location, _time).AcquireAsync(Alice, Ttl, CancellationToken.None);
        LockInfo? bobs = null;

        // Between the renewal's read and its conditional write, someone force-unlocks and Bob takes the lock.
        using var network = new FaultInjectingHandler().Before(r => r.Is(HttpMethod.Put, "/lock.json"), async () =>
        {
            var other = new S3Lock(s3, location, _time);
            await other.ForceUnlockAsync(held.Id, CancellationToken.None);
            bobs = await other.AcquireAsync(Bob, Ttl, CancellationToken.None);
        });
        using var racing = _moto.S3(network);

        var error = await Assert.ThrowsAsync<LockLostException>(() => new S3Lock(racing, location, _time).RenewAsync(held, Ttl, CancellationToken.None));

        Assert.Contains("now held by bob@ci-7 (pid 99)", error.Message, StringComparison.Ordinal);
        Assert.Equal(bobs, await new S3Lock(s3, location, _time).ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ForceUnlock_NeedsTheLocksId()
    {
        using var s3 = _moto.S3();
        var subject = new S3Lock(s3, await NewLocationAsync(), _time);
        var held = await subject.AcquireAsync(Alice, Ttl, CancellationToken.None);

        var error = await Assert.ThrowsAsync<LockException>(() => subject.ForceUnlockAsync("wrong", CancellationToken.None));
        Assert.Contains($"has the id {held.Id} (held by alice@laptop (pid 4242)), not wrong", error.Message, StringComparison.Ordinal);
        Assert.Equal(held, await subject.ReadAsync(CancellationToken.None));

        await subject.ForceUnlockAsync(held.Id, CancellationToken.None);
        Assert.Null(await subject.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ForceUnlock_WithNothingHeld_SaysSo()
    {
        using var s3 = _moto.S3();
        var location = await NewLocationAsync();

        var error = await Assert.ThrowsAsync<LockException>(() => new S3Lock(s3, location, _time).ForceUnlockAsync("abc", CancellationToken.None));

        Assert.Equal($"Nothing to force-unlock: no lock is held at s3://{location.Bucket}/{location.Prefix}/lock.json.", error.Message);
    }

    [Fact]
    public async Task Renew_AfterAForceUnlock_IsLost()
    {
        using var s3 = _moto.S3();
        var subject = new S3Lock(s3, await NewLocationAsync(), _time);
        var held = await subject.AcquireAsync(Alice, Ttl, CancellationToken.None);
        await subject.ForceUnlockAsync(held.Id, CancellationToken.None);

        var error = await Assert.ThrowsAsync<LockLostException>(() => subject.RenewAsync(held, Ttl, CancellationToken.None));

        Assert.Contains("the object is gone", error.Message, StringComparison.Ordinal);
        Assert.Null(await subject.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Release_OfALockNoLongerOurs_LeavesItAlone()
    {
        using var s3 = _moto.S3();
        var subject = new S3Lock(s3, await NewLocationAsync(), _time);
        var first = await subject.AcquireAsync(Alice, Ttl, CancellationToken.None);
        await subject.ForceUnlockAsync(first.Id, CancellationToken.None);
        var second = await subject.AcquireAsync(Bob, Ttl, CancellationToken.None);

        await subject.ReleaseAsync(first, CancellationToken.None);

        Assert.Equal(second, await subject.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Release_ThatLosesTheRaceToANewHolder_LeavesTheNewLock()
    {
        using var s3 = _moto.S3();
        var location = await NewLocationAsync();
        var held = await new S3Lock(s3, location, _time).AcquireAsync(Alice, Ttl, CancellationToken.None);
        LockInfo? bobs = null;

        // The release read Alice's lock; before its DELETE (If-Match on that ETag) arrives, the lock changes hands.
        using var network = new FaultInjectingHandler().Before(r => r.Is(HttpMethod.Delete, "/lock.json"), async () =>
        {
            var other = new S3Lock(s3, location, _time);
            await other.ForceUnlockAsync(held.Id, CancellationToken.None);
            bobs = await other.AcquireAsync(Bob, Ttl, CancellationToken.None);
        });
        using var racing = _moto.S3(network);

        await new S3Lock(racing, location, _time).ReleaseAsync(held, CancellationToken.None);

        Assert.NotNull(bobs);
        Assert.Equal(bobs, await new S3Lock(s3, location, _time).ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Acquire_WhoseFirstAnswerWasLost_AndWhoseRetryGets412_HoldsTheLockItWrote()
    {
        var location = await NewLocationAsync();
        using var network = new FaultInjectingHandler().LoseAnswer(r => r.Is(HttpMethod.Put, "/lock.json"));
        using var s3 = _moto.S3(network, maxErrorRetry: 1);

        var held = await new S3Lock(s3, location, _time).AcquireAsync(Alice, Ttl, CancellationToken.None);

        Assert.Equal(["PUT", "PUT", "GET"], network.Requests.Select(r => r.Method.Method));
        Assert.Equal(held, await new S3Lock(s3, location, _time).ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Renew_WhoseFirstAnswerWasLost_AndWhoseRetryGets412_IsRenewed()
    {
        var location = await NewLocationAsync();
        using var plain = _moto.S3();
        var held = await new S3Lock(plain, location, _time).AcquireAsync(Alice, Ttl, CancellationToken.None);
        using var network = new FaultInjectingHandler().LoseAnswer(r => r.Is(HttpMethod.Put, "/lock.json"));
        using var s3 = _moto.S3(network, maxErrorRetry: 1);
        _time.Advance(TimeSpan.FromSeconds(30));

        var renewed = await new S3Lock(s3, location, _time).RenewAsync(held, Ttl, CancellationToken.None);

        Assert.Equal(held with { HeartbeatAt = Clock.Start.AddSeconds(30), ExpiresAt = Clock.Start.AddSeconds(30) + Ttl }, renewed);
        Assert.Equal(["GET", "PUT", "PUT", "GET"], network.Requests.Select(r => r.Method.Method));
        Assert.Equal(renewed, await new S3Lock(plain, location, _time).ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Renew_WhoseRetryGets412_IsLost_WhenTheLockChangedHandsMeanwhile()
    {
        var location = await NewLocationAsync();
        using var plain = _moto.S3();
        var held = await new S3Lock(plain, location, _time).AcquireAsync(Alice, Ttl, CancellationToken.None);

        // The first write lands but its answer is lost; before the retry, the lock is force-unlocked and Bob takes it.
        using var network = new FaultInjectingHandler()
            .LoseAnswer(r => r.Is(HttpMethod.Put, "/lock.json"))
            .Before(r => r.Is(HttpMethod.Put, "/lock.json"), async () =>
            {
                var other = new S3Lock(plain, location, _time);
                var current = await other.ReadAsync(CancellationToken.None);
                await other.ForceUnlockAsync(current!.Id, CancellationToken.None);
                await other.AcquireAsync(Bob, Ttl, CancellationToken.None);
            });
        using var s3 = _moto.S3(network, maxErrorRetry: 1);
        _time.Advance(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<LockLostException>(() => new S3Lock(s3, location, _time).RenewAsync(held, Ttl, CancellationToken.None));

        Assert.Contains("now held by bob@ci-7 (pid 99)", error.Message, StringComparison.Ordinal);
        Assert.Equal(Bob, (await new S3Lock(plain, location, _time).ReadAsync(CancellationToken.None))!.Holder);
    }

    [Fact]
    public async Task Acquire_InAMissingBucket_SaysToDeployTheCommonStack()
    {
        using var s3 = _moto.S3();
        var location = new S3StateLocation(MotoFixture.NewName("no-such-bucket"), "test");

        var error = await Assert.ThrowsAsync<LockException>(() => new S3Lock(s3, location, _time).AcquireAsync(Alice, Ttl, CancellationToken.None));

        Assert.Equal($"The bucket of {location} does not exist. Deploy the common stack, or check the journal bucket name (SSM /<env>/common/journal-bucket).", error.Message);
    }

    [Fact]
    public async Task Acquire_ThatIsDenied_SaysWhichPermissions_AndTakesNothing()
    {
        var location = await NewLocationAsync();
        using var network = new FaultInjectingHandler().AnswerInstead(r => r.Is(HttpMethod.Put, "/lock.json"), HttpStatusCode.Forbidden, AccessDenied);
        using var s3 = _moto.S3(network);

        var error = await Assert.ThrowsAsync<LockException>(() => new S3Lock(s3, location, _time).AcquireAsync(Alice, Ttl, CancellationToken.None));

        Assert.StartsWith($"S3 denied taking the lock at {location}: Access Denied. Grant the caller s3:GetObject, s3:PutObject", error.Message, StringComparison.Ordinal);
        using var plain = _moto.S3();
        Assert.Null(await new S3Lock(plain, location, _time).ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Read_ThatIsDenied_SaysWhichPermissions()
    {
        var location = await NewLocationAsync();
        using var network = new FaultInjectingHandler().AnswerInstead(r => r.Is(HttpMethod.Get, "/lock.json"), HttpStatusCode.Forbidden, AccessDenied);
        using var s3 = _moto.S3(network);

        var error = await Assert.ThrowsAsync<LockException>(() => new S3Lock(s3, location, _time).ReadAsync(CancellationToken.None));

        Assert.StartsWith($"S3 denied reading the lock at {location}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renew_ThatIsDenied_SaysWhichPermissions_AndLeavesTheLock()
    {
        var location = await NewLocationAsync();
        using var plain = _moto.S3();
        var held = await new S3Lock(plain, location, _time).AcquireAsync(Alice, Ttl, CancellationToken.None);
        using var network = new FaultInjectingHandler().AnswerInstead(r => r.Is(HttpMethod.Put, "/lock.json"), HttpStatusCode.Forbidden, AccessDenied);
        using var s3 = _moto.S3(network);
        _time.Advance(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<LockException>(() => new S3Lock(s3, location, _time).RenewAsync(held, Ttl, CancellationToken.None));

        Assert.StartsWith($"S3 denied renewing the lock at {location}", error.Message, StringComparison.Ordinal);
        Assert.Equal(held, await new S3Lock(plain, location, _time).ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Release_ThatIsDenied_SaysWhichPermissions_AndLeavesTheLock()
    {
        var location = await NewLocationAsync();
        using var plain = _moto.S3();
        var held = await new S3Lock(plain, location, _time).AcquireAsync(Alice, Ttl, CancellationToken.None);
        using var network = new FaultInjectingHandler().AnswerInstead(r => r.Is(HttpMethod.Delete, "/lock.json"), HttpStatusCode.Forbidden, AccessDenied);
        using var s3 = _moto.S3(network);

        var error = await Assert.ThrowsAsync<LockException>(() => new S3Lock(s3, location, _time).ReleaseAsync(held, CancellationToken.None));

        Assert.StartsWith($"S3 denied releasing the lock at {location}", error.Message, StringComparison.Ordinal);
        Assert.Equal(held, await new S3Lock(plain, location, _time).ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ForceUnlock_ThatIsDenied_SaysWhichPermissions_AndLeavesTheLock()
    {
        var location = await NewLocationAsync();
        using var plain = _moto.S3();
        var held = await new S3Lock(plain, location, _time).AcquireAsync(Alice, Ttl, CancellationToken.None);
        using var network = new FaultInjectingHandler().AnswerInstead(r => r.Is(HttpMethod.Delete, "/lock.json"), HttpStatusCode.Forbidden, AccessDenied);
        using var s3 = _moto.S3(network);

        var error = await Assert.ThrowsAsync<LockException>(() => new S3Lock(s3, location, _time).ForceUnlockAsync(held.Id, CancellationToken.None));

        Assert.StartsWith($"S3 denied force-unlocking the lock at {location}", error.Message, StringComparison.Ordinal);
        Assert.Equal(held, await new S3Lock(plain, location, _time).ReadAsync(CancellationToken.None));
    }

    private const string AccessDenied = "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>";

    private async Task<S3StateLocation> NewLocationAsync() => new(await _moto.CreateBucketAsync(), "test");
}
