using BlueGreen.Core.Metrics;

namespace BlueGreen.Aws.Metrics;

/// <summary>AWS mode's metrics: direct probes always; user traffic from Prometheus when configured, else from the probes.</summary>
public sealed class AwsMetricSource(IMetricSource probes, IMetricSource? userTraffic) : IMetricSource
{
    public Task<IntervalMetrics> GetAsync(string colour, MetricScope scope, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        (scope == MetricScope.UserTraffic && userTraffic is not null ? userTraffic : probes).GetAsync(colour, scope, start, end, cancellationToken);
}
