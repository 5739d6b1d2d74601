using BlueGreen.Cli.Infrastructure;
using BlueGreen.Cli.Notifications;
using Spectre.Console;

namespace BlueGreen.Cli.Targets;

/// <summary>Runs the engine on a session until it ends or Ctrl+C, removing a dead engine's lock first when asked.</summary>
public static class EngineRun
{
    public static async Task<int> RunAsync(ITargetSession session, IAnsiConsole console, EngineSettings settings, UpgradeNotifications notifications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(notifications);
        using var shutdown = new ShutdownSignal(cancellationToken);
        try
        {
            if (!string.IsNullOrWhiteSpace(settings.ForceUnlock))
            {
                await session.Services.Lock.ForceUnlockAsync(settings.ForceUnlock.Trim(), shutdown.Token);
                console.MarkupLineInterpolated($"[yellow]Removed the lock {settings.ForceUnlock.Trim()}.[/]");
            }

            return await session.RunUpgradeAsync(console, settings.Output, notifications.ObserverFor, shutdown.Token);
        }
        catch (OperationCanceledException) when (shutdown.Token.IsCancellationRequested)
        {
            // Every journal write completes or never happened, so the next run folds the same state.
            console.MarkupLine("[yellow]Interrupted: the journal is consistent; `bluegreen resume` continues the upgrade.[/]");
            return ExitCodes.Failure;
        }
    }
}
