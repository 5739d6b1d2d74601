namespace BlueGreen.Core.Locking;

/// <summary>
/// One operator at a time per environment. Implementations must make acquisition atomic (an
/// exclusive create locally; a conditional write in S3) and never take a lock someone else holds,
/// even a stale one: only <see cref="ForceUnlockAsync"/> with the lock's id removes it.
/// </summary>
public interface ILock
{
    /// <summary>Takes the lock for <paramref name="holder"/> for <paramref name="ttl"/>.</summary>
    /// <exception cref="LockHeldException">Someone holds it; the message names them and since when.</exception>
    Task<LockInfo> AcquireAsync(LockHolder holder, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Extends a held lock by <paramref name="ttl"/> from now; returns the renewed lock.</summary>
    /// <exception cref="LockLostException">The lock is no longer ours (it was force-unlocked).</exception>
    Task<LockInfo> RenewAsync(LockInfo held, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Gives up a held lock; does nothing when it is no longer ours.</summary>
    Task ReleaseAsync(LockInfo held, CancellationToken cancellationToken);

    /// <summary>The lock as stored now, or null when nobody holds it.</summary>
    Task<LockInfo?> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Removes the lock whose id is <paramref name="lockId"/>, whoever holds it (Terraform's force-unlock).</summary>
    /// <exception cref="LockException">No lock is held, or it has another id.</exception>
    Task ForceUnlockAsync(string lockId, CancellationToken cancellationToken);
}
