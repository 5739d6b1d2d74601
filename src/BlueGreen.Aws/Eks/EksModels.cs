namespace BlueGreen.Aws.Eks;

/// <summary>What DescribeCluster says of a cluster that the preflight needs.</summary>
/// <param name="Name">The cluster's name.</param>
/// <param name="Version">The control plane's Kubernetes minor version, e.g. 1.33.</param>
/// <param name="Status">ACTIVE, CREATING, UPDATING, ...</param>
public sealed record EksCluster(string Name, string Version, string Status);

/// <summary>What DescribeNodegroup says of a managed node group.</summary>
/// <param name="Name">The node group's name.</param>
/// <param name="Version">The nodes' Kubernetes minor version.</param>
/// <param name="InstanceTypes">The instance types it launches.</param>
public sealed record EksNodegroup(string Name, string Version, IReadOnlyList<string> InstanceTypes);

/// <summary>An installed EKS add-on and its version, e.g. vpc-cni v1.19.2-eksbuild.1.</summary>
public sealed record EksAddon(string Name, string Version);

/// <summary>A Pod Identity association: pods of this service account in this namespace get this role.</summary>
public sealed record PodIdentityAssociation(string Namespace, string ServiceAccount, string RoleArn);
