using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using BlueGreen.Infrastructure.Clusters;
using Obj = System.Collections.Generic.Dictionary<string, object>;

namespace BlueGreen.Infrastructure.Tests;

[Collection(SynthesizedCollection.Name)]
public sealed class ClusterStackTests(DefaultApp defaults, AllOptionsApp allOptions)
{
    private readonly Template _blue = defaults.Cluster("blue");
    private readonly JsonObject _json = defaults.Json[StackNames.Cluster("test", "blue")];

    private string KeyId => TemplateJson.Single(_json, "AWS::KMS::Key").LogicalId;

    [Theory]
    [InlineData("blue")]
    [InlineData("green")]
    public void HasExactlyTheExpectedResources(string colour)
    {
        Assert.Equal(
            ResourceCounts.Expect(
                ("AWS::KMS::Key", 1), ("AWS::IAM::Role", 3), ("AWS::IAM::Policy", 1), ("AWS::EKS::Cluster", 1),
                ("AWS::EKS::Addon", 4), ("AWS::EKS::Nodegroup", 1), ("AWS::EKS::PodIdentityAssociation", 3)),
            ResourceCounts.Of(defaults.Json[StackNames.Cluster("test", colour)]));
    }

    [Fact]
    public void CreatesTheClusterWithApiAuthentication_BothEndpoints_AuditLogs_EncryptedSecrets_AndDeletionProtection()
    {
        var role = TemplateJson.OfType(_json, "AWS::IAM::Role").Single(r => r.LogicalId.StartsWith("ClusterRole", StringComparison.Ordinal)).LogicalId;
        _blue.HasResourceProperties("AWS::EKS::Cluster", new Obj
        {
            ["Name"] = "test-blue",
            ["Version"] = "1.32",
            ["RoleArn"] = new Obj { ["Fn::GetAtt"] = new[] { role, "Arn" } },
            ["ResourcesVpcConfig"] = new Obj
            {
                ["SubnetIds"] = new Obj { ["Ref"] = "PrivateSubnetIds" },
                ["EndpointPublicAccess"] = true,
                ["EndpointPrivateAccess"] = true,
            },
            ["AccessConfig"] = new Obj { ["AuthenticationMode"] = "API", ["BootstrapClusterCreatorAdminPermissions"] = true },
            ["Logging"] = new Obj
            {
                ["ClusterLogging"] = new Obj { ["EnabledTypes"] = new[] { new Obj { ["Type"] = "api" }, new Obj { ["Type"] = "audit" }, new Obj { ["Type"] = "authenticator" } } },
            },
            ["EncryptionConfig"] = new[]
            {
                new Obj { ["Provider"] = new Obj { ["KeyArn"] = new Obj { ["Fn::GetAtt"] = new[] { KeyId, "Arn" } } }, ["Resources"] = new[] { "secrets" } },
            },
            ["BootstrapSelfManagedAddons"] = false,
            ["UpgradePolicy"] = new Obj { ["SupportType"] = "EXTENDED" },
            ["DeletionProtection"] = true,
        });
    }

    [Fact]
    public void SynthesizesVersion1_30AsTheString1_30()
    {
        var cluster = TemplateJson.Single(allOptions.Json[StackNames.Cluster("test", "purple")], "AWS::EKS::Cluster").Resource;
        var version = cluster["Properties"]!["Version"]!.AsValue();

        Assert.True(version.TryGetValue<string>(out var text), "The version is not a JSON string.");
        Assert.Equal("1.30", text);
    }

    [Fact]
    public void RotatesTheSecretsKey()
    {
        _blue.HasResourceProperties("AWS::KMS::Key", new Obj { ["EnableKeyRotation"] = true, ["PendingWindowInDays"] = 7 });
    }

    [Fact]
    public void LetsOnlyTheClusterRoleUseTheSecretsKey()
    {
        var statement = Assert.Single(PolicyAudit.Statements("blue", _json));

        Assert.Equal(["kms:Encrypt", "kms:Decrypt", "kms:DescribeKey", "kms:CreateGrant"], statement.Actions);
        Assert.Equal("${" + KeyId + ".Arn}", TemplateJson.Flatten(Assert.Single(statement.Resources)));
        Assert.StartsWith("ClusterRole", statement.PolicyId, StringComparison.Ordinal);
    }

