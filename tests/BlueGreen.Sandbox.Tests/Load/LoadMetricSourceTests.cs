using System.Net;
using BlueGreen.Core.Metrics;
using BlueGreen.Sandbox.Load;

namespace BlueGreen.Sandbox.Tests.Load;

public sealed class LoadMetricSourceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AColoursWindow_CarriesItsLatenciesByBucket_CountingFailuresToo()
    {
        var log = new RequestLog();
        log.Add(Record("green", 1, 3, RequestOutcome.Ok));
        log.Add(Record("green", 2, 3, RequestOutcome.Ok));
        log.Add(Record("green", 3, 900, RequestOutcome.Timeout));
        log.Add(Record("blue", 4, 40, RequestOutcome.Ok));

        var metrics = await new LoadMetricSource(log).GetAsync("green", MetricScope.UserTraffic, T0, T0.AddSeconds(10), CancellationToken.None);

        Assert.Equal(3, metrics.Requests);
        Assert.Equal(1, metrics.Failures);
        Assert.Equal(LatencyHistogram.Of([TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(900)]), metrics.Latencies);
    }

    [Fact]
    public async Task AnEmptyWindow_HasNoHistogram()
    {
        var metrics = await new LoadMetricSource(new RequestLog()).GetAsync("green", MetricScope.UserTraffic, T0, T0.AddSeconds(10), CancellationToken.None);

        Assert.Equal(IntervalMetrics.Empty, metrics);
    }

    private static RequestRecord Record(string colour, double completedSecond, double latencyMs, RequestOutcome outcome)
    {
        var completed = T0.AddSeconds(completedSecond);
        var resolution = new Resolution(1, completed, completed.AddSeconds(5), IPAddress.Parse("127.0.0.2"));
        return new RequestRecord(MetricScope.UserTraffic, completed.AddMilliseconds(-latencyMs), completed, colour, colour, outcome, resolution);
    }
}
