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

    /// <summary>
    /// Colours whose load balancer could not be looked up at the last set or verify, with why; their records kept the
    /// alias target they had (or, at weight 0 with no record, got none).
    /// </summary>
    public IReadOnlyList<string> LastFallbacks { get; private set; } = [];

    public async Task SetWeightsAsync(Weights weights, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var unknown = weights.Colours.Except(_options.Colours, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"The weights name colours this router does not own: {string.Join(", ", unknown)}. Known colours: {string.Join(", ", _options.Colours)}.", nameof(weights));
        }

        // Resolve every target before sending anything, so a missing load balancer changes nothing.
        var targets = await TargetsAsync(weights, cancellationToken).ConfigureAwait(false);
        var records = targets.Select(t => new WeightedRecord(_options.RecordName, _options.RecordType, t.Key, weights[t.Key], t.Value)).ToList();
        var comment = ChangeBatchDocument.Comment(weights);
        var change = await _route53.UpsertAsync(_options.HostedZoneId, records, comment, cancellationToken).ConfigureAwait(false);
        await WaitInSyncAsync(change, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> VerifyWeightsAsync(Weights expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var records = await ReadOwnRecordsAsync(cancellationToken).ConfigureAwait(false);
        Dictionary<string, AliasTarget> targets;
        try
        {
            targets = await TargetsAsync(expected, cancellationToken, records).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // A colour that should have traffic has neither a load balancer nor a record: not what was set.
            return false;
        }

        foreach (var colour in _options.Colours)
        {
            if (!records.TryGetValue(colour, out var record))
            {
                // A colour left without a record (weight 0, its load balancer unknown) gets no traffic, as expected.
                if (targets.ContainsKey(colour) || expected[colour] != 0)
                {
                    return false;
                }

                continue;
            }

            if (record.Weight != expected[colour] || !targets.TryGetValue(colour, out var target) || !record.Target.SameTargetAs(target))
            {
                return false;
            }
        }

        return true;
    }

    // Each colour's alias target: its load balancer as the clusters report it; when that cannot be looked up (the
    // cluster is unreachable), the target its record already holds, so moving traffic never needs every cluster.
    // A colour with neither is left without a record when its weight is 0, and is an error otherwise.
    private async Task<Dictionary<string, AliasTarget>> TargetsAsync(Weights weights, CancellationToken cancellationToken, Dictionary<string, WeightedRecord>? records = null)
    {
        var targets = new Dictionary<string, AliasTarget>(StringComparer.Ordinal);
        var fallbacks = new List<string>();
        foreach (var colour in _options.Colours)
        {
            try
            {
                targets[colour] = await _targets.GetAsync(colour, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                records ??= await ReadOwnRecordsAsync(cancellationToken).ConfigureAwait(false);
                if (records.TryGetValue(colour, out var existing))
                {
                    targets[colour] = existing.Target;
                    fallbacks.Add($"{colour}: its load balancer could not be looked up ({Core.Text.Sentences.Clause(e.Message)}), so its record keeps pointing at {existing.Target.DnsName}");
                }
                else if (weights[colour] == 0)
                {
                    fallbacks.Add($"{colour}: its load balancer could not be looked up ({Core.Text.Sentences.Clause(e.Message)}) and it has no record, so it gets none (weight 0)");
                }
                else
                {
                    throw new InvalidOperationException($"{colour} is to get weight {weights[colour]}, but its load balancer could not be looked up ({Core.Text.Sentences.Clause(e.Message)}) and no record of it exists to keep pointing at. Make the {colour} cluster reachable, then run again; nothing was changed.", e);
                }
            }
        }

        LastFallbacks = fallbacks;
        return targets;
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