    [Fact]
    public void GivesTheNodeRoleTheWorkerAndImagePullPolicies_ButNotTheCniPolicy()
    {
        _blue.HasResourceProperties("AWS::IAM::Role", new Obj
        {
            ["AssumeRolePolicyDocument"] = Match.ObjectLike(new Obj
            {
                ["Statement"] = new[] { Match.ObjectLike(new Obj { ["Principal"] = new Obj { ["Service"] = "ec2.amazonaws.com" } }) },
            }),
            ["ManagedPolicyArns"] = new[] { "AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryPullOnly" }.Select(ManagedPolicyArn).ToArray(),
        });
    }

    [Fact]
    public void RunsTheVpcCniOnItsOwnPodIdentityRole_WithTheCniPolicyOnly()
    {
        var role = TemplateJson.OfType(_json, "AWS::IAM::Role").Single(r => r.LogicalId.StartsWith("VpcCniRole", StringComparison.Ordinal));
        var trust = role.Resource["Properties"]!["AssumeRolePolicyDocument"]!["Statement"]![0]!;
        var cni = TemplateJson.OfType(_json, "AWS::EKS::Addon").Single(a => (string?)a.Resource["Properties"]!["AddonName"] == "vpc-cni").Resource;

        Assert.Equal("pods.eks.amazonaws.com", (string?)trust["Principal"]!["Service"]);
        Assert.Equal(["sts:AssumeRole", "sts:TagSession"], TemplateJson.Many(trust["Action"]).Select(a => (string?)a));
        Assert.Equal(["arn:${AWS::Partition}:iam::aws:policy/AmazonEKS_CNI_Policy"], TemplateJson.Many(role.Resource["Properties"]!["ManagedPolicyArns"]).Select(TemplateJson.Flatten));
        Assert.Equal("aws-node", (string?)cni["Properties"]!["PodIdentityAssociations"]![0]!["ServiceAccount"]);
        Assert.Equal("${" + role.LogicalId + ".Arn}", TemplateJson.Flatten(cni["Properties"]!["PodIdentityAssociations"]![0]!["RoleArn"]));
        Assert.Equal(["PodIdentityAgent"], TemplateJson.Many(cni["DependsOn"]).Select(d => d!.ToString()));
    }

    [Fact]
    public void PinsEveryAddOnToTheTablesVersionForTheClustersKubernetesVersion()
    {
        var versions = TemplateJson.OfType(_json, "AWS::EKS::Addon").ToDictionary(a => (string)a.Resource["Properties"]!["AddonName"]!, a => (string?)a.Resource["Properties"]!["AddonVersion"]);

        Assert.Equal("v1.32.13-eksbuild.16", versions["kube-proxy"]);
        Assert.Equal("v1.11.4-eksbuild.40", versions["coredns"]);
        Assert.Equal("v1.20.4-eksbuild.1", versions["vpc-cni"]);
        Assert.Equal("v1.3.9-eksbuild.1", versions["eks-pod-identity-agent"]);
    }

    [Fact]
    public void OrdersTheClusterAfterTheKeyGrant_WithoutARedundantDependencyOnTheRole()
    {
        var cluster = TemplateJson.Single(_json, "AWS::EKS::Cluster").Resource;

        Assert.Equal([TemplateJson.Single(_json, "AWS::IAM::Policy").LogicalId], TemplateJson.Many(cluster["DependsOn"]).Select(d => d!.ToString()));
    }

    [Fact]
    public void RunsAnAl2023NodeGroupInThePrivateSubnets_SizedFromTheConfiguration()
    {
        _blue.HasResourceProperties("AWS::EKS::Nodegroup", new Obj
        {
            ["ClusterName"] = new Obj { ["Ref"] = "Cluster" },
            ["NodegroupName"] = "test-blue-nodes",
            ["Subnets"] = new Obj { ["Ref"] = "PrivateSubnetIds" },
            ["AmiType"] = "AL2023_x86_64_STANDARD",
            ["InstanceTypes"] = new[] { "m7i.large" },
            ["ScalingConfig"] = new Obj { ["MinSize"] = 2, ["MaxSize"] = 3, ["DesiredSize"] = 2 },
            ["UpdateConfig"] = new Obj { ["MaxUnavailable"] = 1 },
        });
    }

