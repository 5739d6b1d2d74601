using BlueGreen.Core.Metrics;

namespace BlueGreen.Sandbox.Load;

/// <summary>
/// The sandbox's <see cref="IMetricSource"/>: what the load generator saw. User traffic is
/// counted for the colour the service name resolved to (the load balancer the user reached);
/// direct probes for the colour whose own name was probed. Each answer carries the latencies by bucket,
/// for the gates' rank test against the other colour.
/// </summary>
public sealed class LoadMetricSource(RequestLog log) : IMetricSource
{
    public Task<IntervalMetrics> GetAsync(string colour, MetricScope scope, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var records = log.Between(scope, start, end).Where(r => r.ResolvedColour == colour).ToList();
        var metrics = RequestLog.Summarise(records);
        return Task.FromResult(records.Count == 0 ? metrics : metrics with { Latencies = LatencyHistogram.Of(records.Select(r => r.Latency)) });
    }
}
