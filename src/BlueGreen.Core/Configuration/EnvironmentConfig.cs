namespace BlueGreen.Core.Configuration;

/// <summary>One environment, as bluegreen.yaml describes it: everything the tool needs to build and upgrade it.</summary>
public sealed record EnvironmentConfig
{
    /// <summary>Short name that prefixes stacks (<c>&lt;env&gt;-common</c>), SSM paths and ExternalDNS owner ids.</summary>
    public required string Environment { get; init; }

    /// <summary>AWS region, e.g. ap-northeast-1.</summary>
    public required string Region { get; init; }

    /// <summary>AWS account id (12 digits) the stacks deploy to; null leaves the stacks environment-agnostic.</summary>
    public string? Account { get; init; }

    /// <summary>Where the engine acts: the local sandbox or real AWS.</summary>
    public Target Target { get; init; } = Target.Sandbox;

    public required NetworkConfig Network { get; init; }

    public required DnsConfig Dns { get; init; }

    public required DataConfig Data { get; init; }

    public required CiConfig Ci { get; init; }

    public required GitOpsConfig GitOps { get; init; }

    public required AppConfig App { get; init; }

    /// <summary>The clusters, one per colour, in file order.</summary>
    public required IReadOnlyList<ClusterConfig> Clusters { get; init; }

    public required TrafficConfig Traffic { get; init; }

    public required GatesConfig Gates { get; init; }

    public required SandboxConfig Sandbox { get; init; }

    /// <summary>Webhooks told of the upgrade's milestones; none when the file has no <c>notifications:</c>.</summary>
    public NotificationsConfig Notifications { get; init; } = new();

    /// <summary>The cluster of a colour; throws when the colour is not configured.</summary>
    public ClusterConfig Cluster(string colour) =>
        Clusters.FirstOrDefault(c => c.Colour == colour)
        ?? throw new ArgumentException($"No cluster has the colour '{colour}'. Known colours: {string.Join(", ", Clusters.Select(c => c.Colour))}.", nameof(colour));

    /// <summary>The live colour's cluster.</summary>
    public ClusterConfig LiveCluster => Cluster(Traffic.Live);

    /// <summary>The candidate colour: <c>traffic.candidate</c>, or the one colour that is not live.</summary>
    public ClusterConfig CandidateCluster =>
        Traffic.Candidate is { } candidate ? Cluster(candidate) : Clusters.First(c => c.Colour != Traffic.Live);
}

/// <summary>Where the engine's adapters point.</summary>
public enum Target
{
    /// <summary>Everything on this machine: DNS server, proxies, app processes, database.</summary>
    Sandbox,

    /// <summary>Route53, EKS and S3 in a real AWS account.</summary>
    Aws,
}
