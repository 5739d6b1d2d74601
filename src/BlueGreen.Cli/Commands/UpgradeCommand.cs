using System.ComponentModel;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Cli.Sandbox;
using BlueGreen.Core.Configuration;
using Spectre.Console;

namespace BlueGreen.Cli.Commands;

/// <summary><c>bluegreen upgrade</c>: runs the configured plan against the target; resumes an upgrade in progress.</summary>
[Description("Move traffic to the candidate colour step by step under the gates (resumes an upgrade in progress).")]
public sealed class UpgradeCommand(IAnsiConsole console, TimeProvider timeProvider) : ConfigCommand<GlobalSettings>(console, timeProvider)
{
    protected override async Task<int> ExecuteAsync(EnvironmentConfig config, GlobalSettings settings, CancellationToken cancellationToken)
    {
        SandboxTarget.Require(config);
        using var shutdown = new ShutdownSignal(cancellationToken);
        try
        {
            return await SandboxEngine.RunAsync(Console, settings.Output, config, settings.Config, Time, shutdown.Token);
        }
        catch (OperationCanceledException) when (shutdown.Token.IsCancellationRequested)
        {
            Console.MarkupLine("[yellow]Interrupted: the journal is consistent; `bluegreen resume` continues the upgrade.[/]");
            return ExitCodes.Failure;
        }
    }
}
