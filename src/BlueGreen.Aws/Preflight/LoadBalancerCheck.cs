using BlueGreen.Aws.Decommission;
using BlueGreen.Core.Configuration;

namespace BlueGreen.Aws.Preflight;

/// <summary>
/// Each colour has an active load balancer of its own controller (Elastic Load Balancing v2, by the controller's
/// cluster tag): the live one serves the users now, and the candidate's is what the weighted records will point at.
/// </summary>
public sealed class LoadBalancerCheck(ControllerLoadBalancers loadBalancers)
{
    private const string Check = "load balancers";

    public async Task<PreflightResult> EvaluateAsync(EnvironmentConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var found = new List<string>();
        var missing = new List<string>();
        foreach (var cluster in config.Clusters)
        {
            var mine = await loadBalancers.FindAsync(cluster.Name, cancellationToken).ConfigureAwait(false);
            var active = mine.Where(m => m.LoadBalancer.State == "active").ToList();
            if (active.Count == 0)
            {
                var seen = mine.Count == 0 ? "none tagged" : string.Join(", ", mine.Select(m => $"{m.LoadBalancer.Name} {m.LoadBalancer.State}"));
                missing.Add($"{cluster.Colour} has no active load balancer tagged {LoadBalancerLeftovers.ClusterTag}={cluster.Name} ({seen})");
            }
            else
            {
                found.Add($"{cluster.Colour} {string.Join(", ", active.Select(a => a.LoadBalancer.Name + (a.Stack is null ? string.Empty : $" ({a.Stack})")))}");
            }
        }

        return missing.Count == 0
            ? PreflightResult.Pass(Check, $"Active: {string.Join("; ", found)}.")
            : PreflightResult.Fail(Check, $"{string.Join("; ", missing)}. Bootstrap the colour (bluegreen bootstrap <colour>) and wait until its Ingress has an address.");
    }
}
