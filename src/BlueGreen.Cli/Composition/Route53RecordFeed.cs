using BlueGreen.Aws.Route53;
using BlueGreen.Sandbox.Dns;

namespace BlueGreen.Cli.Composition;

/// <summary>
/// The sandbox DNS server's records, read from a Route53 zone as a resolver of that zone sees them: each weighted
/// alias record of the service name counts for the colour whose load balancer its alias target names.
/// </summary>
public sealed class Route53RecordFeed : IRecordFeed
{
    private readonly IRoute53Api _route53;
    private readonly string _zoneId;
    private readonly string _recordName;
    private readonly IReadOnlyDictionary<string, string> _colourByTarget;

    /// <param name="route53">The Route53 API the engine writes through.</param>
    /// <param name="zoneId">The zone of the service name.</param>
    /// <param name="recordName">The service name.</param>
    /// <param name="loadBalancers">Each colour's load balancer DNS name.</param>
    /// <param name="where">The endpoint, for messages.</param>
    public Route53RecordFeed(IRoute53Api route53, string zoneId, string recordName, IReadOnlyDictionary<string, string> loadBalancers, Uri where)
    {
        ArgumentNullException.ThrowIfNull(route53);
        ArgumentNullException.ThrowIfNull(loadBalancers);
        _route53 = route53;
        _zoneId = zoneId;
        _recordName = recordName;
        _colourByTarget = loadBalancers.ToDictionary(kv => DnsNames.Normalize(kv.Value), kv => kv.Key, StringComparer.Ordinal);
        Description = $"Route53 zone {zoneId} at {where}";
    }

    public string Description { get; }

    public async Task<WeightedRecordSet> ReadAsync(CancellationToken cancellationToken)
    {
        var records = await _route53.ListWeightedRecordsAsync(_zoneId, _recordName, "A", cancellationToken).ConfigureAwait(false);
        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (!_colourByTarget.TryGetValue(record.Target.LoadBalancerName, out var colour))
            {
                throw new InvalidOperationException($"the record {record.SetIdentifier} of {_recordName} points at {record.Target.DnsName}, which is no load balancer of the sandbox ({string.Join(", ", _colourByTarget.Keys)})");
            }

            // Two records at one load balancer: a resolver picks either, so that colour gets both weights.
            weights[colour] = weights.GetValueOrDefault(colour) + record.Weight;
        }

        return new WeightedRecordSet(weights);
    }
}
