using System.ComponentModel;
using BlueGreen.Cli.Composition;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Cli.Notifications;
using BlueGreen.Cli.Targets;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Operators;
using Spectre.Console;

namespace BlueGreen.Cli.Commands;

/// <summary>
/// <c>bluegreen resume</c>: continues a paused upgrade. When no engine runs (it was stopped or
/// killed), this process runs it from the journal to the end.
/// </summary>
[Description("Continue a paused upgrade; when no engine is running, run it from the journal to the end.")]
public sealed class ResumeCommand(IAnsiConsole console, TimeProvider timeProvider, AwsModeServices aws) : TargetCommand<EngineSettings>(console, timeProvider, aws)
{
    protected override async Task<int> ExecuteAsync(EnvironmentConfig config, EngineSettings settings, ITargetSession session, CancellationToken cancellationToken)
    {
        await session.Services.Inbox.SubmitAsync(OperatorRequest.Create(OperatorAction.Resume, Time), cancellationToken);
        var holder = await session.Services.Lock.ReadAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(settings.ForceUnlock) && session.EngineRunning(holder))
        {
            Console.MarkupLineInterpolated($"Resume requested; the engine of {holder!.Holder} applies it at its next tick.");
            return ExitCodes.Ok;
        }

        await using var notifications = new UpgradeNotifications(config, Console, Time);
        return await EngineRun.RunAsync(session, Console, settings, notifications, cancellationToken);
    }
}
