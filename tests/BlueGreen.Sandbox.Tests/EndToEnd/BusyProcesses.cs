using System.Diagnostics;
using System.Globalization;

namespace BlueGreen.Sandbox.Tests.EndToEnd;

/// <summary>
/// CPU-bound shell loops that compete with the sandbox for the cores, as a build or a test run
/// beside it would. Each ends by itself after <c>limit</c> (coreutils' timeout) even if the test
/// process dies; dispose kills them at once.
/// </summary>
internal sealed class BusyProcesses : IDisposable
{
    private readonly List<Process> _processes = [];

    public BusyProcesses(int count, TimeSpan limit)
    {
        for (var i = 0; i < count; i++)
        {
            var start = new ProcessStartInfo("timeout") { UseShellExecute = false };
            foreach (var argument in (string[])["-s", "KILL", ((int)limit.TotalSeconds).ToString(CultureInfo.InvariantCulture), "sh", "-c", "while :; do :; done"])
            {
                start.ArgumentList.Add(argument);
            }

            _processes.Add(Process.Start(start)!);
        }
    }

    public IReadOnlyList<int> Ids => [.. _processes.Select(p => p.Id)];

    public bool AllRunning => _processes.All(p => !p.HasExited);

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }
    }
}
