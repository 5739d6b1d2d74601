using System.Net;
using BlueGreen.Core.Metrics;
using BlueGreen.Sandbox.Load;

namespace BlueGreen.Sandbox.Tests.Load;

public sealed class RequestLogTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CountsEveryRecordOfTheWindow_WhenRecordsArriveOutOfOrder()
    {
        var log = new RequestLog();

        // Completed at 9, 10, 11, 19, 20, 21 s but added in the order a busy machine can produce.
        foreach (var second in new[] { 10, 19, 9, 21, 11, 20 })
        {
            log.Add(Record(second));
        }

        var window = log.Between(MetricScope.UserTraffic, T0.AddSeconds(10), T0.AddSeconds(20));

        Assert.Equal([10, 11, 19], window.Select(r => (int)(r.Completed - T0).TotalSeconds).Order());
    }

    [Fact]
    public void CountsEachRecordInExactlyOneOfAdjacentWindows_WhenRecordsArriveOutOfOrder()
    {
        var log = new RequestLog();
        var random = new Random(7);
        var seconds = Enumerable.Range(0, 300).Select(i => i / 10.0).OrderBy(_ => random.Next()).ToList();
        foreach (var second in seconds)
        {
            log.Add(Record(second));
        }

        var counted = Enumerable.Range(0, 30).Sum(w => log.Between(MetricScope.UserTraffic, T0.AddSeconds(w), T0.AddSeconds(w + 1)).Count);

        Assert.Equal(300, counted);
        Assert.Equal(log.Snapshot().OrderBy(r => r.Completed), log.Snapshot());
    }

    [Fact]
    public void LeavesOtherScopes_OutOfTheWindow()
    {
        var log = new RequestLog();
        log.Add(Record(1));
        log.Add(Record(1) with { Scope = MetricScope.DirectProbes });

        Assert.Single(log.Between(MetricScope.UserTraffic, T0, T0.AddSeconds(2)));
    }

    private static RequestRecord Record(double completedSecond)
    {
        var completed = T0.AddSeconds(completedSecond);
        var resolution = new Resolution(1, completed, completed.AddSeconds(5), IPAddress.Parse("127.0.0.2"));
        return new RequestRecord(MetricScope.UserTraffic, completed.AddMilliseconds(-50), completed, "blue", "blue", RequestOutcome.Ok, resolution);
    }
}
