using System.Globalization;
using BlueGreen.Aws.Clients;
using BlueGreen.Aws.CloudWatch;
using BlueGreen.Core.Metrics;

namespace BlueGreen.Aws.Metrics;

/// <summary>
/// What each colour's load balancer saw, from CloudWatch: requests (RequestCount), failures (target and load balancer
/// 5xx) and the p99 of TargetResponseTime, over the whole periods that started in the window, read
/// <see cref="CloudWatchMetricOptions.Delay"/> late. A period without a RequestCount datapoint is no data, never zero requests.
/// </summary>
public sealed class CloudWatchMetricSource : IMetricSource
{
    private const string Dimension = "LoadBalancer";

    private readonly CloudWatchClient _cloudWatch;
    private readonly CloudWatchClient _percentiles;
    private readonly Func<string, CancellationToken, Task<string>> _dimension;
    private readonly CloudWatchMetricOptions _options;
    private readonly int _period;

    /// <param name="cloudWatch">The region's CloudWatch.</param>
    /// <param name="dimension">A colour's LoadBalancer dimension (app/&lt;name&gt;/&lt;id&gt;), e.g. from <see cref="LoadBalancerDimensions"/>.</param>
    /// <param name="options">Namespace, period and delay.</param>
    /// <param name="percentiles">The client p99 is asked through, with fewer retries than the counts' (a p99 it cannot read is unknown, not worth a minute of backoff); <paramref name="cloudWatch"/> when null.</param>
    public CloudWatchMetricSource(CloudWatchClient cloudWatch, Func<string, CancellationToken, Task<string>> dimension, CloudWatchMetricOptions options, CloudWatchClient? percentiles = null)
    {
        ArgumentNullException.ThrowIfNull(cloudWatch);
        ArgumentNullException.ThrowIfNull(dimension);
        ArgumentNullException.ThrowIfNull(options);
        _cloudWatch = cloudWatch;
        _percentiles = percentiles ?? cloudWatch;
        _dimension = dimension;
        _options = options;
        _period = (int)options.Period.TotalSeconds;
        if (_period < 1 || options.Period != TimeSpan.FromSeconds(_period))
        {
            throw new ArgumentException($"The period {options.Period} is not a whole number of seconds.", nameof(options));
        }
    }

    /// <summary>The periods read for the window [<paramref name="start"/>, <paramref name="end"/>): those that started in it, moved the delay earlier.</summary>
    public (DateTimeOffset From, DateTimeOffset To) PeriodsOf(DateTimeOffset start, DateTimeOffset end) =>
        (Floor(start - _options.Delay), Floor(end - _options.Delay));

    // The scope does not matter: a load balancer counts every request it serves, the probes' among them.
    public async Task<IntervalMetrics> GetAsync(string colour, MetricScope scope, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var (from, to) = PeriodsOf(start, end);
        if (to <= from)
        {
            return IntervalMetrics.Empty with { NoData = $"the window {Clock(start)}-{Clock(end)} holds no whole CloudWatch period of {_period}s" };
        }

        var lb = await _dimension(colour, cancellationToken).ConfigureAwait(false);
        var dimensions = new Dictionary<string, string> { [Dimension] = lb };
        var counts = await _cloudWatch.GetMetricDataAsync(
            [Query("requests", "RequestCount", "Sum"), Query("target5xx", "HTTPCode_Target_5XX_Count", "Sum"), Query("elb5xx", "HTTPCode_ELB_5XX_Count", "Sum")],
            from,
            to,
            cancellationToken).ConfigureAwait(false);
        var requests = counts["requests"];
        var missing = Periods(from, to).Where(p => !requests.Points.ContainsKey(p)).ToList();
        if (missing.Count > 0 || !requests.Complete)
        {
            var which = missing.Count > 0 ? $"for {string.Join(", ", missing.Select(p => $"{Clock(p)}-{Clock(p.AddSeconds(_period))}"))}" : "complete";
            return IntervalMetrics.Empty with
            {
                NoData = $"CloudWatch has no RequestCount of {lb} {which} yet (a period without requests has none either; metrics that arrive later than gates.metricDelay {Format(_options.Delay)} are not seen)",
            };
        }

        var total = (long)Math.Round(requests.Points.Values.Sum());
        var failures = (long)Math.Round(counts["target5xx"].Points.Values.Sum() + counts["elb5xx"].Points.Values.Sum());
        return new IntervalMetrics(total, Math.Min(failures, total), await P99Async(dimensions, from, to, cancellationToken).ConfigureAwait(false));

        MetricQuery Query(string id, string metric, string stat) => new(id, _options.Namespace, metric, dimensions, _period, stat);
    }

    // Asked on its own, so a CloudWatch that cannot answer percentiles still gives requests and failures; a p99 it
    // cannot give is unknown, and the gate is then inconclusive unless another rule fails. Percentiles of several
    // periods do not combine, so the interval's p99 is the worst period's.
    private async Task<TimeSpan?> P99Async(Dictionary<string, string> dimensions, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        try
        {
            var series = await _percentiles.GetMetricDataAsync([new MetricQuery("p99", _options.Namespace, "TargetResponseTime", dimensions, _period, "p99")], from, to, cancellationToken).ConfigureAwait(false);
            var points = series["p99"].Points;
            return points.Count == 0 ? null : TimeSpan.FromSeconds(points.Values.Max());
        }
        catch (AwsQueryException)
        {
            return null;
        }
    }

    private IEnumerable<DateTimeOffset> Periods(DateTimeOffset from, DateTimeOffset to)
    {
        for (var p = from; p < to; p = p.AddSeconds(_period))
        {
            yield return p;
        }
    }

    private DateTimeOffset Floor(DateTimeOffset at)
    {
        var seconds = at.ToUnixTimeSeconds();
        return DateTimeOffset.FromUnixTimeSeconds(seconds - (((seconds % _period) + _period) % _period));
    }

    private static string Clock(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Format(TimeSpan delay) => Core.Configuration.Duration.Format(delay);
}
