using System.ComponentModel;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Cli.Sandbox;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Operators;
using Spectre.Console;

namespace BlueGreen.Cli.Commands;

/// <summary>
/// <c>bluegreen resume</c>: continues a paused upgrade. When no engine runs (it was stopped or
/// killed), this process runs it from the journal to the end.
/// </summary>
[Description("Continue a paused upgrade; when no engine is running, run it from the journal to the end.")]
public sealed class ResumeCommand(IAnsiConsole console, TimeProvider timeProvider) : ConfigCommand<GlobalSettings>(console, timeProvider)
{
    protected override async Task<int> ExecuteAsync(EnvironmentConfig config, GlobalSettings settings, CancellationToken cancellationToken)
    {
        SandboxTarget.Require(config);
        var (services, remote) = SandboxEngine.Services(settings.Config, Time);
        using (remote)
        {
            await services.Inbox.SubmitAsync(OperatorRequest.Create(OperatorAction.Resume, Time), cancellationToken);
            var holder = await services.Lock.ReadAsync(cancellationToken);
            if (holder is not null && SandboxEngine.ProcessAlive(holder.Holder.Pid) && holder.Holder.Host == Environment.MachineName)
            {
                Console.MarkupLineInterpolated($"Resume requested; the engine of {holder.Holder} applies it within a second.");
                return ExitCodes.Ok;
            }
        }

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
