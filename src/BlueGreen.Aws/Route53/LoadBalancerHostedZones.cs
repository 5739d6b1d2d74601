using System.Collections.Frozen;

namespace BlueGreen.Aws.Route53;

/// <summary>
/// Canonical hosted zone ids of Application Load Balancers per region, which an alias record to an ALB must name.
/// Source: AWS General Reference, "Elastic Load Balancing endpoints and quotas", column
/// "Route 53 Hosted Zone ID (Application Load Balancers, Classic Load Balancers)".
/// </summary>
public static class LoadBalancerHostedZones
{
    private static readonly FrozenDictionary<string, string> ApplicationByRegion = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["us-east-1"] = "Z35SXDOTRQ7X7K",
        ["us-east-2"] = "Z3AADJGX6KTTL2",
        ["us-west-1"] = "Z368ELLRRE2KJ0",
        ["us-west-2"] = "Z1H1FL5HABSF5",
        ["ca-central-1"] = "ZQSVJUPU6J1EY",
        ["eu-central-1"] = "Z215JYRZR1TBD5",
        ["eu-west-1"] = "Z32O12XQLNTSW2",
        ["eu-west-2"] = "ZHURV8PSTC4K8",
        ["eu-west-3"] = "Z3Q77PNBQS71R4",
        ["eu-north-1"] = "Z23TAZ7KTEJ7JV",
        ["ap-northeast-1"] = "Z14GRHDCWA56QT",
        ["ap-northeast-2"] = "ZWKZPGTI48KDX",
        ["ap-northeast-3"] = "Z5LXEXXYW11ES",
        ["ap-south-1"] = "ZP97RAFLXTNZK",
        ["ap-southeast-1"] = "Z1LMS91P8CMLE5",
        ["ap-southeast-2"] = "Z1GM3OXH4ZPM65",
        ["sa-east-1"] = "Z2P70J7HTTTPLU",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Regions in the table.</summary>
    public static IEnumerable<string> Regions => ApplicationByRegion.Keys;

    /// <summary>The ALB hosted zone id of <paramref name="region"/>; throws with what to do when the region is not in the table.</summary>
    public static string ForApplicationLoadBalancer(string region) =>
        ApplicationByRegion.TryGetValue(region, out var id)
            ? id
            : throw new ArgumentException($"No Application Load Balancer hosted zone id is known for the region '{region}'. Look it up in the AWS General Reference (Elastic Load Balancing endpoints and quotas) and add it to LoadBalancerHostedZones.", nameof(region));

    /// <summary>The region of an ALB DNS name such as <c>k8s-app-app-0a1b2c3d4e-123456789.ap-northeast-1.elb.amazonaws.com</c>.</summary>
    public static string RegionOf(string albDnsName)
    {
        ArgumentNullException.ThrowIfNull(albDnsName);
        var labels = DnsNames.Normalize(albDnsName).Split('.');

        // <name>.<region>.elb.amazonaws.com, or .elb.amazonaws.com.cn in China.
        var elb = Array.IndexOf(labels, "elb");
        if (elb < 2 || labels.Length < elb + 3 || labels[elb + 1] != "amazonaws")
        {
            throw new ArgumentException($"'{albDnsName}' is not an Elastic Load Balancing DNS name (<name>.<region>.elb.amazonaws.com).", nameof(albDnsName));
        }

        return labels[elb - 1];
    }
}
