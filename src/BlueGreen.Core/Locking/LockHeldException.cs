using System.Globalization;

namespace BlueGreen.Core.Locking;

/// <summary>Someone else holds the lock; the message names the holder, since when, and the id to force-unlock.</summary>
public sealed class LockHeldException : LockException
{
    public LockHeldException(LockInfo current, DateTimeOffset now)
        : base(Describe(current, now))
    {
        Current = current;
    }

    public LockHeldException()
    {
    }

    public LockHeldException(string message)
        : base(message)
    {
    }

    public LockHeldException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The lock as found.</summary>
    public LockInfo? Current { get; }

    private static string Describe(LockInfo current, DateTimeOffset now)
    {
        if (current.Id == FileLock.UnreadableId)
        {
            return $"Another operator may be upgrading this environment: a lock exists but cannot be read (its writer may have died while writing it). If no other bluegreen runs, run again with --force-unlock {FileLock.UnreadableId}.";
        }

        var since = current.AcquiredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var heartbeat = (now - current.HeartbeatAt).TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
        var head = $"Another operator is upgrading this environment: the lock is held by {current.Holder} since {since} (lock id {current.Id}, last heartbeat {heartbeat} s ago).";
        return current.IsStale(now)
            ? head + $" The lock looks stale: its holder stopped renewing it. If you are sure that process is gone, run again with --force-unlock {current.Id}."
            : head + $" Wait for it to finish; if that process is gone, run again with --force-unlock {current.Id}.";
    }
}
