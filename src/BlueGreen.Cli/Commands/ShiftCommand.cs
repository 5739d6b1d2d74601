using System.ComponentModel;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Cli.Sandbox;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Locking;
using BlueGreen.Core.Traffic;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BlueGreen.Cli.Commands;

/// <summary><c>bluegreen shift PERCENT</c>: sets the candidate's share by hand, under the lock, outside an upgrade.</summary>
[Description("Give the candidate PERCENT % of traffic by hand (not during an upgrade: it takes the lock).")]
public sealed class ShiftCommand(IAnsiConsole console, TimeProvider timeProvider) : ConfigCommand<ShiftCommand.Settings>(console, timeProvider)
{
    /// <summary>Options of <c>shift</c>.</summary>
    public sealed class Settings : GlobalSettings
    {
        [CommandArgument(0, "<PERCENT>")]
        [Description("The candidate's share, 0 to 100.")]
        public int Percent { get; init; }
    }

    protected override async Task<int> ExecuteAsync(EnvironmentConfig config, Settings settings, CancellationToken cancellationToken)
    {
        SandboxTarget.Require(config);
        if (settings.Percent is < 0 or > 100)
        {
            throw new UserInputException($"The share must be from 0 to 100 percent, got {settings.Percent}.");
        }

        var (services, remote) = SandboxEngine.Services(settings.Config, Time);
        using (remote)
        {
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
                var weights = Weights.ForShare(config.Traffic.Live, config.CandidateCluster.Colour, settings.Percent, config.Traffic.WeightScale);
                await remote.SetWeightsAsync(weights, cancellationToken);
                if (!await remote.VerifyWeightsAsync(weights, cancellationToken))
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
}
