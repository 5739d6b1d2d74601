using System.Diagnostics;

namespace BlueGreen.Sandbox.Tests.Database;

/// <summary>Whether a process id names a live process; a zombie awaiting its reaper counts as gone.</summary>
internal static class ProcessLiveness
{
    public static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        try
        {
            var text = File.ReadAllText(stat);
            // Field 3 follows the parenthesised command name, which may itself contain spaces.
            var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is not ("Z" or "X");
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Polls until the process is gone or the bound passes; true when it went.</summary>
    public static async Task<bool> WaitUntilGoneAsync(int pid, TimeSpan bound)
    {
        var watch = Stopwatch.StartNew();
        while (IsAlive(pid))
        {
            if (watch.Elapsed > bound)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        return true;
    }
}
