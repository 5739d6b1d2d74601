namespace BlueGreen.Core.Locking;

/// <summary>A held lock: its id (what <c>--force-unlock</c> names), holder, when it was taken, last heartbeat and expiry.</summary>
public sealed record LockInfo(string Id, LockHolder Holder, DateTimeOffset AcquiredAt, DateTimeOffset HeartbeatAt, DateTimeOffset ExpiresAt)
{
    /// <summary>Whether the holder stopped renewing it before <paramref name="now"/>; a stale lock is still only taken by force-unlock.</summary>
    public bool IsStale(DateTimeOffset now) => now >= ExpiresAt;
}
