namespace BlueGreen.Core.Configuration;

/// <summary>One colour's EKS cluster.</summary>
public sealed record ClusterConfig
{
    /// <summary>The colour (blue, green, ...): a DNS label.</summary>
    public required string Colour { get; init; }

    /// <summary>EKS cluster name.</summary>
    public required string Name { get; init; }

    /// <summary>Kubernetes minor version as written, e.g. "1.33". Always a string: 1.30 is not 1.3.</summary>
    public required string Version { get; init; }

    /// <summary>kubeconfig context of this cluster; defaults to the cluster name.</summary>
    public string? KubeContext { get; init; }

    /// <summary>IAM role ARNs given cluster-admin access entries besides the creator.</summary>
    public IReadOnlyList<string> AdminRoleArns { get; init; } = [];

    /// <summary>The upgrade policy; a version already in extended support can only be <see cref="EksSupportType.Extended"/>.</summary>
    public EksSupportType SupportType { get; init; } = EksSupportType.Extended;

    public EndpointAccess EndpointAccess { get; init; } = EndpointAccess.Public;

    /// <summary>IPv4 blocks that may reach the public endpoint; empty means everywhere (0.0.0.0/0).</summary>
    public IReadOnlyList<string> PublicAccessCidrs { get; init; } = [];

    /// <summary>Add-on versions that replace the table's, by add-on name (vpc-cni, kube-proxy, coredns, eks-pod-identity-agent).</summary>
    public IReadOnlyDictionary<string, string> AddonVersions { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public required NodeGroupConfig NodeGroup { get; init; }

    /// <summary>The context to use: <see cref="KubeContext"/> or the cluster name.</summary>
    public string Context => KubeContext ?? Name;
}

/// <summary>The cluster's managed node group.</summary>
public sealed record NodeGroupConfig
{
    public required string Name { get; init; }

    public required int MinSize { get; init; }

    public required int MaxSize { get; init; }

    public required int DesiredSize { get; init; }

    public required IReadOnlyList<string> InstanceTypes { get; init; }

    public int DiskSizeGiB { get; init; } = 20;
}
