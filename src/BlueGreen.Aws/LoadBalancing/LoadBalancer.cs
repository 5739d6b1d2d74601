namespace BlueGreen.Aws.LoadBalancing;

/// <summary>One Elastic Load Balancing v2 load balancer, as DescribeLoadBalancers lists it.</summary>
/// <param name="Arn">e.g. arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/k8s-web-1a2b3c/50dc6c495c0c9188.</param>
/// <param name="Name">The load balancer's name.</param>
/// <param name="DnsName">Its DNS name, as an Ingress reports it.</param>
/// <param name="CanonicalHostedZoneId">The hosted zone an alias record to it names.</param>
/// <param name="Type">application, network or gateway.</param>
/// <param name="State">active, provisioning, active_impaired or failed.</param>
public sealed record LoadBalancer(string Arn, string Name, string DnsName, string CanonicalHostedZoneId, string Type, string State)
{
    private const string ResourceMarker = ":loadbalancer/";

    /// <summary>
    /// The value of CloudWatch's LoadBalancer dimension: the part of the ARN after "loadbalancer/", e.g. app/k8s-web-1a2b3c/50dc6c495c0c9188.
    /// </summary>
    public string MetricDimension
    {
        get
        {
            var at = Arn.IndexOf(ResourceMarker, StringComparison.Ordinal);
            if (at < 0)
            {
                throw new InvalidOperationException($"'{Arn}' is not a load balancer ARN (it has no '{ResourceMarker}'), so it has no CloudWatch LoadBalancer dimension.");
            }

            return Arn[(at + ResourceMarker.Length)..];
        }
    }
}
