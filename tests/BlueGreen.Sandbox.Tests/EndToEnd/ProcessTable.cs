using System.Globalization;

namespace BlueGreen.Sandbox.Tests.EndToEnd;

/// <summary>Whether processes are still alive, read from /proc (zombies count as gone).</summary>
internal static class ProcessTable
{
    public static bool IsAlive(int pid)
    {
        var status = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status";
        try
        {
            return !File.ReadLines(status).Any(l => l.StartsWith("State:", StringComparison.Ordinal) && l.Contains('Z', StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for every one of <paramref name="pids"/> to be gone; returns those still alive.</summary>
    public static async Task<IReadOnlyList<int>> WaitGoneAsync(IEnumerable<int> pids, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var alive = pids.Where(IsAlive).ToList();
        while (alive.Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            alive = [.. alive.Where(IsAlive)];
        }

        return alive;
    }
}
