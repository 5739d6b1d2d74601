using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using BlueGreen.Infrastructure.Policies;
using Obj = System.Collections.Generic.Dictionary<string, object>;

namespace BlueGreen.Infrastructure.Tests;

[Collection(SynthesizedCollection.Name)]
public sealed class CommonStackTests(DefaultApp defaults, AllOptionsApp allOptions)
{
    private readonly Template _common = defaults.Common;
    private readonly JsonObject _json = defaults.Json[StackNames.Common("test")];

    [Fact]
    public void HasExactlyTheExpectedResources()
    {
        Assert.Equal(
            ResourceCounts.Expect(
                ("AWS::EC2::VPC", 1), ("AWS::EC2::InternetGateway", 1), ("AWS::EC2::VPCGatewayAttachment", 1),
                ("AWS::EC2::RouteTable", 4), ("AWS::EC2::Route", 4), ("AWS::EC2::Subnet", 6), ("AWS::EC2::SubnetRouteTableAssociation", 6),
                ("AWS::EC2::EIP", 1), ("AWS::EC2::NatGateway", 1),
                ("AWS::Route53::HostedZone", 1), ("AWS::Route53::RecordSet", 1), ("AWS::CertificateManager::Certificate", 1),
                ("AWS::DynamoDB::Table", 1), ("AWS::IAM::Role", 3), ("AWS::IAM::Policy", 3),
                ("AWS::S3::Bucket", 1), ("AWS::S3::BucketPolicy", 1), ("AWS::SSM::Parameter", 10)),
            ResourceCounts.Of(_json));
    }

    [Fact]
    public void WithEveryOption_HasANatGatewayPerZoneAndTheDynamoDbEndpoint()
    {
        var counts = ResourceCounts.Of(allOptions.Json[StackNames.Common("test")]);

        Assert.Equal(3, counts["AWS::EC2::NatGateway"]);
        Assert.Equal(3, counts["AWS::EC2::EIP"]);
        Assert.Equal(1, counts["AWS::EC2::VPCEndpoint"]);
        Assert.Equal(4, counts["AWS::EC2::Route"]);
    }

    [Fact]
    public void CreatesTheVpcWithTheConfiguredCidrAndDns()
    {
        _common.HasResourceProperties("AWS::EC2::VPC", new Obj
        {
            ["CidrBlock"] = "10.0.0.0/16",
            ["EnableDnsHostnames"] = true,
            ["EnableDnsSupport"] = true,
        });
    }

    [Theory]
    [InlineData("ap-northeast-1a", "10.0.0.0/24", "kubernetes.io/role/elb")]
    [InlineData("ap-northeast-1c", "10.0.1.0/24", "kubernetes.io/role/elb")]
    [InlineData("ap-northeast-1d", "10.0.2.0/24", "kubernetes.io/role/elb")]
    [InlineData("ap-northeast-1a", "10.0.100.0/24", "kubernetes.io/role/internal-elb")]
    [InlineData("ap-northeast-1c", "10.0.101.0/24", "kubernetes.io/role/internal-elb")]
    [InlineData("ap-northeast-1d", "10.0.102.0/24", "kubernetes.io/role/internal-elb")]
    public void CreatesEachSubnetInItsZoneWithTheLoadBalancerRoleTag(string zone, string cidr, string roleTag)
    {
        _common.HasResourceProperties("AWS::EC2::Subnet", new Obj
        {
            ["AvailabilityZone"] = zone,
            ["CidrBlock"] = cidr,
            ["MapPublicIpOnLaunch"] = false,
            ["Tags"] = Match.ArrayWith([new Obj { ["Key"] = roleTag, ["Value"] = "1" }]),
        });
    }

    [Fact]
    public void SendsPublicTrafficToTheInternetGateway_AndPrivateTrafficThroughTheOneNatGateway()
    {
        var routes = TemplateJson.OfType(_json, "AWS::EC2::Route").Select(r => r.Resource["Properties"]!).ToList();
        var gateway = TemplateJson.Single(_json, "AWS::EC2::InternetGateway").LogicalId;
        var nat = TemplateJson.Single(_json, "AWS::EC2::NatGateway").LogicalId;

        Assert.All(routes, r => Assert.Equal("0.0.0.0/0", (string?)r["DestinationCidrBlock"]));
        Assert.Single(routes, r => (string?)r["GatewayId"]?["Ref"] == gateway);
        Assert.Equal(3, routes.Count(r => (string?)r["NatGatewayId"]?["Ref"] == nat));
    }

