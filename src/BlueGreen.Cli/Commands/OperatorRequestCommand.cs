using BlueGreen.Cli.Composition;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Cli.Targets;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Operators;
using Spectre.Console;

namespace BlueGreen.Cli.Commands;

/// <summary>A command that leaves one operator request for the engine (pause, abort, promote, rollback), in the target's inbox.</summary>
public abstract class OperatorRequestCommand<TSettings>(IAnsiConsole console, TimeProvider timeProvider, AwsModeServices aws) : TargetCommand<TSettings>(console, timeProvider, aws)
    where TSettings : TargetSettings
{
    protected abstract OperatorAction Action { get; }

    protected virtual bool Force(TSettings settings) => false;

    protected override async Task<int> ExecuteAsync(EnvironmentConfig config, TSettings settings, ITargetSession session, CancellationToken cancellationToken)
    {
        var request = OperatorRequest.Create(Action, Time, Force(settings));
        await session.Services.Inbox.SubmitAsync(request, cancellationToken);
        var holder = await session.Services.Lock.ReadAsync(cancellationToken);
        var running = session.EngineRunning(holder);
        if (settings.Output == OutputFormat.Json)
        {
            JsonOutput.WriteLine(Console, new { request = request.Id, action = Action, engine = running ? holder!.Holder.ToString() : null });
        }
        else if (running)
        {
            Console.MarkupLineInterpolated($"{Action} requested (id {request.Id}); the engine of {holder!.Holder} applies it at its next tick.");
        }
        else
        {
            Console.MarkupLineInterpolated($"{Action} requested (id {request.Id}). No engine is running: it takes effect when `bluegreen resume` runs.");
        }

        return ExitCodes.Ok;
    }
}
