using System.Text.Json;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Metrics;

namespace BlueGreen.Core.Tests.Metrics;

public sealed class LatencyHistogramTests
{
    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.5, 0)]
    [InlineData(0.51, 1)]
    [InlineData(10.0, 8)]
    [InlineData(30_000.0, 32)]
    [InlineData(30_000.1, 33)]
    public void ABucketsUpperBound_IsInclusive(double milliseconds, int bucket)
    {
        Assert.Equal(bucket, LatencyHistogram.BucketOf(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Fact]
    public void Of_CountsEveryLatency_InItsBucket()
    {
        var histogram = LatencyHistogram.Of([TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(3), TimeSpan.FromMinutes(1)]);

        Assert.Equal(3, histogram.Total);
        Assert.Equal(2, histogram.Counts[LatencyHistogram.BucketOf(TimeSpan.FromMilliseconds(3))]);
        Assert.Equal(1, histogram.Counts[^1]);
    }

    [Fact]
    public void AWrongNumberOfBuckets_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new LatencyHistogram([1, 2, 3]));
    }

    [Fact]
    public void MetricsWithAHistogram_RoundTripThroughTheJournalsJson()
    {
        var metrics = new IntervalMetrics(3, 1, TimeSpan.FromMilliseconds(7)) { Latencies = LatencyHistogram.Of([TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(7), TimeSpan.FromMilliseconds(7)]) };

        var json = JsonSerializer.Serialize(metrics, JournalJson.Options);

        Assert.Equal(metrics, JsonSerializer.Deserialize<IntervalMetrics>(json, JournalJson.Options));
    }

    [Fact]
    public void MetricsWithoutAHistogram_WriteNoLatenciesKey()
    {
        Assert.DoesNotContain("latencies", JsonSerializer.Serialize(new IntervalMetrics(3, 1, null), JournalJson.Options), StringComparison.Ordinal);
    }
}
