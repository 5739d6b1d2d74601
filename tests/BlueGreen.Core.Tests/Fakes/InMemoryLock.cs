using BlueGreen.Core.Locking;

namespace BlueGreen.Core.Tests.Fakes;

/// <summary>A lock in memory with the same refusal rules as the file lock.</summary>
internal sealed class InMemoryLock(TimeProvider time) : ILock
{
    private LockInfo? _current;

    public int Renewals { get; private set; }

    public Task<LockInfo> AcquireAsync(LockHolder holder, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_current is not null)
        {
            throw new LockHeldException(_current, now);
        }

        _current = new LockInfo(Guid.NewGuid().ToString("N")[..12], holder, now, now, now + ttl);
        return Task.FromResult(_current);
    }

    public Task<LockInfo> RenewAsync(LockInfo held, TimeSpan ttl, CancellationToken cancellationToken)
    {
        if (_current?.Id != held.Id)
        {
            throw new LockLostException("lost");
        }

        Renewals++;
        _current = _current with { HeartbeatAt = time.GetUtcNow(), ExpiresAt = time.GetUtcNow() + ttl };
        return Task.FromResult(_current);
    }

    public Task ReleaseAsync(LockInfo held, CancellationToken cancellationToken)
    {
        if (_current?.Id == held.Id)
        {
            _current = null;
        }

        return Task.CompletedTask;
    }

    public Task<LockInfo?> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(_current);

    public Task ForceUnlockAsync(string lockId, CancellationToken cancellationToken)
    {
        _current = null;
        return Task.CompletedTask;
    }
}
