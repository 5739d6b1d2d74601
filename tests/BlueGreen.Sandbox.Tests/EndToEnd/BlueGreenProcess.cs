using System.Diagnostics;
using System.Text;

namespace BlueGreen.Sandbox.Tests.EndToEnd;

/// <summary>Runs the real <c>bluegreen</c> command (built beside the tests) as a child process.</summary>
internal sealed class BlueGreenProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _lock = new();

    private BlueGreenProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Stdout
    {
        get
        {
            lock (_lock)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_lock)
            {
                return _stderr.ToString();
            }
        }
    }

    public static BlueGreenProcess Start(string workingDirectory, params string[] arguments)
    {
        var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "bluegreen.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A wide, plain console: lines are not wrapped and carry no colour codes.
        start.Environment["COLUMNS"] = "240";
        start.Environment["NO_COLOR"] = "1";
        return new BlueGreenProcess(Process.Start(start)!);
    }

    /// <summary>Runs to the end; kills the process tree and fails the test when it takes longer than <paramref name="timeout"/>.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        using var process = Start(workingDirectory, arguments);
        var exitCode = await process.WaitAsync(timeout);
        return (exitCode, process.Stdout, process.Stderr);
    }

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"bluegreen did not finish within {timeout.TotalSeconds:0} s. Output:{Environment.NewLine}{Stdout}{Environment.NewLine}{Stderr}");
        }

        // WaitForExitAsync returns before the output is drained; WaitForExit() drains it.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process gets no chance to clean up.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: false);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            target.AppendLine(line);
        }
    }
}
