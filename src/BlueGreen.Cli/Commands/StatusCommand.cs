using System.ComponentModel;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Cli.Sandbox;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Journal;
using Spectre.Console;

namespace BlueGreen.Cli.Commands;

/// <summary><c>bluegreen status</c>: the sandbox's endpoints and weights, the upgrade's phase and step, and who holds the lock.</summary>
[Description("Show the weights, the upgrade's phase and step, and who holds the lock.")]
public sealed class StatusCommand(IAnsiConsole console, TimeProvider timeProvider) : ConfigCommand<GlobalSettings>(console, timeProvider)
{
    protected override async Task<int> ExecuteAsync(EnvironmentConfig config, GlobalSettings settings, CancellationToken cancellationToken)
    {
        SandboxTarget.Require(config);
        var sandbox = SandboxEngine.RequireRunning(settings.Config);
        var (services, remote) = SandboxEngine.Services(settings.Config, Time);
        using (remote)
        {
            var weights = await remote.GetWeightsAsync(cancellationToken);
            var journal = await CutoverJournal.ReadAsync(services.Journal, cancellationToken);
            var holder = await services.Lock.ReadAsync(cancellationToken);
            var state = journal.State;
            if (settings.Output == OutputFormat.Json)
            {
                JsonOutput.Write(Console, new
                {
                    sandbox,
                    weights = weights.ByColour,
                    upgrade = state.Started ? new { phase = state.Phase.Name, step = state.Step + 1, steps = state.StepCount, state.From, state.To, completed = state.CompletedSteps } : null,
                    lockHolder = holder?.Holder.ToString(),
                });
                return ExitCodes.Ok;
            }

            Console.MarkupLineInterpolated($"Sandbox (pid {sandbox.Pid}): {sandbox.ServiceName} via DNS {sandbox.Dns}, port {sandbox.ServicePort}; weights [bold]{weights}[/].");
            Console.WriteLine(state.Started
                ? $"Upgrade {state.From} -> {state.To}: {state.Phase.Name}, step {state.Step + 1} of {state.StepCount}, completed steps {string.Join(", ", state.CompletedSteps.Select(s => s + 1))}."
                : "No upgrade has started.");
            Console.WriteLine(holder is null ? "Nobody holds the lock." : $"Lock held by {holder.Holder} since {holder.AcquiredAt:u}.");
            return ExitCodes.Ok;
        }
    }
}
