using BlueGreen.Core.Metrics;
using BlueGreen.Sandbox.Dns;
using BlueGreen.Sandbox.Load;

namespace BlueGreen.Sandbox.Report;

/// <summary>User traffic in time buckets: configured and observed share, error rate and p99 per colour.</summary>
public sealed record TimeSeries(double BucketSeconds, IReadOnlyList<TimeSeries.Bucket> Buckets)
{
    /// <summary>One bucket starting <paramref name="Start"/> seconds after the origin.</summary>
    public sealed record Bucket(double Start, IReadOnlyDictionary<string, double> Configured, IReadOnlyDictionary<string, double?> Observed, IReadOnlyDictionary<string, double?> ErrorRate, IReadOnlyDictionary<string, double?> P99Ms);

    public static TimeSeries Build(IReadOnlyList<RequestRecord> requests, IReadOnlyList<RecordChange> changes, IReadOnlyList<string> colours, DateTimeOffset origin, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(changes);
        var duration = Math.Max(1, (end - origin).TotalSeconds);
        var width = Math.Max(0.5, duration / 240);
        var user = requests.Where(r => r.Scope == MetricScope.UserTraffic).ToList();
        var buckets = new List<Bucket>();
        for (var start = 0.0; start < duration; start += width)
        {
            var from = origin + TimeSpan.FromSeconds(start);
            var to = from + TimeSpan.FromSeconds(width);
            var inBucket = user.Where(r => r.Started >= from && r.Started < to).ToList();
            var records = changes.LastOrDefault(c => c.At <= from)?.Records;
            var configured = colours.ToDictionary(c => c, c => records?.Probability(c) ?? 0);
            var observed = colours.ToDictionary(c => c, c => inBucket.Count == 0 ? (double?)null : (double)inBucket.Count(r => r.ResolvedColour == c) / inBucket.Count);
            var errors = colours.ToDictionary(c => c, c =>
            {
                var mine = inBucket.Where(r => r.ResolvedColour == c).ToList();
                return mine.Count == 0 ? (double?)null : (double)mine.Count(r => r.Failed) / mine.Count;
            });
            var p99 = colours.ToDictionary(c => c, c => RequestLog.Summarise(inBucket.Where(r => r.ResolvedColour == c).ToList()).P99?.TotalMilliseconds);
            buckets.Add(new Bucket(start, configured, observed, errors, p99));
        }

        return new TimeSeries(width, buckets);
    }
}
