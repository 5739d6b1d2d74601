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

    /// <summary>The session id of <paramref name="pid"/> (field 6 of /proc/PID/stat); null once it is gone.</summary>
    public static int? SessionOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            return int.Parse(Fields(stat)[3], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Every live descendant of <paramref name="pid"/> (children, their children, ...), read from /proc.</summary>
    public static IReadOnlyList<int> Descendants(int pid)
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                continue;
            }

            try
            {
                parents[id] = int.Parse(Fields(File.ReadAllText(Path.Combine(directory, "stat")))[1], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // It exited while the table was read.
            }
        }

        var found = new List<int>();
        var frontier = new Queue<int>([pid]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var child in parents.Where(p => p.Value == parent).Select(p => p.Key))
            {
                found.Add(child);
                frontier.Enqueue(child);
            }
        }

        return [.. found.Where(IsAlive)];
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

    // The fields after the command name (state, ppid, pgrp, session, ...); the name in parentheses may hold spaces.
    private static string[] Fields(string stat) => stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
}
