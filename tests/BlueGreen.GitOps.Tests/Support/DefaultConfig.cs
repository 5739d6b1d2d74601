using BlueGreen.Core.Configuration;

namespace BlueGreen.GitOps.Tests.Support;

/// <summary>The repository's default bluegreen.yaml, built in code so rendering tests need no loader.</summary>
internal static class DefaultConfig
{
    public static EnvironmentConfig Create() => new()
    {
        Environment = "test",
        Region = "ap-northeast-1",
        Account = "111122223333",
        Target = Target.Sandbox,
        Network = new NetworkConfig
        {
            VpcCidr = "10.0.0.0/16",
            AvailabilityZones = ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"],
            PublicSubnets = ["10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"],
            PrivateSubnets = ["10.0.100.0/24", "10.0.101.0/24", "10.0.102.0/24"],
            NatGateways = 1,
        },
        Dns = new DnsConfig { ParentZoneName = "example.com", ParentZoneId = "Z0000000000000EXAMPLE", Subdomain = "test", Ttl = 60, DelegationTtl = 30 },
        Data = new DataConfig { TableName = "test-dynamodb", PartitionKey = "UserId", PointInTimeRecovery = true },
        Ci = new CiConfig { Repository = "your-github-org/bluegreen", EcrRepository = "blue-green-ecr" },
        GitOps = new GitOpsConfig
        {
            RepoUrl = "https://github.com/your-github-org/bluegreen.git",
            Revision = "main",
            Path = "deploy",
            ArgoCdVersion = "v3.1.8",
            LoadBalancerControllerChart = "1.13.3",
            ExternalDnsVersion = "v0.23.0",
        },
        App = new AppConfig { ImageTag = "20250701-000000-initial", Replicas = 3, Cpu = "300m", Memory = "512Mi" },
        Clusters = [Cluster("blue", "1.32"), Cluster("green", "1.33")],
        Traffic = new TrafficConfig { Live = "blue", Steps = [], Bake = TimeSpan.FromMinutes(5), Drain = TimeSpan.FromMinutes(2) },
        Gates = new GatesConfig(),
        Sandbox = new SandboxConfig(),
    };

    public static ClusterConfig Cluster(string colour, string version) => new()
    {
        Colour = colour,
        Name = $"test-{colour}",
        Version = version,
        NodeGroup = new NodeGroupConfig { Name = $"test-{colour}-nodes", MinSize = 2, MaxSize = 3, DesiredSize = 2, InstanceTypes = ["m7i.large"] },
    };
}
