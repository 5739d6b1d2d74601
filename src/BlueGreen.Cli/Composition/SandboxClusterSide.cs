using BlueGreen.Aws.Route53;
using BlueGreen.Cli.Sandbox;
using BlueGreen.Core.Clusters;
using BlueGreen.Core.Metrics;
using BlueGreen.Sandbox.Control;
using BlueGreen.Sandbox.Rehearsal;

namespace BlueGreen.Cli.Composition;

/// <summary>
/// The clusters of the AWS-path rehearsal: the sandbox's colours stand in for EKS, since one machine has no
/// Kubernetes API. Readiness is the sandbox's probe (every instance healthy behind the colour's load balancer),
/// metrics its user load and probes, and each colour's records point at the sandbox's name for its load balancer.
/// </summary>
public static class SandboxClusterSide
{
    /// <summary>What the operator is told about where readiness and metrics come from.</summary>
    public const string Notice = "The clusters are the sandbox's: readiness comes from its probe (every instance healthy behind the colour's load balancer) and metrics from its load and probes, not from Kubernetes, which this machine does not have.";

    public static ClusterSide Create(IClusterProbe probe, IMetricSource metrics, IReadOnlyDictionary<string, string> loadBalancers, IDisposable? resources = null)
    {
        ArgumentNullException.ThrowIfNull(loadBalancers);
        return new ClusterSide
        {
            Probe = probe,
            Metrics = metrics,
            AliasTargets = AliasTargets(loadBalancers),
            Notice = Notice,

            // The sandbox's colours run the plan as a rehearsal does: its steps and gates, with sandbox.* timings.
            Plan = SandboxPlan.Create,
            Resources = resources,
        };
    }

    /// <summary>Alias targets at the sandbox's load balancer names.</summary>
    public static IAliasTargetSource AliasTargets(IReadOnlyDictionary<string, string> loadBalancers) =>
        new AlbAliasTargets((colour, _) => Task.FromResult(loadBalancers.GetValueOrDefault(colour)));

    /// <summary>
    /// The running <c>sandbox up --aws-endpoint</c> of <paramref name="configPath"/> when its endpoint is the one every
    /// AWS API of <paramref name="services"/> is at; null otherwise (then the clusters are real ones).
    /// </summary>
    public static ClusterSide? ForRunningSandbox(string configPath, AwsModeServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var state = SandboxState.Read(configPath);
        if (state is not { AwsEndpoint: { } endpoint, LoadBalancers: { } loadBalancers } || !SandboxEngine.ProcessAlive(state.Pid)
            || services.SharedEndpoint is not { } shared || !SameEndpoint(shared, endpoint))
        {
            return null;
        }

        var remote = new RemoteSandbox(state.Control);
        return Create(remote, remote, loadBalancers, remote);
    }

    private static bool SameEndpoint(Uri a, Uri b) => string.Equals(a.ToString().TrimEnd('/'), b.ToString().TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
