using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace BlueGreen.Aws.Route53;

/// <summary>The Route53 2013-04-01 REST API's XML documents: change batches built, answers and errors parsed.</summary>
internal static class Route53Xml
{
    public static readonly XNamespace Ns = "https://route53.amazonaws.com/doc/2013-04-01/";

    /// <summary>A ChangeResourceRecordSetsRequest that UPSERTs every record, in the element order of the API's schema.</summary>
    public static string BuildUpsertBatch(IReadOnlyCollection<WeightedRecord> records, string comment)
    {
        var changes = records.Select(r => new XElement(Ns + "Change",
            new XElement(Ns + "Action", "UPSERT"),
            new XElement(Ns + "ResourceRecordSet",
                new XElement(Ns + "Name", DnsNames.Qualified(r.Name)),
                new XElement(Ns + "Type", r.Type),
                new XElement(Ns + "SetIdentifier", r.SetIdentifier),
                new XElement(Ns + "Weight", r.Weight.ToString(CultureInfo.InvariantCulture)),
                new XElement(Ns + "AliasTarget",
                    new XElement(Ns + "HostedZoneId", r.Target.HostedZoneId),
                    new XElement(Ns + "DNSName", r.Target.DnsName),
                    new XElement(Ns + "EvaluateTargetHealth", r.Target.EvaluateTargetHealth ? "true" : "false")))));

        var document = new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(Ns + "ChangeResourceRecordSetsRequest",
                new XElement(Ns + "ChangeBatch",
                    new XElement(Ns + "Comment", comment),
                    new XElement(Ns + "Changes", changes))));
        return document.Declaration + document.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>A CreateHostedZoneRequest for a public zone.</summary>
    public static string BuildCreateHostedZone(string name, string callerReference, string comment)
    {
        var document = new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(Ns + "CreateHostedZoneRequest",
                new XElement(Ns + "Name", DnsNames.Qualified(name)),
                new XElement(Ns + "CallerReference", callerReference),
                new XElement(Ns + "HostedZoneConfig",
                    new XElement(Ns + "Comment", comment),
                    new XElement(Ns + "PrivateZone", "false"))));
        return document.Declaration + document.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>The zone id of a CreateHostedZoneResponse, without the /hostedzone/ prefix.</summary>
    public static string ParseCreatedZoneId(string xml) =>
        StripPrefix(RequiredValue(Required(Load(xml, "CreateHostedZoneResponse"), "HostedZone"), "Id"), "/hostedzone/");

