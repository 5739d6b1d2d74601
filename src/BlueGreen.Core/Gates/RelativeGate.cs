using BlueGreen.Core.Configuration;
using BlueGreen.Core.Metrics;
using static BlueGreen.Core.Gates.GateNumbers;

namespace BlueGreen.Core.Gates;

/// <summary>
/// Compares the candidate with the live colour over the same window: a test on counts for the failure rate
/// (<see cref="FailureRateTest"/>), the p99 ratio plus a rank test on the latency buckets for latency
/// (<see cref="MannWhitneyTest"/>; skipped when either colour has no histogram).
/// </summary>
public static class RelativeGate
{
    /// <summary>Whether <paramref name="candidate"/> is worse than <paramref name="live"/> by more than the margins, at the configured confidence.</summary>
    public static RelativeComparison Compare(IntervalMetrics candidate, IntervalMetrics live, GatesConfig gates)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(gates);
        var alpha = 1 - gates.Confidence;
        var margin = gates.Relative.FailureRateMargin;
        var rates = FailureRateTest.Run(candidate.Failures, candidate.Requests, live.Failures, live.Requests, margin / 100);
        var ratesWorse = rates.PValue < alpha;
        var candidateRate = Percent(100 - candidate.SuccessRate);
        var liveRate = Percent(100 - live.SuccessRate);
        var test = rates.Method == FailureRateMethod.FisherExact ? "Fisher's exact test" : "two-proportion z-test";
        var ratesText = ratesWorse
            ? $"failure rate {candidateRate} % is above live's {liveRate} % by more than the margin of {Exact(margin)} pp ({test}, {PValue(rates.PValue)}, confidence {Exact(gates.Confidence)})"
            : $"failure rate {candidateRate} % against live's {liveRate} % ({test}, {PValue(rates.PValue)})";

        var (latencyJudged, latencyWorse, latencyText) = CompareLatency(candidate, live, gates, alpha);
        var worse = new List<string>();
        if (ratesWorse)
        {
            worse.Add(ratesText);
        }

        if (latencyWorse)
        {
            worse.Add(latencyText);
        }

        return worse.Count > 0
            ? new(true, latencyJudged, $"worse than live: {string.Join("; ", worse)}")
            : new(false, latencyJudged, $"not worse than live: {ratesText}; {latencyText}");
    }

    private static (bool Judged, bool Worse, string Text) CompareLatency(IntervalMetrics candidate, IntervalMetrics live, GatesConfig gates, double alpha)
    {
        if (candidate.P99 is not { } candidateP99 || live.P99 is not { } liveP99)
        {
            return (false, false, "the p99s cannot be compared, as a colour reported none");
        }

        var ratio = gates.Relative.P99Ratio;
        var beyondRatio = candidateP99.TotalMilliseconds > liveP99.TotalMilliseconds * ratio;
        var p99s = $"p99 {RoundedUp(candidateP99)} ms against live's {RoundedUp(liveP99)} ms";
        if (candidate.Latencies is not { } candidateLatencies || live.Latencies is not { } liveLatencies)
        {
            var skipped = "no rank test, as a colour has no latency histogram";
            return beyondRatio
                ? (true, true, $"{p99s}, more than {Exact(ratio)} times live's ({skipped})")
                : (true, false, $"{p99s} ({skipped})");
        }

        var rank = MannWhitneyTest.Run(candidateLatencies.Counts, liveLatencies.Counts);
        return beyondRatio && rank.PValue < alpha
            ? (true, true, $"{p99s}, more than {Exact(ratio)} times live's (Mann-Whitney U, {PValue(rank.PValue)}, confidence {Exact(gates.Confidence)})")
            : (true, false, $"{p99s} (Mann-Whitney U, {PValue(rank.PValue)})");
    }
}

/// <summary>The comparison with live: whether the candidate is worse, whether latency could be compared at all, and why, in words.</summary>
public sealed record RelativeComparison(bool Worse, bool LatencyJudged, string Reason);
