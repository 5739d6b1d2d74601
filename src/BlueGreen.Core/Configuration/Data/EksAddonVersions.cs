namespace BlueGreen.Core.Configuration.Data;

/// <summary>
/// The EKS add-on versions a cluster of each Kubernetes version installs, so a deployment never takes whatever
/// EKS makes the default that day. Sources, read 2026-12:
/// kube-proxy and coredns: Amazon EKS User Guide, "Manage kube-proxy in Amazon EKS clusters" and "Manage CoreDNS
/// for DNS in Amazon EKS clusters", tables of the latest add-on version per Kubernetes version
/// (docs.aws.amazon.com/eks/latest/userguide/managing-kube-proxy.html, .../managing-coredns.html);
/// vpc-cni: the same guide, "Assign IPs to Pods with the Amazon VPC CNI" (.../managing-vpc-cni.html), whose table
/// gives one version for 1.28 to 1.34 and has no row for 1.35 yet;
/// eks-pod-identity-agent: the guide publishes no table; v1.3.9-eksbuild.1 is the version EKS served for
/// DescribeAddonConfiguration in aws/eks-hybrid pull request 763 (2025-10-02). Check it with
/// <c>aws eks describe-addon-versions --addon-name eks-pod-identity-agent --kubernetes-version X</c>.
/// A version without a row needs <c>clusters[].addons</c> in the configuration. Add a row when EKS releases one.
/// </summary>
public static class EksAddonVersions
{
    public const string VpcCni = "vpc-cni";

    public const string KubeProxy = "kube-proxy";

    public const string CoreDns = "coredns";

    public const string PodIdentityAgent = "eks-pod-identity-agent";

    /// <summary>Every add-on a cluster stack installs, in the order it installs them.</summary>
    public static IReadOnlyList<string> Names { get; } = [PodIdentityAgent, VpcCni, KubeProxy, CoreDns];

    private const string PodIdentityAgentVersion = "v1.3.9-eksbuild.1";

    private const string VpcCniVersion = "v1.20.4-eksbuild.1";

    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> Rows = new(StringComparer.Ordinal)
    {
        ["1.30"] = Row(kubeProxy: "v1.30.14-eksbuild.28", coreDns: "v1.11.4-eksbuild.40"),
        ["1.31"] = Row(kubeProxy: "v1.31.14-eksbuild.20", coreDns: "v1.11.4-eksbuild.40"),
        ["1.32"] = Row(kubeProxy: "v1.32.13-eksbuild.16", coreDns: "v1.11.4-eksbuild.40"),
        ["1.33"] = Row(kubeProxy: "v1.33.10-eksbuild.13", coreDns: "v1.12.4-eksbuild.18"),
        ["1.34"] = Row(kubeProxy: "v1.34.6-eksbuild.13", coreDns: "v1.13.2-eksbuild.11"),
    };

    /// <summary>The table's version of <paramref name="addon"/> for a Kubernetes version, or null when the table has none.</summary>
    public static string? Find(string kubernetesVersion, string addon) =>
        Rows.TryGetValue(kubernetesVersion, out var row) && row.TryGetValue(addon, out var version) ? version : null;

    /// <summary>The version a cluster installs: its own setting first, then the table; null when neither has one.</summary>
    public static string? For(ClusterConfig cluster, string addon)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster.AddonVersions.TryGetValue(addon, out var chosen) ? chosen : Find(cluster.Version, addon);
    }

    private static Dictionary<string, string> Row(string kubeProxy, string coreDns) => new(StringComparer.Ordinal)
    {
        [PodIdentityAgent] = PodIdentityAgentVersion,
        [VpcCni] = VpcCniVersion,
        [KubeProxy] = kubeProxy,
        [CoreDns] = coreDns,
    };
}
