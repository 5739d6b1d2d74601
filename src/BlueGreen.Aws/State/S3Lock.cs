using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Locking;

namespace BlueGreen.Aws.State;

/// <summary>
/// The lock as one S3 object (<c>&lt;prefix&gt;/lock.json</c>) created with If-None-Match: *, the same idea
/// as Terraform's <c>use_lockfile</c>. Heartbeats overwrite it with If-Match on the ETag read, so a
/// lock that was force-unlocked and taken by someone else is never overwritten.
/// </summary>
public sealed class S3Lock : ILock
{
    private readonly IAmazonS3 _s3;
    private readonly S3StateLocation _location;
    private readonly TimeProvider _time;
    private readonly string _key;

    public S3Lock(IAmazonS3 s3, S3StateLocation location, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(s3);
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(time);
        _s3 = s3;
        _location = location;
        _time = time;
        _key = location.Key("lock.json");
    }

    private string Where => $"s3://{_location.Bucket}/{_key}";

    public async Task<LockInfo> AcquireAsync(LockHolder holder, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var now = _time.GetUtcNow();
        var info = new LockInfo(Guid.NewGuid().ToString("N")[..12], holder, now, now, now + ttl);
        try
        {
            await PutAsync(info, ifNoneMatch: "*", ifMatch: null, cancellationToken).ConfigureAwait(false);
            return info;
        }
        catch (AmazonS3Exception e) when (S3Errors.IsConditionFailed(e))
        {
            var current = await ReadWithTagAsync(cancellationToken).ConfigureAwait(false);
            if (current?.Info.Id == info.Id)
            {
                // The SDK retried a write whose first answer was lost; the lock it found is the one just written.
                return info;
            }

            throw current is null
                ? new LockException($"The lock {Where} was released while this process tried to take it; run the command again.", e)
                : new LockHeldException(current.Value.Info, now);
        }
        catch (AmazonS3Exception e)
        {
            throw new LockException(S3Errors.Explain(e, "taking the lock", _location), e);
        }
    }

    public async Task<LockInfo> RenewAsync(LockInfo held, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(held);
        var current = await ReadWithTagAsync(cancellationToken).ConfigureAwait(false);
        if (current?.Info.Id != held.Id)
        {
            throw Lost(held, current?.Info);
        }

        var now = _time.GetUtcNow();
        var renewed = current.Value.Info with { HeartbeatAt = now, ExpiresAt = now + ttl };
        try
        {
            await PutAsync(renewed, ifNoneMatch: null, ifMatch: current.Value.ETag, cancellationToken).ConfigureAwait(false);
            return renewed;
        }
        catch (AmazonS3Exception e) when (S3Errors.IsConditionFailed(e) || S3Errors.IsNotFound(e))
        {
            var after = (await ReadWithTagAsync(cancellationToken).ConfigureAwait(false))?.Info;
            if (after == renewed)
            {
                // A retried write whose first attempt landed: the stored lock is ours with this very heartbeat.
                return renewed;
            }

            throw Lost(held, after);
        }
        catch (AmazonS3Exception e)
        {
            throw new LockException(S3Errors.Explain(e, "renewing the lock", _location), e);
        }
    }

    public async Task ReleaseAsync(LockInfo held, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(held);
        var current = await ReadWithTagAsync(cancellationToken).ConfigureAwait(false);
        if (current?.Info.Id == held.Id)
        {
            await DeleteAsync(current.Value.ETag, "releasing the lock", cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<LockInfo?> ReadAsync(CancellationToken cancellationToken) =>
        (await ReadWithTagAsync(cancellationToken).ConfigureAwait(false))?.Info;

    public async Task ForceUnlockAsync(string lockId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lockId);
        var current = await ReadWithTagAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new LockException($"Nothing to force-unlock: no lock is held at {Where}.");
        if (current.Info.Id != lockId)
        {
            throw new LockException($"The lock at {Where} has the id {current.Info.Id} (held by {current.Info.Holder}), not {lockId}. Check the id in the error that named the holder and try again.");
        }

        await DeleteAsync(current.ETag, "force-unlocking the lock", cancellationToken).ConfigureAwait(false);
    }

    private LockLostException Lost(LockInfo held, LockInfo? now) =>
        new($"The lock {held.Id} at {Where} is no longer held by this process ({(now is null ? "the object is gone" : $"it is now held by {now.Holder}")}); it was force-unlocked. Stopping without further changes.");

    private async Task PutAsync(LockInfo info, string? ifNoneMatch, string? ifMatch, CancellationToken cancellationToken)
    {
        await _s3.PutObjectAsync(
            new PutObjectRequest
            {
                BucketName = _location.Bucket,
                Key = _key,
                ContentBody = JsonSerializer.Serialize(info, JournalJson.Options),
                ContentType = "application/json",
                IfNoneMatch = ifNoneMatch,
                IfMatch = ifMatch,

                // One small object: a plain signed body, not aws-chunked encoding.
                UseChunkEncoding = false,
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task DeleteAsync(string etag, string what, CancellationToken cancellationToken)
    {
        try
        {
            // If-Match: only the lock that was read is deleted, never one taken in between.
            await _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _location.Bucket, Key = _key, IfMatch = etag }, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (S3Errors.IsConditionFailed(e) || S3Errors.IsNotFound(e))
        {
            // Someone else replaced or removed it meanwhile; it is not ours to delete.
        }
        catch (AmazonS3Exception e)
        {
            throw new LockException(S3Errors.Explain(e, what, _location), e);
        }
    }

    private async Task<(LockInfo Info, string ETag)?> ReadWithTagAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await S3Objects.TryReadTextAsync(_s3, _location.Bucket, _key, cancellationToken).ConfigureAwait(false) is not var (text, etag))
            {
                return null;
            }

            LockInfo? info;
            try
            {
                info = JsonSerializer.Deserialize<LockInfo>(text, JournalJson.Options);
            }
            catch (JsonException)
            {
                info = null;
            }

            return (info ?? new LockInfo(FileLock.UnreadableId, new LockHolder("unknown", "unknown", 0), _time.GetUtcNow(), DateTimeOffset.MinValue, DateTimeOffset.MinValue), etag);
        }
        catch (AmazonS3Exception e)
        {
            throw new LockException(S3Errors.Explain(e, "reading the lock", _location), e);
        }
    }
}
