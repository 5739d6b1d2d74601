using BlueGreen.Core.Clusters;

namespace BlueGreen.Sandbox.Hosting;

/// <summary>The sandbox's <see cref="IClusterProbe"/>: a colour is ready when its load balancer has every instance healthy.</summary>
public sealed class SandboxClusterProbe(SandboxHost host) : IClusterProbe
{
    public Task<ClusterReadiness> CheckAsync(string colour, CancellationToken cancellationToken)
    {
        if (!host.Colours.TryGetValue(colour, out var deployment))
        {
            return Task.FromResult(ClusterReadiness.No($"The sandbox has no colour '{colour}'."));
        }

        if (deployment.StoppedAt is not null)
        {
            return Task.FromResult(ClusterReadiness.No($"{colour} was stopped at {deployment.StoppedAt:O}."));
        }

        var healthy = deployment.Proxy?.HealthyDestinations ?? 0;
        return Task.FromResult(healthy >= deployment.Replicas
            ? ClusterReadiness.Yes
            : ClusterReadiness.No($"{colour} has {healthy} of {deployment.Replicas} healthy instances behind its load balancer."));
    }
}
