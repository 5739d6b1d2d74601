using System.ComponentModel;
using BlueGreen.Aws.Clients;
using BlueGreen.Aws.CloudWatch;
using BlueGreen.Cli.Composition;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Cli.Targets;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Text;
using Spectre.Console;

namespace BlueGreen.Cli.Commands;

/// <summary><c>bluegreen status</c>: where the target is and its weights, the upgrade's phase and step, and who holds the lock.</summary>
[Description("Show the weights, the upgrade's phase and step, and who holds the lock.")]
public sealed class StatusCommand(IAnsiConsole console, TimeProvider timeProvider, AwsModeServices aws) : TargetCommand<TargetSettings>(console, timeProvider, aws)
{
    protected override async Task<int> ExecuteAsync(EnvironmentConfig config, TargetSettings settings, ITargetSession session, CancellationToken cancellationToken)
    {
        var weights = await session.ReadWeightsAsync(cancellationToken);
        var journal = await CutoverJournal.ReadAsync(session.Services.Journal, cancellationToken);
        var holder = await session.Services.Lock.ReadAsync(cancellationToken);
        var state = journal.State;
        var (alarms, alarmProblem) = await AlarmsAsync(session, cancellationToken);
        if (settings.Output == OutputFormat.Json)
        {
            var document = new Dictionary<string, object?>
            {
                [session.Name] = session.Details,
                ["weights"] = weights?.ByColour,
                ["upgrade"] = state.Started ? new { phase = state.Phase.Name, step = state.Step + 1, steps = state.StepCount, state.From, state.To, completed = state.CompletedSteps, rollbackWindow = RollbackWindow(state) } : null,
                ["lockHolder"] = holder?.Holder.ToString(),
                ["alarms"] = alarms?.ToDictionary(a => a.Name, a => a.State, StringComparer.Ordinal),
                ["alarmsUnreadable"] = alarmProblem,
            };

            // As for every JSON document here: absent rather than null.
            JsonOutput.Write(Console, document.Where(e => e.Value is not null).ToDictionary());
            return ExitCodes.Ok;
        }

        Console.MarkupLine(session.Describe(weights));
        var completed = state.CompletedSteps.Count == 0 ? "no step completed yet" : $"completed steps {string.Join(", ", state.CompletedSteps.Select(s => s + 1))}";
        Console.WriteLine(state.Started
            ? $"Upgrade {state.From} -> {state.To}: {state.Phase.Name}, step {state.Step + 1} of {state.StepCount}, {completed}."
            : "No upgrade has started.");
        switch (RollbackWindow(state))
        {
            case "open":
                Console.WriteLine($"The rollback window is open: `bluegreen rollback` moves all traffic back to {state.From} at once, until {state.From} is decommissioned.");
                break;
            case "closed":
                Console.WriteLine($"The rollback window is closed: the decommission of {state.From} began at {state.Decommission!.At:u}.");
                break;
        }

        if (alarms is not null)
        {
            Console.WriteLine(alarms.Count == 0 ? "No alarm of gates.alarms exists." : "Alarms: " + string.Join(", ", alarms.Select(a => $"{a.Name} {a.State}")) + ".");
        }
        else if (alarmProblem is not null)
        {
            Console.WriteLine($"The alarms of gates.alarms could not be read: {Sentences.Clause(alarmProblem)}.");
        }

        Console.WriteLine(holder is null ? "Nobody holds the lock." : $"Lock held by {holder.Holder} since {holder.AcquiredAt:u}{(session.EngineRunning(holder) ? "" : $" (not renewed since {holder.HeartbeatAt:u}: its engine has stopped; `bluegreen resume --force-unlock {holder.Id}` takes over)")}.");
        return ExitCodes.Ok;
    }

    // After the last step: open until the old colour's decommission began, then closed; null before the upgrade completed.
    private static string? RollbackWindow(CutoverState state) =>
        state.Phase is not CutoverPhase.Completed ? null : state.InRollbackWindow ? "open" : "closed";

    // The states of gates.alarms, when the target has them; a failure to read them does not hide the rest of the status.
    private static async Task<(IReadOnlyList<AlarmState>? Alarms, string? Problem)> AlarmsAsync(ITargetSession session, CancellationToken cancellationToken)
    {
        var check = session.Services.Checks.OfType<CloudWatchAlarmCheck>().FirstOrDefault();
        if (check is null)
        {
            return (null, null);
        }

        try
        {
            return (await check.StatesAsync(cancellationToken), null);
        }
        catch (Exception e) when (e is AwsQueryException or HttpRequestException)
        {
            return (null, e.Message);
        }
    }
}
