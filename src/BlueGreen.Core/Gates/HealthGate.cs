using System.Globalization;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Metrics;
using static BlueGreen.Core.Gates.GateNumbers;

namespace BlueGreen.Core.Gates;

/// <summary>
/// Judges one interval's metrics against the gate rules: minimum requests, success rate, p99 latency,
/// and, as <see cref="GatesConfig.Compare"/> says, the live colour over the same window.
/// </summary>
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

        var (_, broken) = Breaches(metrics, gates);
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

    /// <summary>
    /// The candidate judged as <see cref="GatesConfig.Compare"/> says, with <paramref name="live"/> what the live
    /// colour served in the same window and scope (null when it served nothing there). Worse than live fails;
    /// a breach of the thresholds that live shares, with the candidate not worse, is inconclusive: both colours
    /// degraded, which says nothing about the candidate. Without enough live requests the thresholds alone judge.
    /// </summary>
    public static GateReading Evaluate(IntervalMetrics candidate, IntervalMetrics? live, GatesConfig gates)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(gates);
        if (gates.Compare == GateComparison.Absolute || candidate.Requests < gates.MinRequests)
        {
            return Evaluate(candidate, gates);
        }

        // With nothing to compare with (at 100 % live serves no users) the thresholds judge, in either mode:
        // an interval nobody can judge would pause every upgrade at its last step.
        if (live is null || live.Requests < gates.MinRequests)
        {
            var absolute = Evaluate(candidate, gates);
            return gates.Compare == GateComparison.Both
                ? absolute
                : absolute with { Reason = string.Create(CultureInfo.InvariantCulture, $"{absolute.Reason}; not compared with live, which served {live?.Requests ?? 0} requests in the same window, fewer than the {gates.MinRequests} needed") };
        }

        var comparison = RelativeGate.Compare(candidate, live, gates);
        if (comparison.Worse)
        {
            var breaches = gates.Compare == GateComparison.Both ? Breaches(candidate, gates).Reasons : [];
            return new(GateVerdict.Fail, candidate, string.Join("; ", [.. breaches, comparison.Reason]));
        }

        if (gates.Compare == GateComparison.Live)
        {
            return new(comparison.LatencyJudged ? GateVerdict.Pass : GateVerdict.Inconclusive, candidate, comparison.Reason);
        }

        var reading = Evaluate(candidate, gates);
        if (reading.Verdict == GateVerdict.Fail)
        {
            var (candidateRules, candidateReasons) = Breaches(candidate, gates);
            var (liveRules, liveReasons) = Breaches(live, gates);
            return (candidateRules & liveRules) == candidateRules
                ? new(GateVerdict.Inconclusive, candidate, $"both colours degraded: the candidate's {string.Join(", ", candidateReasons)}, and live's {string.Join(", ", liveReasons)}; {comparison.Reason}")
                : reading;
        }

        return reading.Verdict == GateVerdict.Pass ? reading with { Reason = $"{reading.Reason}; {comparison.Reason}" } : reading;
    }

    private static (BrokenRules Rules, List<string> Reasons) Breaches(IntervalMetrics metrics, GatesConfig gates)
    {
        var rules = BrokenRules.None;
        var reasons = new List<string>();
        if (metrics.SuccessRate < gates.MinSuccessRate)
        {
            rules |= BrokenRules.SuccessRate;
            reasons.Add($"success rate {RoundedDown(metrics.SuccessRate)} % is below {Exact(gates.MinSuccessRate)} %");
        }

        if (metrics.P99 is { } p99 && p99 > gates.MaxP99)
        {
            rules |= BrokenRules.P99;
            reasons.Add($"p99 {RoundedUp(p99)} ms is above {Exact(gates.MaxP99.TotalMilliseconds)} ms");
        }

        return (rules, reasons);
    }

    [Flags]
    private enum BrokenRules
    {
        None = 0,
        SuccessRate = 1,
        P99 = 2,
    }
}
