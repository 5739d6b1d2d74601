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

    private static readonly TimeSpan DefaultYoungFile = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ReadRetryDelay = TimeSpan.FromMilliseconds(20);

    // The file system stamps files with the real clock, so a file's age is measured on the real
    // clock too, whatever clock the lock's own times come from.
    private static readonly TimeProvider FileClock = TimeProvider.System;

    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly TimeSpan _youngFile;

    public FileLock(string path, TimeProvider time)
        : this(path, time, DefaultYoungFile)
    {
    }

    /// <param name="path">The lock file.</param>
    /// <param name="time">The clock of the lock's times (acquired, heartbeat, expiry).</param>
    /// <param name="youngFile">How long after its last write an unreadable lock file counts as still being written, and is read again.</param>
    internal FileLock(string path, TimeProvider time, TimeSpan youngFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(time);
        _path = Path.GetFullPath(path);
        _time = time;
        _youngFile = youngFile;
    }

    public async Task<LockInfo> AcquireAsync(LockHolder holder, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var now = _time.GetUtcNow();
        var info = new LockInfo(Guid.NewGuid().ToString("N")[..12], holder, now, now, now + ttl);

        // Serialized before the file exists, so the file is filled by one write right after its creation.
        var content = JsonSerializer.SerializeToUtf8Bytes(info, JournalJson.Options);
        FileStream stream;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);

            // CreateNew is O_CREAT|O_EXCL: of two processes, exactly one creates the file.
            stream = new FileStream(_path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        }
        catch (IOException) when (File.Exists(_path))
        {
            throw new LockHeldException(await ReadCurrentAsync(cancellationToken) ?? Unreadable(now), now);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failure("created", e);
        }

        try
        {
            using (stream)
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
        }
        catch (Exception e)
        {
            // An empty or half-written lock file would keep everyone out as "unreadable": it is ours, so take
            // it back whatever went wrong. A file size limit surfaces as ArgumentOutOfRangeException, not IOException.
            TryDelete(_path);
            if (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
            {
                throw Failure("written", e);
            }

            throw;
        }

        return info;
    }

    public async Task<LockInfo> RenewAsync(LockInfo held, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(held);
        var current = await ReadCurrentAsync(cancellationToken);
        if (current?.Id != held.Id)
        {
            throw new LockLostException($"The lock {held.Id} at '{_path}' is no longer held by this process ({(current is null ? "the file is gone" : $"it is now held by {current.Holder}")}); it was force-unlocked. Stopping without further changes.");
        }

        var now = _time.GetUtcNow();
        var renewed = current with { HeartbeatAt = now, ExpiresAt = now + ttl };
        var temporary = $"{_path}.{renewed.Id}.{Environment.ProcessId}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(JsonSerializer.SerializeToUtf8Bytes(renewed, JournalJson.Options));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, _path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            TryDelete(temporary);
            throw Failure("renewed", e);
        }

        return renewed;
    }

    public async Task ReleaseAsync(LockInfo held, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(held);
        if ((await ReadCurrentAsync(cancellationToken))?.Id == held.Id)
        {
            Delete();
        }
    }

    public async Task<LockInfo?> ReadAsync(CancellationToken cancellationToken) =>
        File.Exists(_path) ? await ReadCurrentAsync(cancellationToken) ?? Unreadable(_time.GetUtcNow()) : null;

    public async Task ForceUnlockAsync(string lockId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lockId);
        if (!File.Exists(_path))
        {
            throw new LockException($"Nothing to force-unlock: no lock is held at '{_path}'.");
        }

        var current = await ReadCurrentAsync(cancellationToken);
        var currentId = current?.Id ?? UnreadableId;
        if (currentId != lockId)
        {
            throw new LockException($"The lock at '{_path}' has the id {currentId}{(current is null ? string.Empty : $" (held by {current.Holder})")}, not {lockId}. Check the id in the error that named the holder and try again.");
        }

        Delete();
    }

    // Null when there is no lock file, or when it stays unreadable (its writer died mid-write).
    private async Task<LockInfo?> ReadCurrentAsync(CancellationToken cancellationToken)
    {
        var started = FileClock.GetTimestamp();
        while (true)
        {
            try
            {
                return JsonSerializer.Deserialize<LockInfo>(File.ReadAllBytes(_path), JournalJson.Options);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                return null;
            }
            catch (UnauthorizedAccessException e)
            {
                throw Failure("read", e);
            }
            catch (Exception e) when (e is JsonException or IOException)
            {
                // A file just created may not be written yet: its writer gets a moment before it counts as dead.
                var age = FileClock.GetUtcNow().UtcDateTime - File.GetLastWriteTimeUtc(_path);
                if (age >= _youngFile || FileClock.GetElapsedTime(started) >= _youngFile)
                {
                    return null;
                }

                await Task.Delay(ReadRetryDelay, FileClock, cancellationToken);
            }
        }
    }

    private void Delete()
    {
        try
        {
            File.Delete(_path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failure("removed", e);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The original failure is what the operator needs to see; this one adds nothing.
        }
    }

    private LockException Failure(string action, Exception e) =>
        new($"The lock file '{_path}' could not be {action} ({e.Message}). Check that its directory exists and that this user may write there, then run again.", e);

    private static LockInfo Unreadable(DateTimeOffset now) =>
        new(UnreadableId, new LockHolder("unknown", "unknown", 0), now, DateTimeOffset.MinValue, DateTimeOffset.MinValue);
}
