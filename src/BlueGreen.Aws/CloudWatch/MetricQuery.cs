namespace BlueGreen.Aws.CloudWatch;

/// <summary>One metric of a GetMetricData request: a statistic of one metric with one set of dimensions, per period.</summary>
/// <param name="Id">The query's id in the answer (lower-case letter first, then letters, digits, underscores).</param>
/// <param name="Namespace">e.g. AWS/ApplicationELB.</param>
/// <param name="MetricName">e.g. RequestCount.</param>
/// <param name="Dimensions">Name -> value, e.g. LoadBalancer -> app/k8s-web/50dc6c495c0c9188.</param>
/// <param name="Period">Seconds per datapoint.</param>
/// <param name="Stat">Sum, Average, Maximum, ... or an extended statistic such as p99.</param>
public sealed record MetricQuery(string Id, string Namespace, string MetricName, IReadOnlyDictionary<string, string> Dimensions, int Period, string Stat);
