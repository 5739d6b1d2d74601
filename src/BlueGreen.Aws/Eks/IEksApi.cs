namespace BlueGreen.Aws.Eks;

/// <summary>The few read-only EKS operations the preflight needs; small so AWSSDK.EKS can stand in for it.</summary>
public interface IEksApi
{
    /// <summary>DescribeCluster; null when there is no such cluster.</summary>
    Task<EksCluster?> DescribeClusterAsync(string cluster, CancellationToken cancellationToken);

    /// <summary>ListNodegroups then DescribeNodegroup of each.</summary>
    Task<IReadOnlyList<EksNodegroup>> NodegroupsAsync(string cluster, CancellationToken cancellationToken);

    /// <summary>ListAddons then DescribeAddon of each.</summary>
    Task<IReadOnlyList<EksAddon>> AddonsAsync(string cluster, CancellationToken cancellationToken);

    /// <summary>ListPodIdentityAssociations then DescribePodIdentityAssociation of each (the list has no role).</summary>
    Task<IReadOnlyList<PodIdentityAssociation>> PodIdentityAssociationsAsync(string cluster, CancellationToken cancellationToken);
}
