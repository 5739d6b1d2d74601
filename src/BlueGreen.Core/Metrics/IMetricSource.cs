namespace BlueGreen.Core.Metrics;

/// <summary>Per-colour request metrics over a time window.</summary>
public interface IMetricSource
{
    /// <summary>What <paramref name="colour"/> served in [<paramref name="start"/>, <paramref name="end"/>) as seen through <paramref name="scope"/>.</summary>
    Task<IntervalMetrics> GetAsync(string colour, MetricScope scope, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken);
}

/// <summary>Which requests a metric counts.</summary>
public enum MetricScope
{
    /// <summary>Users' requests through the shared service name.</summary>
    UserTraffic,

    /// <summary>Synthetic probes of the colour's own hostname (works at 0 % share).</summary>
    DirectProbes,
}
