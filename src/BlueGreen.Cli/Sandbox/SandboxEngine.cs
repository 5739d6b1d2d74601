using BlueGreen.Cli.Infrastructure;
using BlueGreen.Cli.Targets;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Locking;
using BlueGreen.Core.Plans;
using BlueGreen.Sandbox.Control;
using BlueGreen.Sandbox.Rehearsal;
using Spectre.Console;

namespace BlueGreen.Cli.Sandbox;

/// <summary>Runs the engine against the sandbox that <c>bluegreen sandbox up</c> keeps running for a configuration.</summary>
public static class SandboxEngine
{
    /// <summary>The running sandbox of <paramref name="configPath"/>; fails with what to do when there is none.</summary>
    public static SandboxState RequireRunning(string configPath)
    {
        var state = SandboxState.Read(configPath);
        if (state is null || !ProcessAlive(state.Pid))
        {
            throw new CommandFailedException($"No sandbox is running for {configPath}. Start one in another terminal with `bluegreen sandbox up --config {configPath}`, or run the whole upgrade at once with `bluegreen rehearse`.");
        }

        return state;
    }

    /// <summary>The engine's services over the running sandbox; the caller disposes the returned remote.</summary>
    public static (CutoverServices Services, RemoteSandbox Remote) Services(string configPath, TimeProvider time, params ICutoverObserver[] observers)
    {
        var state = RequireRunning(configPath);
        var remote = new RemoteSandbox(state.Control);
        var services = CutoverServices.Local(SandboxState.EngineDirectoryFor(configPath), remote, remote, remote, time) with { Observers = observers };
        return (services, remote);
    }

    /// <summary>Runs (or resumes) the upgrade to its end and returns the exit code: 0 completed, 3 rolled back or aborted, 1 otherwise.</summary>
    public static async Task<int> RunAsync(IAnsiConsole console, OutputFormat output, EnvironmentConfig config, string configPath, TimeProvider time, Func<CutoverPlan, ICutoverObserver?> observers, CancellationToken cancellationToken, bool rollbackWindow = false)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(config);
        CutoverPlan plan;
        try
        {
            plan = SandboxPlan.Create(config);
        }
        catch (PlanException e)
        {
            throw new UserInputException(e.Message, e);
        }

        var (services, remote) = Services(configPath, time, [.. EventPrinter.With(console, output, observers(plan))]);
        using (remote)
        {
            if (await TakeOverFromDeadHolderAsync(services.Lock, cancellationToken) is { } takeOver)
            {
                console.MarkupLineInterpolated($"[yellow]{takeOver}[/]");
            }

            var engine = new CutoverEngine(plan, services, new CutoverEngineOptions { PollPeriod = TimeSpan.FromMilliseconds(200), RollbackWindow = rollbackWindow });
            CutoverOutcome outcome;
            try
            {
                outcome = await engine.RunAsync(cancellationToken);
            }
            catch (LockHeldException e)
            {
                throw new CommandFailedException(e.Message, e);
            }
            catch (Exception e) when (e is CutoverException or SandboxUnreachableException)
            {
                throw new CommandFailedException(e.Message, e);
            }

            return EngineOutcome.Report(console, output, outcome);
        }
    }

    /// <summary>Whether a process with this id runs on this machine.</summary>
    public static bool ProcessAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// A killed engine leaves its lock behind. On this machine its death is a fact, not a guess: when the holder's
    /// process is gone, the lock is removed (and the journal resumes). Returns what was done, or null.
    /// </summary>
    public static async Task<string?> TakeOverFromDeadHolderAsync(ILock lockStore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lockStore);
        var current = await lockStore.ReadAsync(cancellationToken);
        if (current is null || current.Holder.Host != Environment.MachineName || current.Holder.Pid == Environment.ProcessId || ProcessAlive(current.Holder.Pid))
        {
            return null;
        }

        await lockStore.ForceUnlockAsync(current.Id, cancellationToken);
        return $"The lock holder {current.Holder} is no longer running; took over its lock {current.Id}.";
    }
}
