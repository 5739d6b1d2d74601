namespace BlueGreen.Core.Metrics;

/// <summary>What one colour served in one interval.</summary>
/// <param name="Requests">Requests that got an answer or failed.</param>
/// <param name="Failures">Requests that failed: 5xx, connection error or timeout.</param>
/// <param name="P99">99th percentile latency; null when there were no requests.</param>
public sealed record IntervalMetrics(long Requests, long Failures, TimeSpan? P99)
{
    /// <summary>Nothing observed.</summary>
    public static IntervalMetrics Empty { get; } = new(0, 0, null);

    /// <summary>The requests' latencies by bucket, for the rank test against the other colour; null when the source has none.</summary>
    public LatencyHistogram? Latencies { get; init; }

    /// <summary>
    /// Why the source has no data for the window (e.g. a minute CloudWatch has not published yet); null when it has.
    /// A window without data is never healthy: it is not the same as a window with zero requests.
    /// </summary>
    public string? NoData { get; init; }

    /// <summary>Successful requests in percent (0..100); 100 when there were none.</summary>
    public double SuccessRate => Requests == 0 ? 100.0 : 100.0 * (Requests - Failures) / Requests;
}
