using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Route53;
using BlueGreen.Infrastructure.Policies;
using BlueGreen.Infrastructure.Security;
using Constructs;

namespace BlueGreen.Infrastructure.Common;

/// <summary>
/// The three EKS Pod Identity roles that every colour's cluster binds to: created once here so
/// that blue and green act as the same principal and a cluster can come and go without IAM changes.
/// </summary>
public sealed class PodIdentityRoles : Construct
{
    /// <summary>The service that assumes Pod Identity roles on behalf of pods.</summary>
    public const string PodsPrincipal = PodIdentityTrust.PodsPrincipal;

    /// <summary>Route 53's condition key holding every record name of one ChangeResourceRecordSets call.</summary>
    public const string RecordNamesConditionKey = "route53:ChangeResourceRecordSetsNormalizedRecordNames";

    public PodIdentityRoles(Construct scope, string id, ITable table, IPublicHostedZone zone, string zoneName)
        : base(scope, id)
    {
        App = NewRole("AppRole", "Sample app (app/app-sa): reads the environment's one table.");
        table.GrantReadData(App);

        LoadBalancerController = NewRole("LoadBalancerControllerRole", "AWS Load Balancer Controller (kube-system/aws-load-balancer-controller): the published policy.");
        _ = new Policy(this, "LoadBalancerControllerPolicy", new PolicyProps
        {
            Document = LoadBalancerControllerPolicy.Document(),
            Roles = [LoadBalancerController],
        });

        ExternalDns = NewRole("ExternalDnsRole", "ExternalDNS (external-dns/external-dns): changes records below the subdomain zone's apex only.");
        ExternalDns.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            // The apex carries the engine's weighted service records: ExternalDNS may change only names
            // below it (each colour's host and its TXT registry records, which carry a prefix).
            // Route 53 compares normalized names: lower case, no trailing dot.
            Sid = "ChangeRecordsBelowTheZoneApex",
            Actions = ["route53:ChangeResourceRecordSets"],
            Resources = [zone.HostedZoneArn],
            Conditions = new Dictionary<string, object>
            {
                ["ForAllValues:StringLike"] = new Dictionary<string, object>
                {
                    [RecordNamesConditionKey] = new[] { BelowApex(zoneName) },
                },
            },
        }));
        ExternalDns.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ReadRecordsInTheSubdomainZone",
            Actions = ["route53:ListResourceRecordSets", "route53:ListTagsForResources"],
            Resources = [zone.HostedZoneArn],
        }));
        ExternalDns.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            // ListHostedZones has no resource type: IAM accepts only "*" for it.
            Sid = "FindTheSubdomainZone",
            Actions = ["route53:ListHostedZones"],
            Resources = ["*"],
        }));
    }

    /// <summary>The pattern of every record name strictly below the zone's apex, in Route 53's normalized form.</summary>
    public static string BelowApex(string zoneName)
    {
        ArgumentNullException.ThrowIfNull(zoneName);
        return "*." + zoneName.TrimEnd('.').ToLowerInvariant();
    }

    public Role App { get; }

    public Role LoadBalancerController { get; }

    public Role ExternalDns { get; }

    private Role NewRole(string id, string description) => new(this, id, new RoleProps
    {
        Description = description,
        AssumedBy = PodIdentityTrust.Principal(),
    });
}
