namespace BlueGreen.Aws.Metrics;

/// <summary>
/// Where Prometheus answers and the PromQL that gives one colour's requests, failures and p99 over a window.
/// <c>{colour}</c> and <c>{window}</c> (e.g. <c>30s</c>) are replaced before each query.
/// </summary>
public sealed record PrometheusOptions
{
    /// <summary>Base URL of the Prometheus HTTP API, e.g. http://prometheus.monitoring:9090.</summary>
    public required Uri Url { get; init; }

    public string RequestsQuery { get; init; } = "sum(increase(http_server_request_duration_seconds_count{colour=\"{colour}\"}[{window}]))";

    public string FailuresQuery { get; init; } = "sum(increase(http_server_request_duration_seconds_count{colour=\"{colour}\",http_response_status_code=~\"5..\"}[{window}]))";

    /// <summary>A query whose value is the p99 latency in seconds.</summary>
    public string P99Query { get; init; } = "histogram_quantile(0.99, sum by (le) (rate(http_server_request_duration_seconds_bucket{colour=\"{colour}\"}[{window}])))";
}
