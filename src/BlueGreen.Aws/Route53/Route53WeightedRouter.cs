using System.Globalization;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Aws.Route53;

/// <summary>
/// Moves traffic with the service name's weighted alias records, one per colour: one UPSERT batch for
/// all colours (never a DELETE), then GetChange until INSYNC; reads back with ListResourceRecordSets.
/// </summary>
public sealed class Route53WeightedRouter : ITrafficRouter
{
    private readonly IRoute53Api _route53;
    private readonly IAliasTargetSource _targets;
    private readonly Route53RouterOptions _options;
    private readonly TimeProvider _time;

    public Route53WeightedRouter(IRoute53Api route53, IAliasTargetSource targets, Route53RouterOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(route53);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        if (options.Colours.Count == 0)
        {
            throw new ArgumentException("The router needs at least one colour.", nameof(options));
        }

        _route53 = route53;
        _targets = targets;
        _options = options;
        _time = time;
    }

    public async Task<Weights> GetWeightsAsync(CancellationToken cancellationToken) =>
        await ReadWeightsAsync(cancellationToken).ConfigureAwait(false)
        ?? throw new Route53Exception($"The hosted zone {_options.HostedZoneId} has no weighted {_options.RecordType} record for {_options.RecordName} with a colour as its set identifier ({string.Join(", ", _options.Colours)}). Run `bluegreen shift` with the live colour at 100 to create them.");

    /// <summary>The weights in effect, or null when no colour has a weighted record yet.</summary>
    public async Task<Weights?> ReadWeightsAsync(CancellationToken cancellationToken)
    {
        var records = await ReadOwnRecordsAsync(cancellationToken).ConfigureAwait(false);
        if (records.Count == 0)
        {
            return null;
        }

        // A colour without a record gets no traffic, which is what a weight of 0 means.
        return new Weights(_options.Colours.Select(c => new KeyValuePair<string, int>(c, records.TryGetValue(c, out var r) ? r.Weight : 0)));
    }

    /// <summary>
    /// The weights of only the colours that have a weighted record, so a missing record is told apart from
    /// weight 0; null when no colour has one.
    /// </summary>
    public async Task<Weights?> ReadRecordedWeightsAsync(CancellationToken cancellationToken)
    {
        var records = await ReadOwnRecordsAsync(cancellationToken).ConfigureAwait(false);
        return records.Count == 0 ? null : new Weights(records.Select(r => new KeyValuePair<string, int>(r.Key, r.Value.Weight)));
    }

    public async Task SetWeightsAsync(Weights weights, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var unknown = weights.Colours.Except(_options.Colours, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"The weights name colours this router does not own: {string.Join(", ", unknown)}. Known colours: {string.Join(", ", _options.Colours)}.", nameof(weights));
        }

        // Resolve every target before sending anything, so a missing load balancer changes nothing.
        var records = new List<WeightedRecord>();
        foreach (var colour in _options.Colours)
        {
            var target = await _targets.GetAsync(colour, cancellationToken).ConfigureAwait(false);
            records.Add(new WeightedRecord(_options.RecordName, _options.RecordType, colour, weights[colour], target));
        }

        var comment = string.Create(CultureInfo.InvariantCulture, $"bluegreen: {weights}");
        var change = await _route53.UpsertAsync(_options.HostedZoneId, records, comment, cancellationToken).ConfigureAwait(false);
        await WaitInSyncAsync(change, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> VerifyWeightsAsync(Weights expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var records = await ReadOwnRecordsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var colour in _options.Colours)
        {
            if (!records.TryGetValue(colour, out var record))
            {
                return false;
            }

            if (record.Weight != expected[colour])
            {
                return false;
            }

            var target = await _targets.GetAsync(colour, cancellationToken).ConfigureAwait(false);
            if (!record.Target.SameTargetAs(target))
            {
                return false;
            }
        }

        return true;
    }

    private async Task<Dictionary<string, WeightedRecord>> ReadOwnRecordsAsync(CancellationToken cancellationToken)
    {
        var all = await _route53.ListWeightedRecordsAsync(_options.HostedZoneId, _options.RecordName, _options.RecordType, cancellationToken).ConfigureAwait(false);
        return all.Where(r => _options.Colours.Contains(r.SetIdentifier, StringComparer.Ordinal)).ToDictionary(r => r.SetIdentifier, StringComparer.Ordinal);
    }

    private async Task WaitInSyncAsync(ChangeInfo change, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + _options.SyncTimeout;
        var delay = _options.PollInterval;
        while (!change.InSync)
        {
            if (_time.GetUtcNow() >= deadline)
            {
                throw new Route53Exception($"Route53 accepted change {change.Id} at {change.SubmittedAt:u} but it was not INSYNC after {_options.SyncTimeout.TotalSeconds:0} s. The change is atomic and will still apply; check it with `aws route53 get-change --id {change.Id}` before running again.");
            }

            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxPollInterval.Ticks));
            change = await _route53.GetChangeAsync(change.Id, cancellationToken).ConfigureAwait(false);
        }
    }
}
