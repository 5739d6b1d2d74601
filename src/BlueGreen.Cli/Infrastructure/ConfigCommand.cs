using BlueGreen.Core.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BlueGreen.Cli.Infrastructure;

/// <summary>A command that needs a valid configuration: it loads it first, and prints every error with exit code 2 when it is bad.</summary>
public abstract class ConfigCommand<TSettings>(IAnsiConsole console, TimeProvider timeProvider) : AsyncCommand<TSettings>
    where TSettings : GlobalSettings
{
    protected IAnsiConsole Console { get; } = console;

    protected TimeProvider Time { get; } = timeProvider;

    /// <summary>The loaded file's warnings: settings that are valid but would hurt a deployment to AWS.</summary>
    protected IReadOnlyList<ConfigWarning> Warnings { get; private set; } = [];

    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        var result = ConfigLoader.Load(settings.Config, Time);
        if (result.Config is null)
        {
            ConfigErrors.Write(Console, settings.Output, result.Errors);
            return ExitCodes.BadInput;
        }

        Warnings = result.Warnings;
        return await ExecuteAsync(result.Config, settings, cancellationToken);
    }

    protected abstract Task<int> ExecuteAsync(EnvironmentConfig config, TSettings settings, CancellationToken cancellationToken);
}
