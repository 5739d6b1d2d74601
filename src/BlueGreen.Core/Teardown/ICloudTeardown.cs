namespace BlueGreen.Core.Teardown;

/// <summary>The AWS side of a colour's teardown: what its controllers created outside the cluster.</summary>
public interface ICloudTeardown
{
    /// <summary>Load balancers the colour's load balancer controller created, each as a phrase naming it.</summary>
    Task<IReadOnlyList<string>> LoadBalancersAsync(CancellationToken cancellationToken);

    /// <summary>Route53 records of the colour's own name and the ExternalDNS ownership records of its owner id.</summary>
    Task<IReadOnlyList<string>> ColourRecordsAsync(CancellationToken cancellationToken);

    /// <summary>Everything else that blocks deleting the VPC or outlives the cluster: network interfaces, security groups, target groups.</summary>
    Task<IReadOnlyList<string>> NetworkLeftoversAsync(CancellationToken cancellationToken);
}
