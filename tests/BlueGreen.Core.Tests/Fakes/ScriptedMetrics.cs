using BlueGreen.Core.Metrics;

namespace BlueGreen.Core.Tests.Fakes;

/// <summary>Metrics from a function of colour, scope and interval; records every query.</summary>
internal sealed class ScriptedMetrics : IMetricSource
{
    public static readonly IntervalMetrics Healthy = new(200, 0, TimeSpan.FromMilliseconds(40));
    public static readonly IntervalMetrics Failing = new(200, 30, TimeSpan.FromMilliseconds(40));
    public static readonly IntervalMetrics Slow = new(200, 0, TimeSpan.FromSeconds(2));
    public static readonly IntervalMetrics Sparse = new(3, 0, TimeSpan.FromMilliseconds(40));

    public Func<MetricQuery, IntervalMetrics> Script { get; set; } = _ => Healthy;

    public List<MetricQuery> Queries { get; } = [];

    public Task<IntervalMetrics> GetAsync(string colour, MetricScope scope, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var query = new MetricQuery(colour, scope, start, end);
        Queries.Add(query);
        return Task.FromResult(Script(query));
    }
}

/// <summary>One metrics query.</summary>
internal sealed record MetricQuery(string Colour, MetricScope Scope, DateTimeOffset Start, DateTimeOffset End);
