using System.Diagnostics;

namespace BlueGreen.Sandbox.Processes;

/// <summary>A child process the supervisor started, with the tail of its output.</summary>
public sealed class SupervisedProcess
{
    private const int OutputLinesKept = 40;
    private readonly Queue<string> _output = new();
    private readonly Lock _outputLock = new();

    internal SupervisedProcess(ChildProcessSpec spec, Process process)
    {
        Spec = spec;
        Process = process;
        Id = process.Id;
        Exited = process.WaitForExitAsync();
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public ChildProcessSpec Spec { get; }

    public string Name => Spec.Name;

    public int Id { get; }

    /// <summary>Completes when the process has exited.</summary>
    public Task Exited { get; }

    public bool HasExited => Exited.IsCompleted;

    /// <summary>The exit code; null while it runs.</summary>
    public int? ExitCode => HasExited ? Process.ExitCode : null;

    internal Process Process { get; }

    /// <summary>The last lines the process wrote to stdout and stderr.</summary>
    public IReadOnlyList<string> OutputTail
    {
        get
        {
            lock (_outputLock)
            {
                return [.. _output];
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputLock)
        {
            _output.Enqueue(line);
            if (_output.Count > OutputLinesKept)
            {
                _output.Dequeue();
            }
        }
    }
}
