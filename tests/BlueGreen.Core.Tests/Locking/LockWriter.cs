using BlueGreen.Core.Locking;

namespace BlueGreen.Core.Tests.Locking;

/// <summary>
/// A second process that takes a file lock once and reports on standard output: "acquired" or
/// "failed &lt;message&gt;". Started with a file size limit of 0, its write of the holder fails.
/// </summary>
internal static class LockWriter
{
    public const string Command = "write-lock";

    public static async Task<int> RunAsync(string lockPath)
    {
        try
        {
            await new FileLock(lockPath, TimeProvider.System).AcquireAsync(LockHolder.Current(), TimeSpan.FromMinutes(2), CancellationToken.None);
            Console.WriteLine("acquired");
            return 0;
        }
        catch (LockException e)
        {
            Console.WriteLine($"failed {e.Message}");
            return 1;
        }
    }
}
