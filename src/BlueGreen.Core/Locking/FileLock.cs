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

    private const int ReadAttempts = 5;
    private static readonly TimeSpan ReadRetryDelay = TimeSpan.FromMilliseconds(20);

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
            // CreateNew is O_CREAT|O_EXCL: of two processes, exactly one creates the file. Readers are
            // let in (FileShare.Read) and retry the instant before the content is written.
            using var stream = new FileStream(_path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
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
        File.Move(WriteTemporary(renewed), _path, overwrite: true);
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

    private string WriteTemporary(LockInfo info)
    {
        var temporary = $"{_path}.{info.Id}.{Environment.ProcessId}.tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, info, JournalJson.Options);
            stream.Flush(flushToDisk: true);
        }

        return temporary;
    }

    // Null when there is no lock file, or when it stays unreadable (its writer died mid-write).
    private LockInfo? ReadCurrent()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return JsonSerializer.Deserialize<LockInfo>(File.ReadAllBytes(_path), JournalJson.Options);
            }
            catch (FileNotFoundException)
            {
                return null;
            }
            catch (Exception e) when (e is JsonException or IOException)
            {
                if (attempt == ReadAttempts)
                {
                    return null;
                }

                // A live writer finishes within microseconds; this waits for it in real time on purpose.
                Thread.Sleep(ReadRetryDelay);
            }
        }
    }

    private static LockInfo Unreadable(DateTimeOffset now) =>
        new(UnreadableId, new LockHolder("unknown", "unknown", 0), now, DateTimeOffset.MinValue, DateTimeOffset.MinValue);
}
