using System.Text;

namespace BlueGreen.Cli.Tests.Fakes;

/// <summary>Finds the processes that carry an environment variable, as every process a run starts inherits it (Linux /proc).</summary>
internal static class ProcessScan
{
    /// <summary>The ids of the live processes whose environment holds <paramref name="name"/>=<paramref name="value"/>.</summary>
    public static IReadOnlyList<int> Carrying(string name, string value)
    {
        var entry = Encoding.UTF8.GetBytes($"{name}={value}");
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var environ = File.ReadAllBytes(Path.Combine(directory, "environ"));
                if (Split(environ).Any(variable => variable.SequenceEqual(entry)))
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Ended since the listing, or another user's: neither was started by the run.
            }
        }

        return found;
    }

    private static IEnumerable<byte[]> Split(byte[] environ)
    {
        var start = 0;
        for (var i = 0; i <= environ.Length; i++)
        {
            if (i == environ.Length || environ[i] == 0)
            {
                if (i > start)
                {
                    yield return environ[start..i];
                }

                start = i + 1;
            }
        }
    }
}
