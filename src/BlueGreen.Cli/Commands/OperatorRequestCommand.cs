using BlueGreen.Cli.Infrastructure;
using BlueGreen.Cli.Sandbox;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Operators;
using Spectre.Console;

namespace BlueGreen.Cli.Commands;

/// <summary>A command that leaves one operator request for the engine (pause, abort, promote, rollback).</summary>
public abstract class OperatorRequestCommand<TSettings>(IAnsiConsole console, TimeProvider timeProvider) : ConfigCommand<TSettings>(console, timeProvider)
    where TSettings : GlobalSettings
{
    protected abstract OperatorAction Action { get; }

    protected virtual bool Force(TSettings settings) => false;

    protected override async Task<int> ExecuteAsync(EnvironmentConfig config, TSettings settings, CancellationToken cancellationToken)
    {
        SandboxTarget.Require(config);
        var (services, remote) = SandboxEngine.Services(settings.Config, Time);
        using (remote)
        {
            var request = OperatorRequest.Create(Action, Time, Force(settings));
            await services.Inbox.SubmitAsync(request, cancellationToken);
            var holder = await services.Lock.ReadAsync(cancellationToken);
            var running = holder is not null && holder.Holder.Host == Environment.MachineName && SandboxEngine.ProcessAlive(holder.Holder.Pid);
            if (settings.Output == OutputFormat.Json)
            {
                JsonOutput.WriteLine(Console, new { request = request.Id, action = Action, engine = running ? holder!.Holder.ToString() : null });
            }
            else if (running)
            {
                Console.MarkupLineInterpolated($"{Action} requested (id {request.Id}); the engine of {holder!.Holder} applies it within a second.");
            }
            else
            {
                Console.MarkupLineInterpolated($"{Action} requested (id {request.Id}). No engine is running: it takes effect when `bluegreen resume` runs.");
            }

            return ExitCodes.Ok;
        }
    }
}
