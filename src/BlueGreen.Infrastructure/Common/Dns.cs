using Amazon.CDK;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.Route53;
using BlueGreen.Core.Configuration;
using Constructs;
using Duration = Amazon.CDK.Duration;

namespace BlueGreen.Infrastructure.Common;

/// <summary>
/// The subdomain's public zone, its delegation from the existing parent zone, and a certificate
/// for the subdomain and its wildcard, validated through records in the new zone.
/// </summary>
public sealed class Dns : Construct
{
    public Dns(Construct scope, string id, DnsConfig config)
        : base(scope, id)
    {
        Zone = new PublicHostedZone(this, "Zone", new PublicHostedZoneProps
        {
            ZoneName = config.ZoneName,
            Comment = $"Service zone of {config.ZoneName}; the cutover engine owns its weighted records.",
        });
        // Kept when the stack is deleted: it holds the engine's and ExternalDNS's records, so CloudFormation could not
        // delete it anyway (HostedZoneNotEmpty), and a new zone would come with new name servers to delegate to.
        Zone.ApplyRemovalPolicy(RemovalPolicy.RETAIN);

        // The parent is given by id and name, so synthesis needs no lookup and no credentials.
        var parent = HostedZone.FromHostedZoneAttributes(this, "ParentZone", new HostedZoneAttributes
        {
            HostedZoneId = config.ParentZoneId,
            ZoneName = config.ParentZoneName,
        });
        Delegation = new ZoneDelegationRecord(this, "Delegation", new ZoneDelegationRecordProps
        {
            Zone = parent,
            RecordName = config.Subdomain,
            NameServers = Zone.HostedZoneNameServers!,
            Ttl = Duration.Seconds(config.DelegationTtl),
        });

        Certificate = new Certificate(this, "Certificate", new CertificateProps
        {
            DomainName = config.ZoneName,
            SubjectAlternativeNames = [$"*.{config.ZoneName}"],
            Validation = CertificateValidation.FromDns(Zone),
        });
        // ACM can only see the validation record once resolvers follow the parent's NS record to the new zone.
        Certificate.Node.AddDependency(Delegation);
        // Kept when the stack is deleted: the colours' load balancers still use it for HTTPS, and ACM refuses to
        // delete a certificate in use, which would leave the stack in DELETE_FAILED.
        Certificate.ApplyRemovalPolicy(RemovalPolicy.RETAIN);
    }

    /// <summary>The subdomain zone: ExternalDNS writes each colour's host here, the engine the weighted service records.</summary>
    public PublicHostedZone Zone { get; }

    /// <summary>The NS record in the parent zone that delegates the subdomain.</summary>
    public ZoneDelegationRecord Delegation { get; }

    public Certificate Certificate { get; }
}
