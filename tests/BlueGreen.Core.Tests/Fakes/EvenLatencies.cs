using BlueGreen.Core.Metrics;

namespace BlueGreen.Core.Tests.Fakes;

/// <summary>Latency histograms of requests spread evenly between two latencies.</summary>
internal static class EvenLatencies
{
    public static LatencyHistogram Between(int requests, double lowMs, double highMs) =>
        LatencyHistogram.Of(Enumerable.Range(0, requests).Select(i => TimeSpan.FromMilliseconds(lowMs + ((highMs - lowMs) * i / (requests - 1)))));
}
