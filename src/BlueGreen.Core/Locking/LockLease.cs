namespace BlueGreen.Core.Locking;

/// <summary>
/// A lock held for as long as a piece of work outside the engine runs (<c>shift</c>, <c>decommission</c>), renewed in
/// the background so a long wait (a Route53 change going INSYNC) never makes a live holder look stale. When a renewal
/// finds the lock gone (force-unlocked), <see cref="Lost"/> is cancelled so the work stops.
/// </summary>
public sealed class LockLease : IAsyncDisposable
{
    private readonly ILock _lock;
    private readonly TimeSpan _ttl;
    private readonly TimeSpan _renewEvery;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _lost = new();
    private readonly Task _renewing;
    private LockInfo _held;

    private LockLease(ILock lockStore, LockInfo held, TimeSpan ttl, TimeSpan renewEvery, TimeProvider time)
    {
        _lock = lockStore;
        _held = held;
        _ttl = ttl;
        _renewEvery = renewEvery;
        _time = time;
        _renewing = RenewAsync();
    }

    /// <summary>The lock as last written.</summary>
    public LockInfo Held => Volatile.Read(ref _held);

    /// <summary>Cancelled when the lock was found to be no longer ours.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Why the lock was lost; null while it is held.</summary>
    public string? LostReason { get; private set; }

    /// <summary>Takes the lock for <paramref name="ttl"/> and renews it every <paramref name="renewEvery"/> until disposed.</summary>
    /// <exception cref="LockHeldException">Someone holds it.</exception>
    public static async Task<LockLease> AcquireAsync(ILock lockStore, LockHolder holder, TimeSpan ttl, TimeSpan renewEvery, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lockStore);
        ArgumentNullException.ThrowIfNull(time);
        if (renewEvery <= TimeSpan.Zero || renewEvery >= ttl)
        {
            throw new ArgumentOutOfRangeException(nameof(renewEvery), renewEvery, "The lock must be renewed more often than it expires.");
        }

        var held = await lockStore.AcquireAsync(holder, ttl, cancellationToken).ConfigureAwait(false);
        return new LockLease(lockStore, held, ttl, renewEvery, time);
    }

    /// <summary>Stops renewing and releases the lock (if it is still ours).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _renewing.ConfigureAwait(false);
        if (!_lost.IsCancellationRequested)
        {
            await _lock.ReleaseAsync(Held, CancellationToken.None).ConfigureAwait(false);
        }

        _stop.Dispose();
        _lost.Dispose();
    }

    private async Task RenewAsync()
    {
        while (true)
        {
            try
            {
                await Task.Delay(_renewEvery, _time, _stop.Token).ConfigureAwait(false);
                Volatile.Write(ref _held, await _lock.RenewAsync(Held, _ttl, _stop.Token).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (LockLostException e)
            {
                LostReason = e.Message;
                await _lost.CancelAsync().ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A renewal that could not reach the store is tried again next period; the lock is valid until it expires.
            }
        }
    }
}
