using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace BlueGreen.Sandbox.Processes;

/// <summary>
/// Starts child processes and guarantees they stop: in reverse order of start on dispose, on
/// process exit, and, on Linux, when this process dies without a chance to clean up (SIGKILL):
/// every child is launched through <c>setpriv --pdeathsig KILL</c>, so the kernel kills it.
/// Every child runs in a session of its own (<see cref="OwnSession"/>), so a Ctrl+C in the terminal
/// reaches only this process, which then stops the children in order.
/// </summary>
public sealed partial class ChildProcessSupervisor : IAsyncDisposable
{
    private const string SetPriv = "/usr/bin/setpriv";
    private const int SigTerm = 15;
    private readonly List<SupervisedProcess> _started = [];
    private readonly Lock _startedLock = new();
    private readonly BlockingCollection<Action> _spawnQueue = [];
    private readonly Thread _spawnThread;
    private readonly TimeSpan _gracePeriod;
    private readonly bool _parentDeathSignal;
    private bool _disposed;

    /// <param name="gracePeriod">How long a child may take to exit after SIGTERM before it is killed.</param>
    public ChildProcessSupervisor(TimeSpan gracePeriod)
    {
        _gracePeriod = gracePeriod;
        _parentDeathSignal = OperatingSystem.IsLinux() && File.Exists(SetPriv);

        // The kernel sends the parent-death signal when the THREAD that forked the child ends,
        // not the process; thread-pool threads come and go, so every child is forked from this
        // one thread, which lives as long as the supervisor.
        _spawnThread = new Thread(() =>
        {
            foreach (var spawn in _spawnQueue.GetConsumingEnumerable())
            {
                spawn();
            }
        })
        { IsBackground = true, Name = "child-process-spawner" };
        _spawnThread.Start();
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>Whether children die with this process even when it is killed outright.</summary>
    public bool KillsChildrenOnParentDeath => _parentDeathSignal;

    /// <summary>Every process started so far, in start order.</summary>
    public IReadOnlyList<SupervisedProcess> Started
    {
        get
        {
            lock (_startedLock)
            {
                return [.. _started];
            }
        }
    }

    /// <summary>Starts <paramref name="spec"/>; throws <see cref="ChildProcessException"/> when it cannot be started.</summary>
    public SupervisedProcess Start(ChildProcessSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ObjectDisposedException.ThrowIf(_disposed, this);

        // Through the launcher a missing program would only show as an early exit; say it now.
        var program = Resolve(spec.FileName)
            ?? throw new ChildProcessException($"Could not start {spec.Name}: the program '{spec.FileName}' is not installed or not on PATH.");
        var startInfo = StartInfoFor(spec with { FileName = program });
        var done = new TaskCompletionSource<SupervisedProcess>(TaskCreationOptions.RunContinuationsAsynchronously);
        _spawnQueue.Add(() =>
        {
            try
            {
                // Spawning and recording happen under the lock dispose takes to read the list, so
                // a start racing dispose either is stopped by it or does not happen at all.
                lock (_startedLock)
                {
                    if (_disposed)
                    {
                        done.SetException(new ObjectDisposedException(nameof(ChildProcessSupervisor), $"Could not start {spec.Name}: the supervisor is stopping."));
                        return;
                    }

                    var process = new Process { StartInfo = startInfo };
                    process.Start();
                    var supervised = new SupervisedProcess(spec, process);
                    _started.Add(supervised);
                    done.SetResult(supervised);
                }
            }
            catch (Exception ex) when (ex is Win32Exception or InvalidOperationException)
            {
                done.SetException(new ChildProcessException($"Could not start {spec.Name} ({spec.FileName}): {ex.Message}", ex));
            }
        });
        return done.Task.GetAwaiter().GetResult();
    }

    /// <summary>Asks <paramref name="process"/> to stop (SIGTERM), and kills it after the grace period.</summary>
    public async Task StopAsync(SupervisedProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (process.HasExited)
        {
            return;
        }

        if (OperatingSystem.IsWindows() || SendSignal(process.Id, SigTerm) != 0)
        {
            Kill(process);
        }

        if (await Task.WhenAny(process.Exited, Task.Delay(_gracePeriod)).ConfigureAwait(false) != process.Exited)
        {
            Kill(process);
            await process.Exited.ConfigureAwait(false);
        }
    }

    /// <summary>Kills <paramref name="process"/> at once (SIGKILL): how a crash looks.</summary>
    public static void Kill(SupervisedProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        try
        {
            process.Process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has exited already.
        }
        catch (Win32Exception)
        {
            // It could not be signalled (it is exiting, or it belongs to another user): the
            // callers go on with the other processes instead of stopping at this one.
        }
    }

    /// <summary>Stops every process still running, newest first.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        lock (_startedLock)
        {
            _disposed = true;
        }

        foreach (var process in Started.Reverse())
        {
            await StopAsync(process).ConfigureAwait(false);
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        _spawnQueue.CompleteAdding();
        _spawnThread.Join();
        _spawnQueue.Dispose();
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        foreach (var process in Started.Reverse())
        {
            Kill(process);
        }
    }

    private ProcessStartInfo StartInfoFor(ChildProcessSpec spec)
    {
        var startInfo = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = spec.WorkingDirectory ?? Environment.CurrentDirectory,
        };
        var program = OwnSession.Prefix(spec.FileName);
        if (_parentDeathSignal)
        {
            // setpriv first: setsid executes in place, so the signal stays set on the program itself.
            startInfo.FileName = SetPriv;
            foreach (var argument in (string[])["--pdeathsig", "KILL", "--", .. program])
            {
                startInfo.ArgumentList.Add(argument);
            }
        }
        else
        {
            startInfo.FileName = program[0];
            foreach (var argument in program.Skip(1))
            {
                startInfo.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in spec.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in spec.Environment)
        {
            startInfo.Environment[name] = value;
        }

        return startInfo;
    }

    private static string? Resolve(string fileName)
    {
        if (Path.IsPathRooted(fileName) || fileName.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(fileName) ? Path.GetFullPath(fileName) : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, fileName))
            .FirstOrDefault(File.Exists);
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
