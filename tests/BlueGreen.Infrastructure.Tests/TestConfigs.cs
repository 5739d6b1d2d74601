using BlueGreen.Core.Configuration;
using BlueGreen.Core.Plans;

namespace BlueGreen.Infrastructure.Tests;

/// <summary>Configurations the tests synthesize: the reference system's values, and a variant that turns on every option.</summary>
internal static class TestConfigs
{
    public const string AdminRoleArn = "arn:aws:iam::111122223333:role/platform-admin";

    /// <summary>The values of the default bluegreen.yaml.</summary>
    public static EnvironmentConfig Default() => new()
    {
        Environment = "test",
        Region = "ap-northeast-1",
        Account = "111122223333",
        Network = new NetworkConfig
        {
            VpcCidr = "10.0.0.0/16",
            AvailabilityZones = ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"],
            PublicSubnets = ["10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"],
            PrivateSubnets = ["10.0.100.0/24", "10.0.101.0/24", "10.0.102.0/24"],
            NatGateways = 1,
            DynamoDbEndpoint = false,
        },
        Dns = new DnsConfig { ParentZoneName = "example.com", ParentZoneId = "Z0000000000000EXAMPLE", Subdomain = "test", Ttl = 60, DelegationTtl = 30 },
        Data = new DataConfig { TableName = "test-dynamodb", PartitionKey = "UserId", PointInTimeRecovery = true },
        Ci = new CiConfig
        {
            Repository = "jnytnai0613/blue-green-upgrade-blueprints",
            Branch = "main",
            EcrRepository = "blue-green-ecr",
            Buildspec = "samples/SampleApp/buildspec.yml",
            SourcePath = "samples/SampleApp/",
            Webhook = false,
            KeepImages = 30,
            TimeoutMinutes = 15,
        },
        GitOps = new GitOpsConfig { RepoUrl = "https://github.com/jnytnai0613/blue-green-upgrade-blueprints.git" },
        App = new AppConfig { ImageTag = "20250701-000000-initial" },
        Clusters = [Cluster("blue", "1.32"), Cluster("green", "1.33")],
        Traffic = new TrafficConfig
        {
            Live = "blue",
            Steps = [],
            Bake = TimeSpan.FromMinutes(5),
            Drain = TimeSpan.FromMinutes(2),
        },
        Gates = new GatesConfig(),
        Sandbox = new SandboxConfig(),
    };

    /// <summary>The public block the all-options clusters admit to their API endpoint.</summary>
    public const string OperatorCidr = "203.0.113.0/24";

    /// <summary>
    /// Every option on: a third colour on "1.30", a NAT gateway per zone, the DynamoDB endpoint, flow logs,
    /// the webhook, and an admin role and an endpoint allow-list on every cluster so the three cluster stacks stay comparable.
    /// </summary>
    public static EnvironmentConfig AllOptions()
    {
        var config = Default();
        return config with
        {
            Network = config.Network with { NatGateways = 3, DynamoDbEndpoint = true, FlowLogs = true },
            Ci = config.Ci with { Webhook = true },
            Clusters = [.. new[] { Cluster("blue", "1.32"), Cluster("green", "1.33"), Cluster("purple", "1.30") }
                .Select(c => c with { AdminRoleArns = [AdminRoleArn], PublicAccessCidrs = [OperatorCidr] })],
        };
    }

    public static ClusterConfig Cluster(string colour, string version) => new()
    {
        Colour = colour,
        Name = $"test-{colour}",
        Version = version,
        NodeGroup = new NodeGroupConfig
        {
            Name = $"test-{colour}-nodes",
            MinSize = 2,
            MaxSize = 3,
            DesiredSize = 2,
            InstanceTypes = ["m7i.large"],
        },
    };
}
