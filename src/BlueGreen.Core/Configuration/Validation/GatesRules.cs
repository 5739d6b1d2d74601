namespace BlueGreen.Core.Configuration.Validation;

/// <summary>Health gate thresholds and windows.</summary>
internal static class GatesRules
{
    public static void Check(EnvironmentConfig c, Checker check)
    {
        var g = c.Gates;
        check.That(g.Interval >= TimeSpan.FromSeconds(1), "gates.interval", $"The gate interval ({Duration.Format(g.Interval)}) is shorter than 1s.", "Use at least 1s; 30s suits real traffic.");
        check.That(g.MinSuccessRate is >= 0 and <= 100, "gates.minSuccessRate", $"The success rate {g.MinSuccessRate} is not a percentage.", "Write a percentage from 0 to 100, e.g. 99.5.");
        check.That(g.MaxP99 > TimeSpan.Zero, "gates.maxP99", "The p99 limit must be longer than 0s.", "Write e.g. 500ms.");
        check.InRange(g.MinRequests, 1, 1_000_000, "gates.minRequests", "The minimum number of requests");
        check.InRange(g.FailureThreshold, 1, 100, "gates.failureThreshold", "The failure threshold");
        check.InRange(g.InconclusiveLimit, 1, 100, "gates.inconclusiveLimit", "The inconclusive limit");
        check.That(g.Verification >= g.Interval, "gates.verification", $"The verification window ({Duration.Format(g.Verification)}) is shorter than the gate interval ({Duration.Format(g.Interval)}).", "Make it at least one interval.");
        check.That(g.Confidence is >= 0.5 and < 1, "gates.confidence", $"The confidence {g.Confidence} is not a probability from 0.5 up to 1.", "Write e.g. 0.999: a candidate as good as live then fails an interval by chance once in a thousand.");
        check.That(g.Relative.FailureRateMargin is >= 0 and < 100, "gates.relative.failureRateMargin", $"The failure-rate margin {g.Relative.FailureRateMargin} is not a number of percentage points from 0 up to 100.", "Write e.g. 1 to let the candidate fail 1 point more often than live.");
        check.That(g.Relative.P99Ratio is >= 1 and <= 100, "gates.relative.p99Ratio", $"The p99 ratio {g.Relative.P99Ratio} is not within 1..100.", "Write e.g. 1.5 to let the candidate's p99 reach 1.5 times live's; 1 allows no slack.");
    }
}
