using System.Text.Json.Nodes;
using Amazon.CDK;
using BlueGreen.Core.Configuration;
using BlueGreen.Infrastructure.Clusters;

namespace BlueGreen.Infrastructure.Tests;

/// <summary>The stack settings a first real deployment depends on: account-free templates, protection, endpoint access, flow logs.</summary>
[Collection(SynthesizedCollection.Name)]
public sealed class DeployableDefaultsTests(DefaultApp defaults, AllOptionsApp allOptions)
{
    private JsonObject Common => defaults.Json[StackNames.Common("test")];

    [Fact]
    public void WritesTheAccountIdIntoNoTemplate_SoOneTemplateServesAnyAccount()
    {
        Assert.All(defaults.Result.Stacks, stack => Assert.DoesNotContain("111122223333", File.ReadAllText(stack.TemplatePath), StringComparison.Ordinal));
    }

    [Fact]
    public void BuildsTheKeyPolicyAndTheImageRepositoryUriFromTheStacksAccount()
    {
        var key = TemplateJson.Single(defaults.Json[StackNames.Cluster("test", "blue")], "AWS::KMS::Key").Resource;
        var project = TemplateJson.Single(defaults.Json[StackNames.Ci("test")], "AWS::CodeBuild::Project").Resource;

        Assert.Contains(TemplateJson.FindKey(key["Properties"]!["KeyPolicy"], "AWS").Select(TemplateJson.Flatten), p => p == "arn:${AWS::Partition}:iam::${AWS::AccountId}:root");
        var uri = project["Properties"]!["Environment"]!["EnvironmentVariables"]![0]!["Value"]!.ToJsonString();

        // The account part is cut from the repository's own ARN at deploy time.
        Assert.Contains("{\"Fn::Select\":[4,{\"Fn::Split\":[\":\",{\"Fn::GetAtt\":[\"Repository", uri, StringComparison.Ordinal);
        Assert.Contains(".dkr.ecr.", uri, StringComparison.Ordinal);
    }

    [Fact]
    public void RetainsTheZoneAndTheCertificate_AndValidatesTheCertificateOnlyAfterTheDelegation()
    {
        var zone = TemplateJson.Single(Common, "AWS::Route53::HostedZone").Resource;
        var certificate = TemplateJson.Single(Common, "AWS::CertificateManager::Certificate").Resource;
        var delegation = TemplateJson.Single(Common, "AWS::Route53::RecordSet").LogicalId;

        Assert.Equal("Retain", (string?)zone["DeletionPolicy"]);
        Assert.Equal("Retain", (string?)certificate["DeletionPolicy"]);
        Assert.Contains(delegation, TemplateJson.Many(certificate["DependsOn"]).Select(d => d!.ToString()));
    }

    [Fact]
    public void RecordsNoFlowLogsUnlessConfigured()
    {
        Assert.Empty(TemplateJson.OfType(Common, "AWS::EC2::FlowLog"));
    }

    [Fact]
    public void WhenConfigured_SendsEveryFlowOfTheVpcToARetainedBucketThatOnlyLogDeliveryOfThisAccountWrites()
    {
        var json = allOptions.Json[StackNames.Common("test")];
        var flowLog = TemplateJson.Single(json, "AWS::EC2::FlowLog").Resource["Properties"]!;
        var bucket = TemplateJson.Flatten(flowLog["LogDestination"]).TrimStart('$', '{').Split('.')[0];
        var policy = TemplateJson.OfType(json, "AWS::S3::BucketPolicy").Single(p => TemplateJson.Flatten(p.Resource["Properties"]!["Bucket"]) == "${" + bucket + "}").Resource;
        var delivery = TemplateJson.Many(policy["Properties"]!["PolicyDocument"]!["Statement"]).Where(s => (string?)s!["Principal"]?["Service"] == "delivery.logs.amazonaws.com").ToList();

        Assert.Equal("VPC", (string?)flowLog["ResourceType"]);
        Assert.Equal("ALL", (string?)flowLog["TrafficType"]);
        Assert.Equal("s3", (string?)flowLog["LogDestinationType"]);
        Assert.Equal("Retain", (string?)json["Resources"]![bucket]!["DeletionPolicy"]);
        Assert.Equal(2, delivery.Count);
        Assert.All(delivery, s => Assert.Equal("${AWS::AccountId}", TemplateJson.Flatten(s!["Condition"]!["StringEquals"]!["aws:SourceAccount"])));
    }

    [Fact]
    public void LimitsThePublicEndpointToTheConfiguredBlocks()
    {
        var vpcConfig = TemplateJson.Single(allOptions.Json[StackNames.Cluster("test", "green")], "AWS::EKS::Cluster").Resource["Properties"]!["ResourcesVpcConfig"]!;

        Assert.True((bool)vpcConfig["EndpointPublicAccess"]!);
        Assert.Equal([TestConfigs.OperatorCidr], TemplateJson.Many(vpcConfig["PublicAccessCidrs"]).Select(c => (string?)c));
    }

    [Fact]
    public void LeavesThePublicEndpointUnlimited_OnlyWhenNoBlockIsConfigured()
    {
        var vpcConfig = TemplateJson.Single(defaults.Json[StackNames.Cluster("test", "blue")], "AWS::EKS::Cluster").Resource["Properties"]!["ResourcesVpcConfig"]!.AsObject();

        Assert.False(vpcConfig.ContainsKey("PublicAccessCidrs"));
    }

    [Fact]
    public void WithAPrivateEndpoint_TurnsThePublicOneOff_AndWithStandardSupport_WritesStandard()
    {
        var config = TestConfigs.Default();
        var cluster = config.Clusters[1] with { EndpointAccess = EndpointAccess.Private, SupportType = EksSupportType.Standard };
        var directory = Path.Combine(Path.GetTempPath(), "bluegreen-private-" + Guid.NewGuid().ToString("N"));
        try
        {
            var app = InfrastructureApp.NewApp(new AppProps { Outdir = directory });
            var stack = new ClusterStack(app, config, cluster, new StackProps { Env = new Amazon.CDK.Environment { Region = config.Region } });
            var template = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Amazon.CDK.Assertions.Template.FromStack(stack).ToJSON()))!.AsObject();
            var properties = TemplateJson.Single(template, "AWS::EKS::Cluster").Resource["Properties"]!;

            Assert.False((bool)properties["ResourcesVpcConfig"]!["EndpointPublicAccess"]!);
            Assert.True((bool)properties["ResourcesVpcConfig"]!["EndpointPrivateAccess"]!);
            Assert.Equal("STANDARD", (string?)properties["UpgradePolicy"]!["SupportType"]);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public void RefusesToSynthesizeAClusterWhoseAddOnVersionsAreUnknown()
    {
        var config = TestConfigs.Default() with { Clusters = [TestConfigs.Cluster("blue", "1.32"), TestConfigs.Cluster("green", "1.35")] };

        var error = Assert.Throws<InfrastructureConfigException>(() => InfrastructureConfigCheck.ThrowIfInvalid(config));

        Assert.Contains("clusters[1].addons: no version of eks-pod-identity-agent, vpc-cni, kube-proxy, coredns is known for Kubernetes 1.35", error.Message, StringComparison.Ordinal);
    }
}
