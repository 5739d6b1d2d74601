using BlueGreen.Aws.Route53;

namespace BlueGreen.Aws.Decommission;

/// <summary>
/// The Route53 records a colour's ExternalDNS wrote: any record of the colour's own name (e.g. blue.test.example.com)
/// and the TXT ownership records that carry its owner id (<c>"heritage=external-dns,external-dns/owner=test-blue,..."</c>).
/// ExternalDNS deletes them itself when the Ingress goes, as long as it still runs (external-dns#1758 is what is left otherwise).
/// </summary>
public sealed class ColourRecords(IRoute53Api route53, string hostedZoneId, string colourHost, string ownerId)
{
    /// <summary>Each such record as a phrase naming it; empty when ExternalDNS has removed them all.</summary>
    public async Task<IReadOnlyList<string>> FindAsync(CancellationToken cancellationToken)
    {
        var host = DnsNames.Normalize(colourHost);
        var owner = $"external-dns/owner={ownerId}";
        var sets = await route53.ListRecordSetsAsync(hostedZoneId, cancellationToken).ConfigureAwait(false);
        return
        [
            .. sets.Where(s => DnsNames.Normalize(s.Name) == host || (s.Type == "TXT" && s.Values.Any(v => v.Contains(owner + ",", StringComparison.Ordinal) || v.Trim('"').EndsWith(owner, StringComparison.Ordinal))))
                .Select(s => $"record {s} in zone {hostedZoneId}"),
        ];
    }
}
