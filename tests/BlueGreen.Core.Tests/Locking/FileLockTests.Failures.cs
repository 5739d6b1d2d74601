using System.Text.Json;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Locking;

namespace BlueGreen.Core.Tests.Locking;

public sealed partial class FileLockTests
{
    // Long enough that the test's own write always lands inside it, even on a busy machine.
    private static readonly TimeSpan YoungFile = TimeSpan.FromSeconds(30);

    private string LockPath => _temp.File("state/lock.json");

    [Fact]
    public async Task ALockFileStillBeingWritten_IsReadOnceItsWriterFinishes()
    {
        // Given a lock file just created by another process, not yet filled
        Directory.CreateDirectory(_temp.File("state"));
        await File.WriteAllTextAsync(LockPath, string.Empty);
        var alices = new LockInfo("0123456789ab", Alice, _time.GetUtcNow(), _time.GetUtcNow(), _time.GetUtcNow() + Ttl);

        // When Bob tries to take it, and the writer finishes meanwhile
        var acquiring = new FileLock(LockPath, _time, YoungFile).AcquireAsync(Bob, Ttl, CancellationToken.None);
        await File.WriteAllBytesAsync(LockPath, JsonSerializer.SerializeToUtf8Bytes(alices, JournalJson.Options));
        var error = await Assert.ThrowsAsync<LockHeldException>(() => acquiring);

        // Then Bob is told who holds it, not that it is unreadable
        Assert.Equal(alices, error.Current);
        Assert.Contains("held by alice@build-7 (pid 4242)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreadableLockFileStillYoung_IsReadAgain_ThenReportedAsUnreadable()
    {
        Directory.CreateDirectory(_temp.File("state"));
        await File.WriteAllTextAsync(LockPath, "{\"id\":");

        var read = await new FileLock(LockPath, _time, TimeSpan.FromMilliseconds(100)).ReadAsync(CancellationToken.None);

        Assert.Equal(FileLock.UnreadableId, read!.Id);
    }

    [Fact]
    public async Task ALockFileThatCannotBeCreated_IsALockException_NamingTheFileAndWhatToDo()
    {
        // A directory where the lock file belongs cannot be created as a file, nor read as one.
        Directory.CreateDirectory(LockPath);

        var error = await Assert.ThrowsAsync<LockException>(() => NewLock().AcquireAsync(Alice, Ttl, CancellationToken.None));

        Assert.IsNotType<LockHeldException>(error);
        Assert.Contains($"The lock file '{LockPath}' could not be created", error.Message, StringComparison.Ordinal);
        Assert.Contains("may write there", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALockFileThatCannotBeRead_IsALockException_NotAnAccessError()
    {
        var held = await NewLock().AcquireAsync(Alice, Ttl, CancellationToken.None);
        File.Delete(LockPath);
        Directory.CreateDirectory(LockPath);

        var error = await Assert.ThrowsAsync<LockException>(() => NewLock().RenewAsync(held, Ttl, CancellationToken.None));

        Assert.Contains($"The lock file '{LockPath}' could not be read", error.Message, StringComparison.Ordinal);
        Assert.IsType<UnauthorizedAccessException>(error.InnerException);
    }
}
