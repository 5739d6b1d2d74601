using System.Diagnostics;

namespace BlueGreen.Core.Tests.Locking;

/// <summary>A running <see cref="LockContender"/>; killed on dispose if still running.</summary>
internal sealed class ContenderProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly List<(string Prefix, TaskCompletionSource<string> Found)> _waiters = [];

    private ContenderProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_lines)
            {
                _lines.Add(e.Data);
                foreach (var (prefix, found) in _waiters.Where(w => e.Data.StartsWith(w.Prefix, StringComparison.Ordinal)))
                {
                    found.TrySetResult(e.Data);
                }
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_lines)
                {
                    _lines.Add("stderr: " + e.Data);
                }
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

    /// <summary>Everything the process wrote so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join(Environment.NewLine, _lines);
            }
        }
    }

    public Process Process => _process;

    public static ContenderProcess Start(string stateDirectory)
    {
        var assembly = typeof(LockContender).Assembly.Location;
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(assembly);
        info.ArgumentList.Add(LockContender.Command);
        info.ArgumentList.Add(stateDirectory);
        return new ContenderProcess(Process.Start(info)!);
    }

    /// <summary>The first line starting with any of <paramref name="prefixes"/>, waiting for it.</summary>
    public Task<string> FirstLineAsync(params string[] prefixes)
    {
        lock (_lines)
        {
            var seen = _lines.FirstOrDefault(l => prefixes.Any(p => l.StartsWith(p, StringComparison.Ordinal)));
            if (seen is not null)
            {
                return Task.FromResult(seen);
            }

            var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            foreach (var prefix in prefixes)
            {
                _waiters.Add((prefix, found));
            }

            return found.Task;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        finally
        {
            _process.Dispose();
        }
    }
}
