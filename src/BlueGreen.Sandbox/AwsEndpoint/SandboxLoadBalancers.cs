using BlueGreen.Core.Configuration;

namespace BlueGreen.Sandbox.AwsEndpoint;

/// <summary>
/// The names the sandbox's load balancers go by in an AWS-compatible Route53: ALB-style DNS names in the
/// configuration's region, which the weighted alias records point at and the sandbox's DNS server resolves to the
/// colours' loopback addresses.
/// </summary>
public static class SandboxLoadBalancers
{
    /// <summary>e.g. <c>k8s-app-green-sandbox.ap-northeast-1.elb.amazonaws.com</c>, shaped like the controller's ALB names.</summary>
    public static string HostnameOf(string colour, string region) => $"k8s-app-{colour}-sandbox.{region}.elb.amazonaws.com";

    /// <summary>Every colour's load balancer name.</summary>
    public static IReadOnlyDictionary<string, string> Of(EnvironmentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Clusters.ToDictionary(c => c.Colour, c => HostnameOf(c.Colour, config.Region), StringComparer.Ordinal);
    }
}
