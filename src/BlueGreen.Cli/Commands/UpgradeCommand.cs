using System.ComponentModel;
using BlueGreen.Cli.Composition;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Cli.Notifications;
using BlueGreen.Cli.Planning;
using BlueGreen.Cli.Targets;
using BlueGreen.Core.Configuration;
using Spectre.Console;

namespace BlueGreen.Cli.Commands;

/// <summary><c>bluegreen upgrade</c>: runs the configured plan against the target; resumes an upgrade in progress.</summary>
[Description("Move traffic to the candidate colour step by step under the gates (resumes an upgrade in progress).")]
public sealed class UpgradeCommand(IAnsiConsole console, TimeProvider timeProvider, AwsModeServices aws) : TargetCommand<UpgradeSettings>(console, timeProvider, aws)
{
    protected override int? WithoutTarget(EnvironmentConfig config, UpgradeSettings settings) =>
        settings.DryRun ? UpgradeDryRun.Print(Console, config, settings) : null;

    protected override async Task<int> ExecuteAsync(EnvironmentConfig config, UpgradeSettings settings, ITargetSession session, CancellationToken cancellationToken)
    {
        await using var notifications = new UpgradeNotifications(config, Console, Time);
        return await EngineRun.RunAsync(session, Console, settings, notifications, cancellationToken);
    }
}
