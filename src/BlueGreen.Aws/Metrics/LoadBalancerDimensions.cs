using System.Collections.Concurrent;
using BlueGreen.Aws.LoadBalancing;

namespace BlueGreen.Aws.Metrics;

/// <summary>Each colour's CloudWatch LoadBalancer dimension, from the ALB hostname its Ingress reports, through DescribeLoadBalancers; kept per hostname.</summary>
public sealed class LoadBalancerDimensions
{
    private readonly ElasticLoadBalancingClient _elb;
    private readonly Func<string, CancellationToken, Task<string?>> _albHostname;
    private readonly ConcurrentDictionary<string, string> _byHostname = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="elb">The region's Elastic Load Balancing.</param>
    /// <param name="albHostname">The ALB hostname of a colour's Ingress, or null when it has none yet (as for the alias targets).</param>
    public LoadBalancerDimensions(ElasticLoadBalancingClient elb, Func<string, CancellationToken, Task<string?>> albHostname)
    {
        ArgumentNullException.ThrowIfNull(elb);
        ArgumentNullException.ThrowIfNull(albHostname);
        _elb = elb;
        _albHostname = albHostname;
    }

    /// <summary>app/&lt;name&gt;/&lt;id&gt; of the colour's load balancer.</summary>
    public async Task<string> GetAsync(string colour, CancellationToken cancellationToken)
    {
        var hostname = await _albHostname(colour, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The {colour} cluster's Ingress has no load balancer hostname yet, so its CloudWatch metrics cannot be found. Check the aws-load-balancer-controller logs in the {colour} cluster.");
        if (_byHostname.TryGetValue(hostname, out var known))
        {
            return known;
        }

        var lb = await _elb.FindByDnsNameAsync(hostname, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"No load balancer of this region has the DNS name {hostname} that the {colour} cluster's Ingress reports, so its CloudWatch metrics cannot be found. Check the region and that the load balancer still exists.");
        return _byHostname[hostname] = lb.MetricDimension;
    }
}
