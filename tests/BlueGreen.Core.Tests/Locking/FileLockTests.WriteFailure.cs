using System.Diagnostics;
using BlueGreen.Core.Tests.Fakes;

namespace BlueGreen.Core.Tests.Locking;

public sealed partial class FileLockTests
{
    [Fact]
    public async Task AHolderThatCannotBeWritten_LeavesNoLockFile_AndSaysWhy()
    {
        // Given a process whose files may not grow past 0 bytes (ulimit -f 0; the signal that limit
        // sends is ignored, so the write fails instead of killing the process)
        using var temp = new TempDirectory();
        var lockPath = temp.File("lock.json");
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("trap '' XFSZ; ulimit -f 0; exec \"$0\" exec \"$1\" \"$2\" \"$3\"");
        info.ArgumentList.Add(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet");
        info.ArgumentList.Add(typeof(LockWriter).Assembly.Location);
        info.ArgumentList.Add(LockWriter.Command);
        info.ArgumentList.Add(lockPath);

        // The runtime's own double-mapped code memory is a file too; it must not hit the limit.
        info.Environment["DOTNET_EnableWriteXorExecute"] = "0";

        // When it tries to take the lock
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(Patience);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        // Then it reports the failure as a sentence, and the empty file it created is gone
        var report = (await output).Trim();
        Assert.True(report.StartsWith($"failed The lock file '{lockPath}' could not be written", StringComparison.Ordinal), report + Environment.NewLine + await errors);
        Assert.Equal(1, process.ExitCode);
        Assert.False(File.Exists(lockPath));
    }
}
