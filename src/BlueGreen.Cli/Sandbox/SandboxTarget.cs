using BlueGreen.Cli.Infrastructure;
using BlueGreen.Core.Configuration;

namespace BlueGreen.Cli.Sandbox;

/// <summary>Guards the commands whose sandbox implementation this is.</summary>
public static class SandboxTarget
{
    /// <summary>Fails with what to do when the configuration targets AWS, which these commands do not drive yet.</summary>
    public static void Require(EnvironmentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Target != Target.Sandbox)
        {
            throw new CommandFailedException($"This command drives the local sandbox, and the configuration's target is {config.Target.ToString().ToLowerInvariant()}. Set `target: sandbox` to rehearse against `bluegreen sandbox up`.");
        }
    }
}