    [Fact]
    public void InstallsTheFourAddOns_NetworkingBeforeNodes_CoreDnsAfterThem()
    {
        var addons = TemplateJson.OfType(_json, "AWS::EKS::Addon").ToDictionary(a => (string)a.Resource["Properties"]!["AddonName"]!, a => a);
        var nodeGroup = TemplateJson.Single(_json, "AWS::EKS::Nodegroup").Resource;

        Assert.Equal(["coredns", "eks-pod-identity-agent", "kube-proxy", "vpc-cni"], addons.Keys.Order(StringComparer.Ordinal));
        Assert.All(addons.Values, a => Assert.Equal("NONE", (string?)a.Resource["Properties"]!["ResolveConflicts"]));
        Assert.Equal(
            new[] { addons["kube-proxy"].LogicalId, addons["vpc-cni"].LogicalId }.Order(StringComparer.Ordinal),
            TemplateJson.Many(nodeGroup["DependsOn"]).Select(d => d!.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(["NodeGroup"], TemplateJson.Many(addons["coredns"].Resource["DependsOn"]).Select(d => d!.ToString()));
    }

    [Theory]
    [InlineData("app", "app-sa", "AppRoleArn")]
    [InlineData("kube-system", "aws-load-balancer-controller", "LoadBalancerControllerRoleArn")]
    [InlineData("external-dns", "external-dns", "ExternalDnsRoleArn")]
    public void BindsEachServiceAccountToTheSharedRoleFromTheCommonStack(string ns, string serviceAccount, string parameter)
    {
        _blue.HasResourceProperties("AWS::EKS::PodIdentityAssociation", new Obj
        {
            ["ClusterName"] = new Obj { ["Ref"] = "Cluster" },
            ["Namespace"] = ns,
            ["ServiceAccount"] = serviceAccount,
            ["RoleArn"] = new Obj { ["Ref"] = parameter },
        });
    }

    [Theory]
    [InlineData("PrivateSubnetIds", "AWS::SSM::Parameter::Value<List<String>>", "/test/common/private-subnet-ids")]
    [InlineData("AppRoleArn", "AWS::SSM::Parameter::Value<String>", "/test/common/app-role-arn")]
    [InlineData("LoadBalancerControllerRoleArn", "AWS::SSM::Parameter::Value<String>", "/test/common/load-balancer-controller-role-arn")]
    [InlineData("ExternalDnsRoleArn", "AWS::SSM::Parameter::Value<String>", "/test/common/external-dns-role-arn")]
    public void ReadsTheCommonStackValuesFromSsmAtDeployTime(string parameter, string type, string ssmName)
    {
        _blue.HasParameter(parameter, new Obj { ["Type"] = type, ["Default"] = ssmName });
    }

    [Fact]
    public void GrantsNoExtraAdminsUnlessConfigured()
    {
        _blue.ResourceCountIs("AWS::EKS::AccessEntry", 0);
    }

    [Fact]
    public void GivesEachConfiguredAdminRoleClusterAdminAccess()
    {
        allOptions.Cluster("green").HasResourceProperties("AWS::EKS::AccessEntry", new Obj
        {
            ["ClusterName"] = new Obj { ["Ref"] = "Cluster" },
            ["PrincipalArn"] = TestConfigs.AdminRoleArn,
            ["AccessPolicies"] = new[]
            {
                new Obj
                {
                    ["PolicyArn"] = new Obj { ["Fn::Join"] = new object[] { "", new object[] { "arn:", new Obj { ["Ref"] = "AWS::Partition" }, ":eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy" } } },
                    ["AccessScope"] = new Obj { ["Type"] = "cluster" },
                },
            },
        });
    }

    [Fact]
    public void OutputsTheNameArnEndpointAndKubeconfigCommand()
    {
        var outputs = _json["Outputs"]!.AsObject();

        Assert.Equal(["ClusterArn", "ClusterEndpoint", "ClusterName", "UpdateKubeconfigCommand"], outputs.Select(o => o.Key).Order(StringComparer.Ordinal));
        Assert.Equal("${Cluster.Arn}", TemplateJson.Flatten(outputs["ClusterArn"]!["Value"]));
        Assert.Equal("${Cluster.Endpoint}", TemplateJson.Flatten(outputs["ClusterEndpoint"]!["Value"]));
        Assert.Equal("aws eks update-kubeconfig --region ${AWS::Region} --name ${Cluster} --alias test-blue", TemplateJson.Flatten(outputs["UpdateKubeconfigCommand"]!["Value"]));
    }

    private static Obj ManagedPolicyArn(string name) =>
        new() { ["Fn::Join"] = new object[] { "", new object[] { "arn:", new Obj { ["Ref"] = "AWS::Partition" }, ":iam::aws:policy/" + name } } };
}
