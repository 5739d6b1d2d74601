using BlueGreen.Core.Gates;
using BlueGreen.Core.Metrics;

namespace BlueGreen.Aws.CloudWatch;

/// <summary>
/// The team's CloudWatch alarms as a gate (gates.alarms): any in ALARM fails the interval and rolls back at once;
/// INSUFFICIENT_DATA, or an alarm gone since the start, is inconclusive; all OK passes. A trailing * makes a name prefix.
/// </summary>
public sealed class CloudWatchAlarmCheck : IGateCheck
{
    /// <summary>The name readings of this check carry.</summary>
    public const string SourceName = "alarms";

    private readonly CloudWatchClient _cloudWatch;
    private readonly IReadOnlyList<string> _names;
    private readonly IReadOnlyList<string> _prefixes;

    public CloudWatchAlarmCheck(CloudWatchClient cloudWatch, IReadOnlyList<string> alarms)
    {
        ArgumentNullException.ThrowIfNull(cloudWatch);
        ArgumentNullException.ThrowIfNull(alarms);
        _cloudWatch = cloudWatch;
        _names = [.. alarms.Where(a => !a.EndsWith('*')).Distinct(StringComparer.Ordinal)];
        _prefixes = [.. alarms.Where(a => a.EndsWith('*')).Select(a => a[..^1]).Distinct(StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<string>> ProblemsAsync(CancellationToken cancellationToken)
    {
        var (found, byPrefix) = await ReadAsync(cancellationToken).ConfigureAwait(false);
        var problems = _names.Where(n => !found.ContainsKey(n)).Select(n => $"the CloudWatch alarm '{n}' in gates.alarms does not exist in this region").ToList();
        problems.AddRange(_prefixes.Where(p => byPrefix[p] == 0).Select(p => $"no CloudWatch alarm's name starts with '{p}' (gates.alarms: '{p}*')"));
        return problems;
    }

    public async Task<GateReading> EvaluateAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var (found, _) = await ReadAsync(cancellationToken).ConfigureAwait(false);
        var states = found.Values.OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        var alarming = states.Where(a => a.State == AlarmState.Alarm).ToList();
        if (alarming.Count > 0)
        {
            var reason = string.Join("; ", alarming.Select(a => $"the alarm '{a.Name}' is in ALARM ({Core.Text.Sentences.Clause(a.Reason)})"));
            return new GateReading(GateVerdict.Fail, IntervalMetrics.Empty, reason) { Source = SourceName, RollBackAtOnce = true };
        }

        var unknown = states.Where(a => a.State != AlarmState.Ok).Select(a => $"the alarm '{a.Name}' is {a.State}").ToList();
        unknown.AddRange(_names.Where(n => !found.ContainsKey(n)).Select(n => $"the alarm '{n}' no longer exists"));
        if (unknown.Count > 0)
        {
            return new GateReading(GateVerdict.Inconclusive, IntervalMetrics.Empty, string.Join("; ", unknown)) { Source = SourceName };
        }

        return new GateReading(GateVerdict.Pass, IntervalMetrics.Empty, states.Count == 1 ? $"the alarm '{states[0].Name}' is OK" : $"all {states.Count} alarms are OK") { Source = SourceName };
    }

    /// <summary>The alarms' current states, by name, for `status`.</summary>
    public async Task<IReadOnlyList<AlarmState>> StatesAsync(CancellationToken cancellationToken)
    {
        var (found, _) = await ReadAsync(cancellationToken).ConfigureAwait(false);
        return [.. found.Values.OrderBy(a => a.Name, StringComparer.Ordinal)];
    }

    private async Task<(Dictionary<string, AlarmState> Found, Dictionary<string, int> ByPrefix)> ReadAsync(CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, AlarmState>(StringComparer.Ordinal);
        foreach (var chunk in _names.Chunk(CloudWatchClient.MaxAlarmNamesPerCall))
        {
            foreach (var alarm in await _cloudWatch.DescribeAlarmsByNamesAsync(chunk, cancellationToken).ConfigureAwait(false))
            {
                found[alarm.Name] = alarm;
            }
        }

        var byPrefix = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var prefix in _prefixes)
        {
            var matched = await _cloudWatch.DescribeAlarmsByPrefixAsync(prefix, cancellationToken).ConfigureAwait(false);
            byPrefix[prefix] = matched.Count;
            foreach (var alarm in matched)
            {
                found[alarm.Name] = alarm;
            }
        }

        return (found, byPrefix);
    }
}
