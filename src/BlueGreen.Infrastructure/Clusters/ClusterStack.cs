using Amazon.CDK;
using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Configuration.Data;
using BlueGreen.Infrastructure.Common;
using BlueGreen.Infrastructure.Security;
using Constructs;
using Duration = Amazon.CDK.Duration;
using EndpointAccess = BlueGreen.Core.Configuration.EndpointAccess;

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

    /// <summary>Managed policies of the node role: join the cluster and pull images. The VPC CNI has a role of its own.</summary>
    public static readonly IReadOnlyList<string> NodePolicies = ["AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryPullOnly"];

    /// <summary>The managed policy the VPC CNI needs to attach interfaces and assign addresses (IPv4 clusters).</summary>
    public const string CniPolicy = "AmazonEKS_CNI_Policy";

    /// <summary>The VPC CNI's service account in kube-system, which its Pod Identity association names.</summary>
    public const string CniServiceAccount = "aws-node";

    /// <summary>
    /// How an add-on meets a field it did not set: NONE fails the deployment and names the field, where OVERWRITE
    /// would silently undo a change made by hand. A new cluster has no self-managed copies
    /// (BootstrapSelfManagedAddons is false), so creating an add-on never conflicts.
    /// </summary>
    public const string AddonConflicts = "NONE";

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
                EndpointPublicAccess = cluster.EndpointAccess == EndpointAccess.Public,
                // Nodes and pods reach the API server inside the VPC either way.
                EndpointPrivateAccess = true,
                PublicAccessCidrs = cluster.EndpointAccess == EndpointAccess.Public && cluster.PublicAccessCidrs.Count > 0 ? [.. cluster.PublicAccessCidrs] : null,
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
            // From the configuration, where validate rejects STANDARD for a version already in extended support: EKS
            // cannot turn extended support off for a cluster that is in it.
            UpgradePolicy = new CfnCluster.UpgradePolicyProperty { SupportType = cluster.SupportType == EksSupportType.Standard ? "STANDARD" : "EXTENDED" },
        });
        // AWS::EKS::Cluster has DeletionProtection in the CloudFormation schema, but CfnCluster of Amazon.CDK.Lib
        // 2.160.0 (the newest release that restores here) predates it, so it is written as a raw property.
        // Destroying the stack first needs aws eks update-cluster-config --no-deletion-protection.
        Cluster.AddPropertyOverride("DeletionProtection", true);
        // The key grant (the role's default policy) must exist before EKS validates the key; the role itself is
        // already ordered by the RoleArn reference.
        Cluster.AddDependency((CfnResource)ClusterRole.Node.FindChild("DefaultPolicy").Node.DefaultChild!);

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

        // The VPC CNI's own Pod Identity role, so the nodes (and every pod that reaches the node's credentials)
        // do not carry its rights to change network interfaces.
        CniRole = new Role(this, "VpcCniRole", new RoleProps
        {
            Description = $"VPC CNI (kube-system/{CniServiceAccount}) of {cluster.Name}.",
            AssumedBy = PodIdentityTrust.Principal(),
            ManagedPolicies = [ManagedPolicy.FromAwsManagedPolicyName(CniPolicy)],
        });

        var podIdentityAgent = Addon("PodIdentityAgent", EksAddonVersions.PodIdentityAgent, cluster);
        var vpcCni = Addon("VpcCni", EksAddonVersions.VpcCni, cluster);
        vpcCni.PodIdentityAssociations = new object[]
        {
            new CfnAddon.PodIdentityAssociationProperty { ServiceAccount = CniServiceAccount, RoleArn = CniRole.RoleArn },
        };
        // The CNI fetches its credentials through the agent.
        vpcCni.AddDependency(podIdentityAgent);
        var kubeProxy = Addon("KubeProxy", EksAddonVersions.KubeProxy, cluster);

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
        var coreDns = Addon("CoreDns", EksAddonVersions.CoreDns, cluster);
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

    public Role CniRole { get; }

    public CfnNodegroup NodeGroup { get; }

    public IReadOnlyList<CfnAddon> Addons { get; }

    public IReadOnlyList<CfnPodIdentityAssociation> Associations { get; }

    private CfnAddon Addon(string id, string name, ClusterConfig cluster) => new(this, id, new CfnAddonProps
    {
        ClusterName = Cluster.Ref,
        AddonName = name,
        // Explicit, so a deployment installs what was reviewed rather than EKS's default of the day.
        AddonVersion = EksAddonVersions.For(cluster, name)
            ?? throw new InfrastructureConfigException($"No {name} version is known for Kubernetes {cluster.Version} ({cluster.Colour}); set clusters[].addons.{name}."),
        ResolveConflicts = AddonConflicts,
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
