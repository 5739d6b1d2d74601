using System.Globalization;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Metrics;

namespace BlueGreen.Core.Gates;

/// <summary>Judges one interval's metrics against the gate rules: minimum requests, success rate, p99 latency.</summary>
public static class HealthGate
{
    /// <summary>
    /// Inconclusive when the source has no data for the window, or below the minimum requests; otherwise fails when any rule is broken. With no rule
    /// broken it passes, unless no p99 was reported: then the latency rule cannot be judged, and the
    /// interval is inconclusive.
    /// </summary>
    public static GateReading Evaluate(IntervalMetrics metrics, GatesConfig gates)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(gates);
        if (metrics.NoData is { } missing)
        {
            return new(GateVerdict.Inconclusive, metrics, missing);
        }

        if (metrics.Requests < gates.MinRequests)
        {
            return new(GateVerdict.Inconclusive, metrics, string.Create(CultureInfo.InvariantCulture, $"{metrics.Requests} requests, fewer than the {gates.MinRequests} needed to judge"));
        }

        var broken = new List<string>();
        if (metrics.SuccessRate < gates.MinSuccessRate)
        {
            broken.Add($"success rate {RoundedDown(metrics.SuccessRate)} % is below {Exact(gates.MinSuccessRate)} %");
        }

        if (metrics.P99 is { } p99 && p99 > gates.MaxP99)
        {
            broken.Add($"p99 {RoundedUp(p99)} ms is above {Exact(gates.MaxP99.TotalMilliseconds)} ms");
        }

        if (broken.Count > 0)
        {
            return new(GateVerdict.Fail, metrics, string.Join("; ", broken));
        }

        if (metrics.P99 is not { } measured)
        {
            return new(GateVerdict.Inconclusive, metrics, string.Create(CultureInfo.InvariantCulture, $"{metrics.Requests} requests but no p99 latency was reported, so the rule p99 <= {Exact(gates.MaxP99.TotalMilliseconds)} ms cannot be judged"));
        }

        return new(GateVerdict.Pass, metrics, string.Create(CultureInfo.InvariantCulture, $"success rate {RoundedDown(metrics.SuccessRate)} %, p99 {RoundedUp(measured)} ms over {metrics.Requests} requests"));
    }

    // A measured value is cut toward the side that keeps the sentence true: a rate below the minimum never
    // prints as the minimum ("99 % is below 99 %"), a latency above the maximum never prints as the maximum.
    private static string RoundedDown(double percent) =>
        (Math.Floor((decimal)percent * 100) / 100).ToString("0.##", CultureInfo.InvariantCulture);

    private static string RoundedUp(TimeSpan latency) =>
        (Math.Ceiling((decimal)latency.TotalMilliseconds * 1000) / 1000).ToString("0.###", CultureInfo.InvariantCulture);

    // A configured limit prints as configured, never rounded.
    private static string Exact(double limit) => limit.ToString(CultureInfo.InvariantCulture);
}
