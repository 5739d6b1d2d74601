namespace BlueGreen.Core.Configuration;

/// <summary>The shared VPC that outlives every cluster.</summary>
public sealed record NetworkConfig
{
    public required string VpcCidr { get; init; }

    /// <summary>Availability zones, one public and one private subnet each, in the same order.</summary>
    public required IReadOnlyList<string> AvailabilityZones { get; init; }

    public required IReadOnlyList<string> PublicSubnets { get; init; }

    public required IReadOnlyList<string> PrivateSubnets { get; init; }

    /// <summary>NAT gateways; one saves cost, one per zone survives a zone outage.</summary>
    public int NatGateways { get; init; } = 1;

    /// <summary>Whether to add a DynamoDB gateway endpoint so table traffic skips the NAT gateway.</summary>
    public bool DynamoDbEndpoint { get; init; }

    /// <summary>Whether to record the VPC's flow logs (all traffic) in an S3 bucket of the common stack.</summary>
    public bool FlowLogs { get; init; }
}
