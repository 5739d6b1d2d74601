using System.Globalization;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Metrics;

namespace BlueGreen.Core.Gates;

/// <summary>Judges one interval's metrics against the gate rules: minimum requests, success rate, p99 latency.</summary>
public static class HealthGate
{
    /// <summary>Inconclusive below the minimum requests; otherwise fails when any rule is broken, passes when none is.</summary>
    public static GateReading Evaluate(IntervalMetrics metrics, GatesConfig gates)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(gates);
        if (metrics.Requests < gates.MinRequests)
        {
            return new(GateVerdict.Inconclusive, metrics, string.Create(CultureInfo.InvariantCulture, $"{metrics.Requests} requests, fewer than the {gates.MinRequests} needed to judge"));
        }

        var broken = new List<string>();
        if (metrics.SuccessRate < gates.MinSuccessRate)
        {
            broken.Add(string.Create(CultureInfo.InvariantCulture, $"success rate {metrics.SuccessRate:0.##} % is below {gates.MinSuccessRate:0.##} %"));
        }

        if (metrics.P99 is { } p99 && p99 > gates.MaxP99)
        {
            broken.Add(string.Create(CultureInfo.InvariantCulture, $"p99 {p99.TotalMilliseconds:0} ms is above {gates.MaxP99.TotalMilliseconds:0} ms"));
        }

        return broken.Count > 0
            ? new(GateVerdict.Fail, metrics, string.Join("; ", broken))
            : new(GateVerdict.Pass, metrics, string.Create(CultureInfo.InvariantCulture, $"success rate {metrics.SuccessRate:0.##} %, p99 {metrics.P99?.TotalMilliseconds ?? 0:0} ms over {metrics.Requests} requests"));
    }
}
