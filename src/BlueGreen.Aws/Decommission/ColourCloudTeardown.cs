using BlueGreen.Core.Teardown;

namespace BlueGreen.Aws.Decommission;

/// <summary>The AWS side of a colour's teardown: its controller's load balancers and target groups, its records, and what is left in the VPC.</summary>
public sealed class ColourCloudTeardown(string clusterName, IControllerLoadBalancers loadBalancers, ColourRecords records, LoadBalancerLeftovers network, Func<CancellationToken, Task<string>> findVpc) : ICloudTeardown
{
    private string? _vpc;

    public Task<IReadOnlyList<string>> LoadBalancersAsync(CancellationToken cancellationToken) => loadBalancers.LoadBalancersAsync(clusterName, cancellationToken);

    public Task<IReadOnlyList<string>> ColourRecordsAsync(CancellationToken cancellationToken) => records.FindAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> NetworkLeftoversAsync(CancellationToken cancellationToken)
    {
        _vpc ??= await findVpc(cancellationToken).ConfigureAwait(false);
        return
        [
            .. await network.FindAsync(_vpc, clusterName, cancellationToken).ConfigureAwait(false),
            .. await loadBalancers.LoadBalancersAsync(clusterName, cancellationToken).ConfigureAwait(false),
            .. await loadBalancers.TargetGroupsAsync(clusterName, cancellationToken).ConfigureAwait(false),
        ];
    }
}
