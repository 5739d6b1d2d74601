using System.ComponentModel;
using BlueGreen.Cli.Composition;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Cli.Notifications;
using BlueGreen.Cli.Targets;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Operators;
using Spectre.Console;

namespace BlueGreen.Cli.Commands;

/// <summary>
/// <c>bluegreen rollback</c>: during an upgrade, asks its engine to move all traffic back to the live colour; after
/// it completed and until the old colour's decommission (the rollback window), moves all traffic back at once itself.
/// </summary>
[Description("Move all traffic back to the live colour; the upgrade ends as rolled back. After the last step and until decommission, it does so at once.")]
public sealed class RollbackCommand(IAnsiConsole console, TimeProvider timeProvider, AwsModeServices aws) : OperatorRequestCommand<TargetSettings>(console, timeProvider, aws)
{
    protected override OperatorAction Action => OperatorAction.Rollback;

    protected override async Task<int> ExecuteAsync(EnvironmentConfig config, TargetSettings settings, ITargetSession session, CancellationToken cancellationToken)
    {
        var state = (await CutoverJournal.ReadAsync(session.Services.Journal, cancellationToken)).State;
        if (state.Phase is not CutoverPhase.Completed)
        {
            return await base.ExecuteAsync(config, settings, session, cancellationToken);
        }

        // The rollback window: the engine takes the lock, checks the old colour is there and ready, and moves every
        // weight back in one change; after the decommission began it refuses with a sentence.
        await using var notifications = new UpgradeNotifications(config, Console, Time);
        using var shutdown = new ShutdownSignal(cancellationToken);
        var code = await session.RunUpgradeAsync(Console, settings.Output, notifications.ObserverFor, shutdown.Token, rollbackWindow: true);
        return code == ExitCodes.RolledBack ? ExitCodes.Ok : code;
    }
}
