using Amazon.CDK;
using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using BlueGreen.Core.Configuration;
using BlueGreen.Infrastructure.Common;
using Constructs;
using Duration = Amazon.CDK.Duration;

namespace BlueGreen.Infrastructure.Clusters;

/// <summary>
/// One colour's EKS cluster: control plane, node group, add-ons, and the Pod Identity
/// associations that bind its service accounts to the shared roles of the common stack.
/// </summary>
/// <remarks>
/// L1 resources throughout: the L2 cluster needs a kubectl Lambda layer package this project cannot use.
/// </remarks>
public sealed class ClusterStack : Stack
{
    /// <summary>Control-plane log types sent to CloudWatch.</summary>
    public static readonly IReadOnlyList<string> LogTypes = ["api", "audit", "authenticator"];

    /// <summary>Managed policies of the node role: join the cluster, run the VPC CNI, pull images.</summary>
    public static readonly IReadOnlyList<string> NodePolicies = ["AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryPullOnly"];

    /// <summary>The service accounts bound to the shared roles, as (namespace, service account).</summary>
    public static readonly (string Namespace, string ServiceAccount) App = ("app", "app-sa");

    public static readonly (string Namespace, string ServiceAccount) LoadBalancerController = ("kube-system", "aws-load-balancer-controller");

    public static readonly (string Namespace, string ServiceAccount) ExternalDns = ("external-dns", "external-dns");

