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

    public static BlueGreenProcess Start(string workingDirectory, params string[] arguments) => Start(workingDirectory, ownGroup: false, arguments);

    /// <summary>
    /// Starts the command as a terminal starts a foreground job: leader of a process group of its
    /// own (its pid is the group id), so <see cref="InterruptGroup"/> signals it and everything
    /// left in its group, as Ctrl+C does.
    /// </summary>
    public static BlueGreenProcess StartAsForegroundJob(string workingDirectory, params string[] arguments) => Start(workingDirectory, ownGroup: true, arguments);

    private static BlueGreenProcess Start(string workingDirectory, bool ownGroup, string[] arguments)
    {
        var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(ownGroup ? "setsid" : host)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (ownGroup)
        {
            // A terminal's foreground job takes Ctrl+C even when the test run ignores SIGINT, as a background job of a
            // shell without job control does (it inherits SIG_IGN, and .NET keeps an ignored SIGINT ignored).
            start.ArgumentList.Add("env");
            start.ArgumentList.Add("--default-signal=INT");
            start.ArgumentList.Add(host);
        }

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

    /// <summary>SIGINT to the whole process group, as a shell sends it on Ctrl+C.</summary>
    public void InterruptGroup()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-INT", "--", "-" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.True(kill.ExitCode == 0, $"kill -INT -{Id} exited {kill.ExitCode}");
    }

    /// <summary>Waits until the output holds <paramref name="text"/>; fails the test after <paramref name="timeout"/> or when the process ends first.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Stdout.Contains(text, StringComparison.Ordinal))
        {
            Assert.False(HasExited, $"bluegreen ended before it printed '{text}':{Environment.NewLine}{Stdout}{Stderr}");
            Assert.True(DateTime.UtcNow < deadline, $"bluegreen did not print '{text}' within {timeout.TotalSeconds:0} s:{Environment.NewLine}{Stdout}{Stderr}");
            await Task.Delay(100);
        }
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
