using System.Text.RegularExpressions;

namespace BlueGreen.Core.Configuration.Validation;

/// <summary>Parent zone, subdomain and TTLs.</summary>
internal static partial class DnsRules
{
    /// <summary>Route53's largest TTL we accept: two days, longer than any sane drain.</summary>
    public const int MaxTtl = 172_800;

    public static void Check(EnvironmentConfig c, Checker check)
    {
        var d = c.Dns;
        var parentProblem = DnsName.Problem(d.ParentZoneName);
        check.That(parentProblem is null, "dns.parentZoneName", $"'{d.ParentZoneName}' {parentProblem}.", "Write the existing hosted zone's name, e.g. example.com.");
        check.That(ZoneId().IsMatch(d.ParentZoneId), "dns.parentZoneId", $"'{d.ParentZoneId}' is not a Route53 hosted zone id.", "Copy the id from the Route53 console, e.g. Z0123456789ABCDEFGHIJ.");
        var labelProblem = DnsName.LabelProblem(d.Subdomain);
        check.That(labelProblem is null, "dns.subdomain", $"'{d.Subdomain}' {labelProblem}.", "Write a single label such as test.");
        if (parentProblem is null && labelProblem is null)
        {
            foreach (var cluster in c.Clusters.Where(k => DnsName.LabelProblem(k.Colour) is null))
            {
                var host = d.ColourHost(cluster.Colour);
                var problem = DnsName.Problem(host);
                check.That(problem is null, "dns.subdomain", $"The colour host name '{host}' {problem}.", "Shorten the parent zone, subdomain or colour name.");
            }
        }

        check.InRange(d.Ttl, 1, MaxTtl, "dns.ttl", "The TTL");
        check.InRange(d.DelegationTtl, 1, MaxTtl, "dns.delegationTtl", "The delegation TTL");
    }

    [GeneratedRegex("^Z[A-Z0-9]{1,31}$")]
    private static partial Regex ZoneId();
}
