using System.ComponentModel;
using BlueGreen.Cli.Commands.AwsMode;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Cli.Targets;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Locking;
using BlueGreen.Core.Traffic;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BlueGreen.Cli.Commands;

/// <summary><c>bluegreen shift PERCENT</c>: sets the candidate's share by hand, under the lock, outside an upgrade.</summary>
[Description("Give the candidate PERCENT % of traffic by hand (not during an upgrade: it takes the lock).")]
public sealed class ShiftCommand(IAnsiConsole console, TimeProvider timeProvider, AwsModeServices aws) : TargetCommand<ShiftCommand.Settings>(console, timeProvider, aws)
{
    /// <summary>Options of <c>shift</c>.</summary>
    public sealed class Settings : TargetSettings
    {
        [CommandArgument(0, "<PERCENT>")]
        [Description("The candidate's share, 0 to 100.")]
        public int Percent { get; init; }
    }

    protected override void Validate(EnvironmentConfig config, Settings settings)
    {
        if (settings.Percent is < 0 or > 100)
        {
            throw new UserInputException($"The share must be from 0 to 100 percent, got {settings.Percent}.");
        }
    }

    protected override async Task<int> ExecuteAsync(EnvironmentConfig config, Settings settings, ITargetSession session, CancellationToken cancellationToken)
    {
        var services = session.Services;
        LockInfo held;
        try
        {
            held = await services.Lock.AcquireAsync(LockHolder.Current(), TimeSpan.FromMinutes(1), cancellationToken);
        }
        catch (LockHeldException e)
        {
            throw new CommandFailedException(e.Message, e);
        }

        try
        {
            // Read under the lock: no engine can start an upgrade between this check and the change.
            var state = (await CutoverJournal.ReadAsync(services.Journal, cancellationToken)).State;
            if (state.Started && !state.IsTerminal)
            {
                throw new CommandFailedException($"The upgrade {state.From} -> {state.To} is in progress ({state.Phase.Name}, step {state.Step + 1} of {state.StepCount}); shifting by hand would fight it. Use `bluegreen pause`, `abort` or `rollback`, or `resume` to finish it.");
            }

            var weights = Weights.ForShare(config.Traffic.Live, config.CandidateCluster.Colour, settings.Percent, config.Traffic.WeightScale);
            await services.Router.SetWeightsAsync(weights, cancellationToken);
            if (!await services.Router.VerifyWeightsAsync(weights, cancellationToken))
            {
                throw new CommandFailedException($"The weights {weights} did not read back; run `bluegreen status` to see what is in effect.");
            }

            Console.MarkupLineInterpolated($"Weights now {weights}.");
            return ExitCodes.Ok;
        }
        finally
        {
            await services.Lock.ReleaseAsync(held, CancellationToken.None);
        }
    }
}