    public ClusterStack(Construct scope, EnvironmentConfig config, ClusterConfig cluster, IStackProps props)
        : base(scope, StackNames.Cluster(config.Environment, cluster.Colour), props)
    {
        var inputs = new CommonInputs(this, new CommonParameters(config.Environment));

        SecretsKey = new Key(this, "SecretsKey", new KeyProps
        {
            Description = $"Envelope encryption of Kubernetes secrets in {cluster.Name}.",
            EnableKeyRotation = true,
            // The secrets die with the cluster; the waiting period still allows an undo.
            RemovalPolicy = RemovalPolicy.DESTROY,
            PendingWindow = Duration.Days(7),
        });

        ClusterRole = new Role(this, "ClusterRole", new RoleProps
        {
            Description = $"EKS control plane of {cluster.Name}.",
            AssumedBy = new ServicePrincipal("eks.amazonaws.com"),
            ManagedPolicies = [ManagedPolicy.FromAwsManagedPolicyName("AmazonEKSClusterPolicy")],
        });
        SecretsKey.Grant(ClusterRole, "kms:Encrypt", "kms:Decrypt", "kms:DescribeKey", "kms:CreateGrant");

        Cluster = new CfnCluster(this, "Cluster", new CfnClusterProps
        {
            Name = cluster.Name,
            Version = cluster.Version,
            RoleArn = ClusterRole.RoleArn,
            ResourcesVpcConfig = new CfnCluster.ResourcesVpcConfigProperty
            {
                SubnetIds = inputs.PrivateSubnetIds.ValueAsList,
                EndpointPublicAccess = true,
                EndpointPrivateAccess = true,
            },
            AccessConfig = new CfnCluster.AccessConfigProperty
            {
                AuthenticationMode = "API",
                BootstrapClusterCreatorAdminPermissions = true,
            },
            Logging = new CfnCluster.LoggingProperty
            {
                ClusterLogging = new CfnCluster.ClusterLoggingProperty
                {
                    EnabledTypes = LogTypes.Select(t => (object)new CfnCluster.LoggingTypeConfigProperty { Type = t }).ToArray(),
                },
            },
            EncryptionConfig = new object[]
            {
                new CfnCluster.EncryptionConfigProperty
                {
                    Provider = new CfnCluster.ProviderProperty { KeyArn = SecretsKey.KeyArn },
                    Resources = ["secrets"],
                },
            },
            // The add-ons below are the managed versions; self-managed copies would fight them.
            BootstrapSelfManagedAddons = false,
            // A cluster left on an old version must not drift into paid extended support unnoticed.
            UpgradePolicy = new CfnCluster.UpgradePolicyProperty { SupportType = "STANDARD" },
        });
        // The key grant must exist before EKS validates the key.
        Cluster.Node.AddDependency(ClusterRole);

        AdminAccessEntries = [.. cluster.AdminRoleArns.Select((arn, i) => new CfnAccessEntry(this, $"AdminAccess{i + 1}", new CfnAccessEntryProps
        {
            ClusterName = Cluster.Ref,
            PrincipalArn = arn,
            Type = "STANDARD",
            AccessPolicies = new object[]
            {
                new CfnAccessEntry.AccessPolicyProperty
                {
                    PolicyArn = $"arn:{Aws.PARTITION}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
                    AccessScope = new CfnAccessEntry.AccessScopeProperty { Type = "cluster" },
                },
            },
        }))];

        NodeRole = new Role(this, "NodeRole", new RoleProps
        {
            Description = $"Worker nodes of {cluster.Name}.",
            AssumedBy = new ServicePrincipal("ec2.amazonaws.com"),
            ManagedPolicies = [.. NodePolicies.Select(ManagedPolicy.FromAwsManagedPolicyName)],
        });

        var podIdentityAgent = Addon("PodIdentityAgent", "eks-pod-identity-agent");
        var vpcCni = Addon("VpcCni", "vpc-cni");
        var kubeProxy = Addon("KubeProxy", "kube-proxy");

        var nodes = cluster.NodeGroup;
        NodeGroup = new CfnNodegroup(this, "NodeGroup", new CfnNodegroupProps
        {
            ClusterName = Cluster.Ref,
            NodegroupName = nodes.Name,
            NodeRole = NodeRole.RoleArn,
            Subnets = inputs.PrivateSubnetIds.ValueAsList,
            AmiType = NodeAmi.For(nodes.InstanceTypes),
            CapacityType = "ON_DEMAND",
            InstanceTypes = [.. nodes.InstanceTypes],
            DiskSize = nodes.DiskSizeGiB,
            ScalingConfig = new CfnNodegroup.ScalingConfigProperty
            {
                MinSize = nodes.MinSize,
                MaxSize = nodes.MaxSize,
                DesiredSize = nodes.DesiredSize,
            },
            UpdateConfig = new CfnNodegroup.UpdateConfigProperty { MaxUnavailable = 1 },
        });
        // Nodes become Ready only with pod networking in place.
        NodeGroup.AddDependency(vpcCni);
        NodeGroup.AddDependency(kubeProxy);

        // CoreDNS runs as pods: created before any node, the add-on would wait degraded until it times out.
        var coreDns = Addon("CoreDns", "coredns");
        coreDns.AddDependency(NodeGroup);
        Addons = [podIdentityAgent, vpcCni, kubeProxy, coreDns];

        Associations =
        [
            Associate("AppIdentity", App, inputs.AppRoleArn),
            Associate("LoadBalancerControllerIdentity", LoadBalancerController, inputs.LoadBalancerControllerRoleArn),
            Associate("ExternalDnsIdentity", ExternalDns, inputs.ExternalDnsRoleArn),
        ];

        _ = new CfnOutput(this, "ClusterName", new CfnOutputProps { Value = Cluster.Ref, Description = "EKS cluster name." });
        _ = new CfnOutput(this, "ClusterArn", new CfnOutputProps { Value = Cluster.AttrArn, Description = "EKS cluster ARN." });
        _ = new CfnOutput(this, "ClusterEndpoint", new CfnOutputProps { Value = Cluster.AttrEndpoint, Description = "Kubernetes API endpoint." });
        _ = new CfnOutput(this, "UpdateKubeconfigCommand", new CfnOutputProps
        {
            Value = $"aws eks update-kubeconfig --region {Aws.REGION} --name {Cluster.Ref} --alias {cluster.Context}",
            Description = "Writes the kubeconfig context the bluegreen CLI uses for this colour.",
        });
    }

    public Key SecretsKey { get; }

    public Role ClusterRole { get; }

    public CfnCluster Cluster { get; }

    public IReadOnlyList<CfnAccessEntry> AdminAccessEntries { get; }

    public Role NodeRole { get; }

    public CfnNodegroup NodeGroup { get; }

    public IReadOnlyList<CfnAddon> Addons { get; }

    public IReadOnlyList<CfnPodIdentityAssociation> Associations { get; }

    private CfnAddon Addon(string id, string name) => new(this, id, new CfnAddonProps
    {
        ClusterName = Cluster.Ref,
        AddonName = name,
        // Take over any copy EKS or a person installed before the managed add-on.
        ResolveConflicts = "OVERWRITE",
    });

    private CfnPodIdentityAssociation Associate(string id, (string Namespace, string ServiceAccount) account, CfnParameter roleArn) =>
        new(this, id, new CfnPodIdentityAssociationProps
        {
            ClusterName = Cluster.Ref,
            Namespace = account.Namespace,
            ServiceAccount = account.ServiceAccount,
            RoleArn = roleArn.ValueAsString,
        });
}
