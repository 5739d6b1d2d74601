using BlueGreen.Core.Configuration;
using BlueGreen.Core.Plans;

namespace BlueGreen.Core.Tests.Plans;

/// <summary>An environment configuration with the reference system's traffic, gates and sandbox values.</summary>
internal static class PlanSamples
{
    public static EnvironmentConfig Environment(TrafficConfig? traffic = null) => new()
    {
        Environment = "test",
        Region = "ap-northeast-1",
        Network = new NetworkConfig { VpcCidr = "10.0.0.0/16", AvailabilityZones = ["a"], PublicSubnets = ["10.0.0.0/24"], PrivateSubnets = ["10.0.100.0/24"] },
        Dns = new DnsConfig { ParentZoneName = "example.com", ParentZoneId = "Z1", Subdomain = "test" },
        Data = new DataConfig { TableName = "test-dynamodb" },
        Ci = new CiConfig { Repository = "owner/name", EcrRepository = "blue-green-ecr" },
        GitOps = new GitOpsConfig { RepoUrl = "https://github.com/owner/name.git" },
        App = new AppConfig { ImageTag = "20250701-000000-initial" },
        Clusters = [Cluster("blue", "1.32"), Cluster("green", "1.33")],
        Traffic = traffic ?? new TrafficConfig
        {
            Live = "blue",
            Steps = [Share(10), Share(25), new TimedPauseStep(TimeSpan.FromMinutes(10)), new ApprovalStep("look at the dashboards"), Share(50), Share(100)],
            Bake = TimeSpan.FromMinutes(5),
            Drain = TimeSpan.FromMinutes(2),
        },
        Gates = new GatesConfig(),
        Sandbox = new SandboxConfig(),
    };

    public static SetShareStep Share(int percent) => new(percent, TimeSpan.FromMinutes(5));

    private static ClusterConfig Cluster(string colour, string version) => new()
    {
        Colour = colour,
        Name = $"test-{colour}",
        Version = version,
        NodeGroup = new NodeGroupConfig { Name = $"test-{colour}-nodes", MinSize = 2, MaxSize = 3, DesiredSize = 2, InstanceTypes = ["m7i.large"] },
    };
}
