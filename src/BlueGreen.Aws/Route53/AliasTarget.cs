namespace BlueGreen.Aws.Route53;

/// <summary>Where an alias record points: a load balancer's DNS name and the hosted zone Route53 knows it by.</summary>
/// <param name="HostedZoneId">The load balancer's canonical hosted zone id (per region and type, not the zone of the record).</param>
/// <param name="DnsName">The load balancer's DNS name.</param>
/// <param name="EvaluateTargetHealth">Whether Route53 skips this record while the target is unhealthy.</param>
public sealed record AliasTarget(string HostedZoneId, string DnsName, bool EvaluateTargetHealth = true)
{
    /// <summary>The load balancer's own DNS name: without the <c>dualstack.</c> prefix alias records use, lower case, no final dot.</summary>
    public string LoadBalancerName
    {
        get
        {
            var name = DnsNames.Normalize(DnsName);
            return name.StartsWith("dualstack.", StringComparison.Ordinal) ? name["dualstack.".Length..] : name;
        }
    }

    /// <summary>True when both point at the same name in the same zone, ignoring case and the trailing dot Route53 adds.</summary>
    public bool SameTargetAs(AliasTarget other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(HostedZoneId, other.HostedZoneId, StringComparison.Ordinal)
            && string.Equals(DnsNames.Normalize(DnsName), DnsNames.Normalize(other.DnsName), StringComparison.Ordinal)
            && EvaluateTargetHealth == other.EvaluateTargetHealth;
    }
}
