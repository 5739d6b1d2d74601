using System.Net;
using System.Text.Json;
using BlueGreen.Aws.State;
using BlueGreen.Aws.Tests.Fakes;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Locking;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Aws.Tests.State;

/// <summary>On s3rver for the lock's life cycle; on request shapes for the conditional writes s3rver ignores.</summary>
public sealed class S3LockTests : IClassFixture<S3rverFixture>
{
    private static readonly LockHolder Alice = new("alice", "laptop", 4242);
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(2);

    private readonly S3rverFixture _s3rver;
    private readonly FakeTimeProvider _time = new(Clock.Start);

    public S3LockTests(S3rverFixture s3rver)
    {
        _s3rver = s3rver;
    }

    [Fact]
    public async Task Acquire_StoresTheHolder_AndReleaseRemovesIt()
    {
        using var s3 = _s3rver.Client();
        var subject = Lock(s3);

        var held = await subject.AcquireAsync(Alice, Ttl, CancellationToken.None);

        Assert.Equal(held, await subject.ReadAsync(CancellationToken.None));
        Assert.Equal(Clock.Start + Ttl, held.ExpiresAt);
        await subject.ReleaseAsync(held, CancellationToken.None);
        Assert.Null(await subject.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Renew_MovesTheExpiry()
    {
        using var s3 = _s3rver.Client();
        var subject = Lock(s3);
        var held = await subject.AcquireAsync(Alice, Ttl, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(30));

        var renewed = await subject.RenewAsync(held, Ttl, CancellationToken.None);

        Assert.Equal(Clock.Start + TimeSpan.FromSeconds(30) + Ttl, renewed.ExpiresAt);
        Assert.Equal(renewed, await subject.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ForceUnlock_NeedsTheLocksId()
    {
        using var s3 = _s3rver.Client();
        var subject = Lock(s3);
        var held = await subject.AcquireAsync(Alice, Ttl, CancellationToken.None);

        var error = await Assert.ThrowsAsync<LockException>(() => subject.ForceUnlockAsync("wrong", CancellationToken.None));
        Assert.Contains($"has the id {held.Id} (held by alice@laptop (pid 4242)), not wrong", error.Message, StringComparison.Ordinal);

        await subject.ForceUnlockAsync(held.Id, CancellationToken.None);
        Assert.Null(await subject.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ForceUnlock_WithNothingHeld_SaysSo()
    {
        using var s3 = _s3rver.Client();

        var error = await Assert.ThrowsAsync<LockException>(() => Lock(s3).ForceUnlockAsync("abc", CancellationToken.None));
        Assert.Contains("no lock is held", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renew_AfterAForceUnlock_IsLost()
    {
        using var s3 = _s3rver.Client();
        var subject = Lock(s3);
        var held = await subject.AcquireAsync(Alice, Ttl, CancellationToken.None);
        await subject.ForceUnlockAsync(held.Id, CancellationToken.None);

        var error = await Assert.ThrowsAsync<LockLostException>(() => subject.RenewAsync(held, Ttl, CancellationToken.None));
        Assert.Contains("the object is gone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Release_OfALockNoLongerOurs_LeavesItAlone()
    {
        using var s3 = _s3rver.Client();
        var subject = Lock(s3);
        var first = await subject.AcquireAsync(Alice, Ttl, CancellationToken.None);
        await subject.ForceUnlockAsync(first.Id, CancellationToken.None);
        var second = await subject.AcquireAsync(Alice with { User = "bob" }, Ttl, CancellationToken.None);

        await subject.ReleaseAsync(first, CancellationToken.None);

        Assert.Equal(second, await subject.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Acquire_WritesWithIfNoneMatch()
    {
        var recorder = new SdkShapeRecorder().Answer(HttpStatusCode.OK);
        using var s3 = recorder.Client();

        await new S3Lock(s3, new S3StateLocation("state", "test"), _time).AcquireAsync(Alice, Ttl, CancellationToken.None);

        var put = Assert.Single(recorder.Requests);
        Assert.Equal((HttpMethod.Put, "/state/test/lock.json"), (put.Method, put.Path));
        Assert.Equal("*", put.Headers["If-None-Match"]);
    }

    [Fact]
    public async Task Acquire_OfAHeldLock_NamesTheHolderAndSinceWhen()
    {
        var holder = new LockInfo("0123456789ab", new LockHolder("bob", "ci-7", 99), Clock.Start.AddMinutes(-3), Clock.Start.AddSeconds(-20), Clock.Start.AddMinutes(2));
        var recorder = new SdkShapeRecorder()
            .Answer(HttpStatusCode.PreconditionFailed, "<Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message></Error>")
            .Answer(HttpStatusCode.OK, JsonSerializer.Serialize(holder, JournalJson.Options));
        using var s3 = recorder.Client();

        var error = await Assert.ThrowsAsync<LockHeldException>(() => new S3Lock(s3, new S3StateLocation("state", "test"), _time).AcquireAsync(Alice, Ttl, CancellationToken.None));

        Assert.Equal(holder, error.Current);
        Assert.Contains("held by bob@ci-7 (pid 99) since 2026-11-27 08:57:00Z", error.Message, StringComparison.Ordinal);
        Assert.Contains("--force-unlock 0123456789ab", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renew_OverwritesOnlyTheVersionItRead()
    {
        var held = new LockInfo("0123456789ab", Alice, Clock.Start, Clock.Start, Clock.Start + Ttl);
        var recorder = new SdkShapeRecorder()
            .Answer(HttpStatusCode.OK, JsonSerializer.Serialize(held, JournalJson.Options))
            .Answer(HttpStatusCode.OK);
        using var s3 = recorder.Client();

        await new S3Lock(s3, new S3StateLocation("state", "test"), _time).RenewAsync(held, Ttl, CancellationToken.None);

        Assert.Equal(SdkShapeRecorder.ETagOf(JsonSerializer.Serialize(held, JournalJson.Options)), recorder.Requests[1].Headers["If-Match"]);
    }

    [Fact]
    public async Task Renew_ThatLosesTheRace_IsLost()
    {
        var held = new LockInfo("0123456789ab", Alice, Clock.Start, Clock.Start, Clock.Start + Ttl);
        var taken = held with { Id = "ffffffffffff", Holder = new LockHolder("bob", "ci-7", 99) };
        var recorder = new SdkShapeRecorder()
            .Answer(HttpStatusCode.OK, JsonSerializer.Serialize(held, JournalJson.Options))
            .Answer(HttpStatusCode.PreconditionFailed, "<Error><Code>PreconditionFailed</Code><Message>failed</Message></Error>")
            .Answer(HttpStatusCode.OK, JsonSerializer.Serialize(taken, JournalJson.Options));
        using var s3 = recorder.Client();

        var error = await Assert.ThrowsAsync<LockLostException>(() => new S3Lock(s3, new S3StateLocation("state", "test"), _time).RenewAsync(held, Ttl, CancellationToken.None));

        Assert.Contains("now held by bob@ci-7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acquire_WhoseFirstAnswerWasLost_AndWhoseRetryGets412_HoldsTheLockItWrote()
    {
        var recorder = new SdkShapeRecorder()
            .Answer(HttpStatusCode.InternalServerError, InternalError)
            .Answer(HttpStatusCode.PreconditionFailed, PreconditionFailed)
            .Echo(0);
        using var s3 = recorder.Client(maxErrorRetry: 1);

        var held = await new S3Lock(s3, new S3StateLocation("state", "test"), _time).AcquireAsync(Alice, Ttl, CancellationToken.None);

        Assert.Equal(held, JsonSerializer.Deserialize<LockInfo>(recorder.Bodies[0], JournalJson.Options));
        Assert.Equal([HttpMethod.Put, HttpMethod.Put, HttpMethod.Get], recorder.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task Renew_WhoseFirstAnswerWasLost_AndWhoseRetryGets412_IsRenewed_WhenTheStoredHeartbeatIsItsOwn()
    {
        var held = new LockInfo("0123456789ab", Alice, Clock.Start, Clock.Start, Clock.Start + Ttl);
        var recorder = new SdkShapeRecorder()
            .Answer(HttpStatusCode.OK, JsonSerializer.Serialize(held, JournalJson.Options))
            .Answer(HttpStatusCode.InternalServerError, InternalError)
            .Answer(HttpStatusCode.PreconditionFailed, PreconditionFailed)
            .Echo(1);
        using var s3 = recorder.Client(maxErrorRetry: 1);
        _time.Advance(TimeSpan.FromSeconds(30));

        var renewed = await new S3Lock(s3, new S3StateLocation("state", "test"), _time).RenewAsync(held, Ttl, CancellationToken.None);

        Assert.Equal(held with { HeartbeatAt = Clock.Start.AddSeconds(30), ExpiresAt = Clock.Start.AddSeconds(30) + Ttl }, renewed);
    }

    [Fact]
    public async Task Renew_WhoseRetryGets412_IsLost_WhenTheStoredHeartbeatIsAnother()
    {
        var held = new LockInfo("0123456789ab", Alice, Clock.Start, Clock.Start, Clock.Start + Ttl);
        var recorder = new SdkShapeRecorder()
            .Answer(HttpStatusCode.OK, JsonSerializer.Serialize(held, JournalJson.Options))
            .Answer(HttpStatusCode.InternalServerError, InternalError)
            .Answer(HttpStatusCode.PreconditionFailed, PreconditionFailed)
            .Answer(HttpStatusCode.OK, JsonSerializer.Serialize(held, JournalJson.Options));
        using var s3 = recorder.Client(maxErrorRetry: 1);
        _time.Advance(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<LockLostException>(() => new S3Lock(s3, new S3StateLocation("state", "test"), _time).RenewAsync(held, Ttl, CancellationToken.None));
    }

    [Fact]
    public async Task Release_DeletesOnlyTheVersionItRead()
    {
        var held = new LockInfo("0123456789ab", Alice, Clock.Start, Clock.Start, Clock.Start + Ttl);
        var recorder = new SdkShapeRecorder()
            .Answer(HttpStatusCode.OK, JsonSerializer.Serialize(held, JournalJson.Options))
            .Answer(HttpStatusCode.NoContent);
        using var s3 = recorder.Client();

        await new S3Lock(s3, new S3StateLocation("state", "test"), _time).ReleaseAsync(held, CancellationToken.None);

        Assert.Equal((HttpMethod.Delete, SdkShapeRecorder.ETagOf(JsonSerializer.Serialize(held, JournalJson.Options))), (recorder.Requests[1].Method, recorder.Requests[1].Headers["If-Match"]));
    }

    private const string InternalError = "<Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message></Error>";

    private const string PreconditionFailed = "<Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message></Error>";

    private S3Lock Lock(Amazon.S3.IAmazonS3 s3) => new(s3, new S3StateLocation(S3rverFixture.Bucket, "env-" + Guid.NewGuid().ToString("N")[..8]), _time);
}
