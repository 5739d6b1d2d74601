namespace BlueGreen.Aws.Route53;

/// <summary>Alias targets from each colour's ALB hostname (as its Ingress reports it) and the region's ALB hosted zone.</summary>
public sealed class AlbAliasTargets : IAliasTargetSource
{
    private readonly Func<string, CancellationToken, Task<string?>> _albHostname;

    /// <param name="albHostname">The ALB hostname of a colour's Ingress, or null when it has none yet.</param>
    public AlbAliasTargets(Func<string, CancellationToken, Task<string?>> albHostname)
    {
        ArgumentNullException.ThrowIfNull(albHostname);
        _albHostname = albHostname;
    }

    public async Task<AliasTarget> GetAsync(string colour, CancellationToken cancellationToken)
    {
        var hostname = await _albHostname(colour, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The {colour} cluster's Ingress has no load balancer hostname yet, so no record can point at it. Check `bluegreen status` and the aws-load-balancer-controller logs in the {colour} cluster.");
        var zone = LoadBalancerHostedZones.ForApplicationLoadBalancer(LoadBalancerHostedZones.RegionOf(hostname));

        // Route53 matches alias targets with the dualstack prefix, which also answers AAAA when the ALB has IPv6.
        return new AliasTarget(zone, "dualstack." + DnsNames.Normalize(hostname), EvaluateTargetHealth: true);
    }
}
