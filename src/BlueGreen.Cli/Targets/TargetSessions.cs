using BlueGreen.Cli.Composition;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Core.Configuration;

namespace BlueGreen.Cli.Targets;

/// <summary>The one place that picks the target: <c>--target</c>, else <c>target:</c> in the configuration.</summary>
public static class TargetSessions
{
    public static async Task<ITargetSession> OpenAsync(EnvironmentConfig config, TargetSettings settings, TimeProvider time, AwsModeServices aws, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.TargetOf(config) switch
        {
            Target.Aws => await AwsSession.OpenAsync(config, settings, aws, time, cancellationToken),
            _ => new SandboxSession(config, settings.Config, time),
        };
    }
}
