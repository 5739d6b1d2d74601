using BlueGreen.Core.Configuration;

namespace BlueGreen.Cli.Commands.AwsMode;

/// <summary>
/// The commands that destroy a colour's cluster stack: the cluster carries EKS deletion protection, so it is turned
/// off (and the update awaited) before CloudFormation can delete the cluster.
/// </summary>
public sealed class ClusterStackDestroy
{
    public ClusterStackDestroy(EnvironmentConfig config, ClusterConfig cluster)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(cluster);
        Stack = $"{config.Environment}-{cluster.Colour}";
        Commands =
        [
            ("aws", ["eks", "update-cluster-config", "--region", config.Region, "--name", cluster.Name, "--no-deletion-protection"]),
            ("aws", ["eks", "wait", "cluster-active", "--region", config.Region, "--name", cluster.Name]),
            ("npx", ["cdk", "destroy", Stack, "--force"]),
        ];
    }

    /// <summary>The cluster stack's name.</summary>
    public string Stack { get; }

    /// <summary>The commands in order, each as a program and its arguments.</summary>
    public IReadOnlyList<(string File, IReadOnlyList<string> Arguments)> Commands { get; }

    /// <summary>The commands as one shell line, for people to run.</summary>
    public string Describe() => string.Join(" && ", Commands.Select(c => string.Join(' ', [c.File, .. c.Arguments])));

    /// <summary>Runs the commands in order and returns the first non-zero exit code, or 0 when all succeed.</summary>
    public async Task<int> RunAsync(Func<string, IReadOnlyList<string>, CancellationToken, Task<int>> run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        foreach (var (file, arguments) in Commands)
        {
            var exit = await run(file, arguments, cancellationToken);
            if (exit != 0)
            {
                return exit;
            }
        }

        return 0;
    }
}
