using BlueGreen.Core.Tests.Locking;

namespace BlueGreen.Core.Tests;

/// <summary>The test assembly's entry point, so a test can start it as a second process (see <see cref="LockContender"/> and <see cref="LockWriter"/>).</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is [LockContender.Command, var stateDirectory])
        {
            return await LockContender.RunAsync(stateDirectory);
        }

        if (args is [LockWriter.Command, var lockPath])
        {
            return await LockWriter.RunAsync(lockPath);
        }

        await Console.Error.WriteLineAsync($"usage: BlueGreen.Core.Tests {LockContender.Command} <state directory> | {LockWriter.Command} <lock file>");
        return 2;
    }
}