    /// <summary>The ChangeInfo of a ChangeResourceRecordSetsResponse or GetChangeResponse.</summary>
    public static ChangeInfo ParseChangeInfo(string xml, string rootName)
    {
        var root = Load(xml, rootName);
        var info = Required(root, "ChangeInfo");
        var id = RequiredValue(info, "Id");
        var submitted = RequiredValue(info, "SubmittedAt");
        return new ChangeInfo(
            StripPrefix(id, "/change/"),
            RequiredValue(info, "Status"),
            DateTimeOffset.Parse(submitted, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
    }

    /// <summary>Every record set of a ListResourceRecordSetsResponse page, whatever its kind, and where the next page starts.</summary>
    public static (IReadOnlyList<RecordSet> Sets, string? NextName, string? NextType, string? NextIdentifier) ParseAllRecordSets(string xml)
    {
        var root = Load(xml, "ListResourceRecordSetsResponse");
        var sets = Required(root, "ResourceRecordSets").Elements(Ns + "ResourceRecordSet")
            .Select(set => new RecordSet(
                RequiredValue(set, "Name"),
                RequiredValue(set, "Type"),
                set.Element(Ns + "SetIdentifier")?.Value,
                set.Element(Ns + "Weight")?.Value is { } weight ? int.Parse(weight, NumberStyles.None, CultureInfo.InvariantCulture) : null,
                set.Element(Ns + "TTL")?.Value is { } ttl ? long.Parse(ttl, NumberStyles.None, CultureInfo.InvariantCulture) : null,
                set.Element(Ns + "AliasTarget")?.Element(Ns + "DNSName")?.Value,
                set.Element(Ns + "HealthCheckId")?.Value,
                [.. set.Element(Ns + "ResourceRecords")?.Elements(Ns + "ResourceRecord").Select(r => RequiredValue(r, "Value")) ?? []]))
            .ToList();
        var truncated = root.Element(Ns + "IsTruncated")?.Value == "true";
        return (sets, truncated ? RequiredValue(root, "NextRecordName") : null, truncated ? root.Element(Ns + "NextRecordType")?.Value : null, truncated ? root.Element(Ns + "NextRecordIdentifier")?.Value : null);
    }

    /// <summary>A ListResourceRecordSetsResponse page.</summary>
    public static RecordSetPage ParseRecordSetPage(string xml)
    {
        var root = Load(xml, "ListResourceRecordSetsResponse");
        var sets = Required(root, "ResourceRecordSets");
        var records = new List<WeightedRecord>();
        var others = new List<string>();
        foreach (var set in sets.Elements(Ns + "ResourceRecordSet"))
        {
            var name = RequiredValue(set, "Name");
            var type = RequiredValue(set, "Type");
            var identifier = set.Element(Ns + "SetIdentifier")?.Value;
            var weight = set.Element(Ns + "Weight")?.Value;
            var alias = set.Element(Ns + "AliasTarget");
            if (identifier is null || weight is null || alias is null)
            {
                others.Add($"{name} {type}");
                continue;
            }

            records.Add(new WeightedRecord(
                name,
                type,
                identifier,
                int.Parse(weight, NumberStyles.None, CultureInfo.InvariantCulture),
                new AliasTarget(
                    RequiredValue(alias, "HostedZoneId"),
                    RequiredValue(alias, "DNSName"),
                    bool.Parse(RequiredValue(alias, "EvaluateTargetHealth")))));
        }

        var truncated = root.Element(Ns + "IsTruncated")?.Value == "true";
        return new RecordSetPage(
            records,
            others,
            truncated ? RequiredValue(root, "NextRecordName") : null,
            truncated ? root.Element(Ns + "NextRecordType")?.Value : null,
            truncated ? root.Element(Ns + "NextRecordIdentifier")?.Value : null);
    }

    /// <summary>The first hosted zone of a ListHostedZonesByNameResponse when its name is <paramref name="zoneName"/>.</summary>
    public static string? ParseHostedZoneId(string xml, string zoneName)
    {
        var root = Load(xml, "ListHostedZonesByNameResponse");
        var wanted = DnsNames.Normalize(zoneName);
        var matches = Required(root, "HostedZones").Elements(Ns + "HostedZone")
            .Where(z => DnsNames.Normalize(RequiredValue(z, "Name")) == wanted)
            .Where(z => z.Element(Ns + "Config")?.Element(Ns + "PrivateZone")?.Value != "true")
            .Select(z => StripPrefix(RequiredValue(z, "Id"), "/hostedzone/"))
            .ToList();
        return matches.Count switch
        {
            0 => null,
            1 => matches[0],
            _ => throw new Route53Exception($"More than one public hosted zone is named '{wanted}' ({string.Join(", ", matches)}); set dns.zoneId in the configuration to choose one."),
        };
    }

    /// <summary>Route53's error answer: an ErrorResponse, or for change batches an InvalidChangeBatch with one message per change.</summary>
    public static (string Code, IReadOnlyList<string> Messages) ParseError(string xml)
    {
        try
        {
            var root = XDocument.Parse(xml).Root!;
            if (root.Name.LocalName == "InvalidChangeBatch")
            {
                return ("InvalidChangeBatch", root.Descendants(root.Name.Namespace + "Message").Select(m => m.Value.Trim()).ToList());
            }

            var error = root.Elements().FirstOrDefault(e => e.Name.LocalName == "Error");
            if (error is not null)
            {
                var code = error.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value ?? "Unknown";
                var message = error.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value.Trim();
                return (code, message is null ? [] : [message]);
            }
        }
        catch (XmlException)
        {
            // A proxy or load balancer in between may answer with HTML or nothing; the status says enough.
        }

        return ("Unknown", []);
    }

    private static XElement Load(string xml, string rootName)
    {
        XElement root;
        try
        {
            root = XDocument.Parse(xml).Root!;
        }
        catch (XmlException e)
        {
            throw new Route53Exception($"Route53 answered with a document that is not XML ({e.Message}); check that the endpoint is Route53.", e);
        }

        if (root.Name != Ns + rootName)
        {
            throw new Route53Exception($"Route53 answered with <{root.Name.LocalName}> in namespace '{root.Name.NamespaceName}' where <{rootName}> in '{Ns.NamespaceName}' was expected; check that the endpoint is Route53.");
        }

        return root;
    }

    private static XElement Required(XElement parent, string name) =>
        parent.Element(Ns + name) ?? throw new Route53Exception($"Route53's <{parent.Name.LocalName}> has no <{name}> in namespace '{Ns.NamespaceName}'.");

    private static string RequiredValue(XElement parent, string name) => Required(parent, name).Value;

    private static string StripPrefix(string value, string prefix) =>
        value.StartsWith(prefix, StringComparison.Ordinal) ? value[prefix.Length..] : value;
}
