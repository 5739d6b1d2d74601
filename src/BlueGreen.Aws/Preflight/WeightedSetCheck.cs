using BlueGreen.Aws.Route53;
using BlueGreen.Core.Configuration;

namespace BlueGreen.Aws.Preflight;

/// <summary>
/// The service name's weighted set as Route53 holds it is safe to move weights in: every member is an alias (or all
/// have one TTL), not every weight is 0 (Route53 then splits equally), and a member at weight 0 with a health check
/// is named, because Route53 sends traffic to it when every weighted member above 0 is unhealthy.
/// </summary>
public sealed class WeightedSetCheck(IRoute53Api route53)
{
    private const string Check = "weighted set";

    public async Task<PreflightResult> EvaluateAsync(EnvironmentConfig config, string hostedZoneId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var name = DnsNames.Normalize(config.Dns.ZoneName);
        var members = (await route53.ListRecordSetsAsync(hostedZoneId, cancellationToken).ConfigureAwait(false))
            .Where(s => DnsNames.Normalize(s.Name) == name && s.Type is "A" or "AAAA" && s.SetIdentifier is not null)
            .ToList();
        if (members.Count == 0)
        {
            return PreflightResult.Fail(Check, $"{config.Dns.ZoneName} has no weighted record in zone {hostedZoneId}; the live colour must be published first (bluegreen shift 0 writes the set with all traffic on the live colour).");
        }

        var problems = new List<string>();
        var aliases = members.Count(m => m.AliasDnsName is not null);
        if (aliases != 0 && aliases != members.Count)
        {
            problems.Add($"members mix alias and plain records ({string.Join(", ", members.Select(m => $"{m.SetIdentifier} {(m.AliasDnsName is null ? $"TTL {m.Ttl}" : "alias")}"))}); Route53 requires one kind per weighted set");
        }
        else if (aliases == 0 && members.Select(m => m.Ttl).Distinct().Count() > 1)
        {
            problems.Add($"members have different TTLs ({string.Join(", ", members.Select(m => $"{m.SetIdentifier} {m.Ttl} s"))}); resolvers would hold one colour longer than the other");
        }

        if (members.All(m => m.Weight == 0))
        {
            problems.Add($"every member has weight 0 ({string.Join(", ", members.Select(m => m.SetIdentifier))}), so Route53 splits traffic equally between them");
        }

        var set = string.Join(", ", members.Select(m => $"{m.SetIdentifier}={m.Weight}"));
        if (problems.Count > 0)
        {
            return PreflightResult.Fail(Check, $"{config.Dns.ZoneName} ({set}): {string.Join("; ", problems)}. Fix the records (bluegreen shift writes a consistent set).");
        }

        var fallbacks = members.Where(m => m.Weight == 0 && m.HealthCheckId is not null).ToList();
        return fallbacks.Count > 0
            ? PreflightResult.Warn(Check, $"{config.Dns.ZoneName} ({set}): {string.Join(", ", fallbacks.Select(f => $"{f.SetIdentifier} (health check {f.HealthCheckId})"))} has weight 0 behind a health check, so it is a fallback path: Route53 answers with it when every member above 0 is unhealthy.")
            : PreflightResult.Pass(Check, $"{config.Dns.ZoneName} ({set}): {members.Count} {(aliases > 0 ? "alias members" : "members with one TTL")}, not all at weight 0, no zero-weight member behind a health check.");
    }
}