    [Fact]
    public void WithANatGatewayPerZone_GivesEachPrivateSubnetItsOwn()
    {
        var json = allOptions.Json[StackNames.Common("test")];
        var nats = TemplateJson.OfType(json, "AWS::EC2::Route")
            .Select(r => (string?)r.Resource["Properties"]!["NatGatewayId"]?["Ref"])
            .OfType<string>()
            .ToList();

        Assert.Equal(3, nats.Distinct().Count());
    }

    [Fact]
    public void CreatesNoDynamoDbEndpointUnlessConfigured()
    {
        _common.ResourceCountIs("AWS::EC2::VPCEndpoint", 0);
    }

    [Fact]
    public void WhenConfigured_RoutesDynamoDbTrafficOfEveryPrivateSubnetThroughAGatewayEndpoint()
    {
        var json = allOptions.Json[StackNames.Common("test")];
        var privateTables = TemplateJson.OfType(json, "AWS::EC2::RouteTable").Select(t => t.LogicalId).Where(id => id.StartsWith("NetworkPrivateRouteTable", StringComparison.Ordinal));
        var endpoint = TemplateJson.Single(json, "AWS::EC2::VPCEndpoint").Resource["Properties"]!;

        Assert.Equal("com.amazonaws.ap-northeast-1.dynamodb", (string?)endpoint["ServiceName"]);
        Assert.Equal("Gateway", (string?)endpoint["VpcEndpointType"]);
        Assert.Equal(privateTables.Order(StringComparer.Ordinal), endpoint["RouteTableIds"]!.AsArray().Select(r => (string)r!["Ref"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CreatesTheSubdomainZoneAndDelegatesItFromTheParentZone()
    {
        var zone = TemplateJson.Single(_json, "AWS::Route53::HostedZone").LogicalId;
        _common.HasResourceProperties("AWS::Route53::HostedZone", new Obj { ["Name"] = "test.example.com." });
        _common.HasResourceProperties("AWS::Route53::RecordSet", new Obj
        {
            ["HostedZoneId"] = "Z0000000000000EXAMPLE",
            ["Name"] = "test.example.com.",
            ["Type"] = "NS",
            ["TTL"] = "30",
            ["ResourceRecords"] = new Obj { ["Fn::GetAtt"] = new[] { zone, "NameServers" } },
        });
    }

    [Fact]
    public void CertifiesTheSubdomainAndItsWildcard_ValidatedByDnsInTheNewZone()
    {
        var zone = TemplateJson.Single(_json, "AWS::Route53::HostedZone").LogicalId;
        _common.HasResourceProperties("AWS::CertificateManager::Certificate", new Obj
        {
            ["DomainName"] = "test.example.com",
            ["SubjectAlternativeNames"] = new[] { "*.test.example.com" },
            ["ValidationMethod"] = "DNS",
            ["DomainValidationOptions"] = new[] { new Obj { ["DomainName"] = "test.example.com", ["HostedZoneId"] = new Obj { ["Ref"] = zone } } },
        });
    }

    [Fact]
    public void CreatesTheTableOnDemand_WithPointInTimeRecovery_DeletionProtected_AndRetainedOnDeletion()
    {
        _common.HasResource("AWS::DynamoDB::Table", new Obj
        {
            ["Properties"] = new Obj
            {
                ["TableName"] = "test-dynamodb",
                ["BillingMode"] = "PAY_PER_REQUEST",
                ["KeySchema"] = new[] { new Obj { ["AttributeName"] = "UserId", ["KeyType"] = "HASH" } },
                ["AttributeDefinitions"] = new[] { new Obj { ["AttributeName"] = "UserId", ["AttributeType"] = "S" } },
                ["PointInTimeRecoverySpecification"] = new Obj { ["PointInTimeRecoveryEnabled"] = true },
                ["DeletionProtectionEnabled"] = true,
            },
            ["DeletionPolicy"] = "Retain",
            ["UpdateReplacePolicy"] = "Retain",
        });
    }

    [Fact]
    public void TrustsThePodIdentityServiceOfThisAccount_ForEachSharedRole()
    {
        var trust = new Obj
        {
            ["AssumeRolePolicyDocument"] = new Obj
            {
                ["Statement"] = new[]
                {
                    new Obj
                    {
                        ["Action"] = new[] { "sts:AssumeRole", "sts:TagSession" },
                        ["Effect"] = "Allow",
                        ["Principal"] = new Obj { ["Service"] = "pods.eks.amazonaws.com" },
                        ["Condition"] = new Obj { ["StringEquals"] = new Obj { ["aws:SourceAccount"] = new Obj { ["Ref"] = "AWS::AccountId" } } },
                    },
                },
                ["Version"] = "2012-10-17",
            },
        };

        Assert.Equal(3, _common.FindResources("AWS::IAM::Role", Match.ObjectLike(new Obj { ["Properties"] = Match.ObjectLike(trust) })).Count);
    }

    [Fact]
    public void GivesTheLoadBalancerControllerRoleThePublishedPolicyUnchanged()
    {
        var published = JsonNode.Parse(LoadBalancerControllerPolicy.Json());
        var (_, policy) = Assert.Single(TemplateJson.OfType(_json, "AWS::IAM::Policy"), p => p.LogicalId.StartsWith("PodIdentityLoadBalancerControllerPolicy", StringComparison.Ordinal));
        var role = Assert.Single(TemplateJson.OfType(_json, "AWS::IAM::Role"), r => r.LogicalId.StartsWith("PodIdentityLoadBalancerControllerRole", StringComparison.Ordinal)).LogicalId;

        Assert.Equal(Canonical(published), Canonical(policy["Properties"]!["PolicyDocument"]));
        Assert.Equal(role, (string?)policy["Properties"]!["Roles"]![0]!["Ref"]);
        Assert.Equal(16, published!["Statement"]!.AsArray().Count);
    }

    [Fact]
    public void KeepsTheJournalBucketVersionedAndRetained()
    {
        _common.HasResource("AWS::S3::Bucket", new Obj
        {
            ["Properties"] = Match.ObjectLike(new Obj { ["VersioningConfiguration"] = new Obj { ["Status"] = "Enabled" } }),
            ["DeletionPolicy"] = "Retain",
        });
    }

    [Fact]
    public void PublishesWhatClustersNeed_AsSsmParametersUnderTheEnvironmentPath()
    {
        var parameters = TemplateJson.OfType(_json, "AWS::SSM::Parameter")
            .ToDictionary(p => (string)p.Resource["Properties"]!["Name"]!, p => p.Resource["Properties"]!);
        string Value(string name) => TemplateJson.Flatten(parameters[name]["Value"]);
        string Id(string type, string prefix = "") => TemplateJson.OfType(_json, type).Single(r => r.LogicalId.StartsWith(prefix, StringComparison.Ordinal)).LogicalId;

        Assert.Equal(
            new[] { "app-role-arn", "certificate-arn", "external-dns-role-arn", "journal-bucket", "load-balancer-controller-role-arn", "private-subnet-ids", "table-name", "vpc-id", "zone-id", "zone-name" }.Select(n => "/test/common/" + n),
            parameters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("${" + Id("AWS::EC2::VPC") + "}", Value("/test/common/vpc-id"));
        Assert.Equal("StringList", (string?)parameters["/test/common/private-subnet-ids"]["Type"]);
        Assert.Equal(string.Join(",", new[] { 1, 2, 3 }.Select(i => "${" + Id("AWS::EC2::Subnet", $"NetworkPrivateSubnet{i}") + "}")), Value("/test/common/private-subnet-ids"));
        Assert.Equal("${" + Id("AWS::Route53::HostedZone") + "}", Value("/test/common/zone-id"));
        Assert.Equal("test.example.com", Value("/test/common/zone-name"));
        Assert.Equal("${" + Id("AWS::CertificateManager::Certificate") + "}", Value("/test/common/certificate-arn"));
        Assert.Equal("${" + Id("AWS::DynamoDB::Table") + "}", Value("/test/common/table-name"));
        Assert.Equal("${" + Id("AWS::S3::Bucket") + "}", Value("/test/common/journal-bucket"));
        Assert.Equal("${" + Id("AWS::IAM::Role", "PodIdentityAppRole") + ".Arn}", Value("/test/common/app-role-arn"));
        Assert.Equal("${" + Id("AWS::IAM::Role", "PodIdentityLoadBalancerControllerRole") + ".Arn}", Value("/test/common/load-balancer-controller-role-arn"));
        Assert.Equal("${" + Id("AWS::IAM::Role", "PodIdentityExternalDnsRole") + ".Arn}", Value("/test/common/external-dns-role-arn"));
    }

    [Fact]
    public void ShowsEveryPublishedValueAsAnOutput()
    {
        Assert.Equal(
            ["AppRoleArn", "CertificateArn", "ExternalDnsRoleArn", "JournalBucket", "LoadBalancerControllerRoleArn", "PrivateSubnetIds", "TableName", "VpcId", "ZoneId", "ZoneName"],
            _json["Outputs"]!.AsObject().Select(o => o.Key).Order(StringComparer.Ordinal));
    }

    // IAM reads a one-item list and the item alike; the CDK writes the item.
    private static string Canonical(JsonNode? node) => node switch
    {
        JsonArray { Count: 1 } one => Canonical(one[0]),
        JsonArray many => "[" + string.Join(",", many.Select(Canonical)) + "]",
        JsonObject o => "{" + string.Join(",", o.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + ":" + Canonical(kv.Value))) + "}",
        _ => node?.ToJsonString() ?? "null",
    };
}
