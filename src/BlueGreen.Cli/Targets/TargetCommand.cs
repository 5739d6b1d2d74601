using BlueGreen.Cli.Composition;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Operators;
using BlueGreen.Core.Text;
using Spectre.Console;

namespace BlueGreen.Cli.Targets;

/// <summary>A command that acts on the target: checks its own input, opens the session, and turns the target's failures into sentences.</summary>
public abstract class TargetCommand<TSettings>(IAnsiConsole console, TimeProvider timeProvider, AwsModeServices aws) : ConfigCommand<TSettings>(console, timeProvider)
    where TSettings : TargetSettings
{
    protected sealed override async Task<int> ExecuteAsync(EnvironmentConfig config, TSettings settings, CancellationToken cancellationToken)
    {
        Validate(config, settings);
        if (WithoutTarget(config, settings) is { } offline)
        {
            return offline;
        }

        try
        {
            using var session = await TargetSessions.OpenAsync(config, settings, Time, aws, cancellationToken);
            return await ExecuteAsync(config, settings, session, cancellationToken);
        }
        catch (NoUpgradeInProgressException e)
        {
            // A request for no upgrade is the operator's mistake, not the target's: bad input, and nothing was done.
            var next = e.Ended
                ? "To move traffic by hand now, use `bluegreen shift PERCENT`; a new upgrade starts once that journal is moved aside."
                : "Start one with `bluegreen upgrade`; to move traffic by hand outside an upgrade, use `bluegreen shift PERCENT`.";
            throw new UserInputException($"{Sentences.Clause(e.Message)}. {next}", e);
        }
        catch (Exception e) when (TargetErrors.IsExpected(e))
        {
            throw new CommandFailedException(TargetErrors.Describe(e), e);
        }
    }

    /// <summary>The outside world of AWS mode, for commands that need more of it than the session.</summary>
    protected AwsModeServices Aws => aws;

    /// <summary>Checks the command's own options before anything is opened; throws <see cref="UserInputException"/>.</summary>
    protected virtual void Validate(EnvironmentConfig config, TSettings settings)
    {
    }

    /// <summary>An exit code when the command can answer from the configuration alone (e.g. a dry run): no session is opened, nothing is touched.</summary>
    protected virtual int? WithoutTarget(EnvironmentConfig config, TSettings settings) => null;

    protected abstract Task<int> ExecuteAsync(EnvironmentConfig config, TSettings settings, ITargetSession session, CancellationToken cancellationToken);
}
