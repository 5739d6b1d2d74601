namespace BlueGreen.Aws.CloudWatch;

/// <summary>The datapoints GetMetricData answered for one query, by period start, in time order.</summary>
/// <param name="Id">The query's id.</param>
/// <param name="Points">Period start -> value; a period without a datapoint is absent.</param>
/// <param name="Complete">False when CloudWatch said PartialData or another status than Complete.</param>
public sealed record MetricSeries(string Id, IReadOnlyDictionary<DateTimeOffset, double> Points, bool Complete);
