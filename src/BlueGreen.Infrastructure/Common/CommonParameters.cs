namespace BlueGreen.Infrastructure.Common;

/// <summary>
/// The SSM parameter names under <c>/&lt;env&gt;/common/</c> through which the common stack hands
/// its resources to cluster stacks. Cluster stacks resolve them at deploy time, so no stack
/// export ties a cluster to the common stack.
/// </summary>
public sealed class CommonParameters(string environment)
{
    /// <summary>The path every parameter lives under.</summary>
    public string Prefix { get; } = $"/{environment}/common/";

    public string VpcId => Prefix + "vpc-id";

    /// <summary>A StringList of the private subnet ids, in availability-zone order.</summary>
    public string PrivateSubnetIds => Prefix + "private-subnet-ids";

    public string ZoneId => Prefix + "zone-id";

    public string ZoneName => Prefix + "zone-name";

    public string CertificateArn => Prefix + "certificate-arn";

    public string TableName => Prefix + "table-name";

    public string JournalBucket => Prefix + "journal-bucket";

    public string AppRoleArn => Prefix + "app-role-arn";

    public string LoadBalancerControllerRoleArn => Prefix + "load-balancer-controller-role-arn";

    public string ExternalDnsRoleArn => Prefix + "external-dns-role-arn";
}
