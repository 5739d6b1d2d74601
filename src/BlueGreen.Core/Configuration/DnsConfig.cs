namespace BlueGreen.Core.Configuration;

/// <summary>Public DNS: an existing parent zone and the subdomain zone this environment owns.</summary>
public sealed record DnsConfig
{
    /// <summary>Name of the existing parent public hosted zone, e.g. example.com.</summary>
    public required string ParentZoneName { get; init; }

    /// <summary>Id of the parent zone (given, so synthesis needs no lookup).</summary>
    public required string ParentZoneId { get; init; }

    /// <summary>Label of the subdomain, e.g. <c>test</c> for test.example.com.</summary>
    public required string Subdomain { get; init; }

    /// <summary>TTL in seconds that resolvers may cache the service name for; the drain must outlast it.</summary>
    public int Ttl { get; init; } = 60;

    /// <summary>TTL in seconds of the NS record that delegates the subdomain.</summary>
    public int DelegationTtl { get; init; } = 30;

    /// <summary>The subdomain zone's name, which is also the service hostname users call.</summary>
    public string ZoneName => $"{Subdomain}.{ParentZoneName}";

    /// <summary>A colour's own hostname, owned by that colour's ExternalDNS.</summary>
    public string ColourHost(string colour) => $"{colour}.{ZoneName}";
}
