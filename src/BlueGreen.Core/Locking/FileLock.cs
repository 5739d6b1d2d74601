using System.Text.Json;
using BlueGreen.Core.Journal;

namespace BlueGreen.Core.Locking;

/// <summary>
/// The lock as a local file created exclusively (O_EXCL): the file exists exactly while someone
/// holds the lock, and its JSON names the holder. Heartbeats rewrite it through a rename.
/// </summary>
public sealed class FileLock : ILock
{
    /// <summary>The id reported for a lock file that cannot be read (its writer died mid-write).</summary>
    public const string UnreadableId = "unreadable";

    private readonly string _path;
    private readonly TimeProvider _time;

    public FileLock(string path, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(time);
        _path = Path.GetFullPath(path);
        _time = time;
    }

    public Task<LockInfo> AcquireAsync(LockHolder holder, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var now = _time.GetUtcNow();
        var info = new LockInfo(Guid.NewGuid().ToString("N")[..12], holder, now, now, now + ttl);
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        try
        {
            using var stream = new FileStream(_path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            JsonSerializer.Serialize(stream, info, JournalJson.Options);
            stream.Flush(flushToDisk: true);
        }
        catch (IOException) when (File.Exists(_path))
        {
            throw new LockHeldException(ReadCurrent() ?? Unreadable(now), now);
        }

        return Task.FromResult(info);
    }

    public Task<LockInfo> RenewAsync(LockInfo held, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(held);
        var current = ReadCurrent();
        if (current?.Id != held.Id)
        {
            throw new LockLostException($"The lock {held.Id} at '{_path}' is no longer held by this process ({(current is null ? "the file is gone" : $"it is now held by {current.Holder}")}); it was force-unlocked. Stopping without further changes.");
        }

        var now = _time.GetUtcNow();
        var renewed = current with { HeartbeatAt = now, ExpiresAt = now + ttl };
        var temporary = $"{_path}.{held.Id}.tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, renewed, JournalJson.Options);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, _path, overwrite: true);
        return Task.FromResult(renewed);
    }

    public Task ReleaseAsync(LockInfo held, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(held);
        if (ReadCurrent()?.Id == held.Id)
        {
            File.Delete(_path);
        }

        return Task.CompletedTask;
    }

    public Task<LockInfo?> ReadAsync(CancellationToken cancellationToken) =>
        Task.FromResult(File.Exists(_path) ? ReadCurrent() ?? Unreadable(_time.GetUtcNow()) : null);

    public Task ForceUnlockAsync(string lockId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lockId);
        if (!File.Exists(_path))
        {
            throw new LockException($"Nothing to force-unlock: no lock is held at '{_path}'.");
        }

        var current = ReadCurrent();
        var currentId = current?.Id ?? UnreadableId;
        if (currentId != lockId)
        {
            throw new LockException($"The lock at '{_path}' has the id {currentId}{(current is null ? string.Empty : $" (held by {current.Holder})")}, not {lockId}. Check the id in the error that named the holder and try again.");
        }

        File.Delete(_path);
        return Task.CompletedTask;
    }

    private LockInfo? ReadCurrent()
    {
        try
        {
            return JsonSerializer.Deserialize<LockInfo>(File.ReadAllBytes(_path), JournalJson.Options);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static LockInfo Unreadable(DateTimeOffset now) =>
        new(UnreadableId, new LockHolder("unknown", "unknown", 0), now, DateTimeOffset.MinValue, DateTimeOffset.MinValue);
}
