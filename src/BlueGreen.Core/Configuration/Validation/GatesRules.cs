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
        CheckCloudWatch(g, check);
        check.That(g.Verification >= g.Interval, "gates.verification", $"The verification window ({Duration.Format(g.Verification)}) is shorter than the gate interval ({Duration.Format(g.Interval)}).", "Make it at least one interval.");
        check.That(g.Confidence is >= 0.5 and < 1, "gates.confidence", $"The confidence {g.Confidence} is not a probability from 0.5 up to 1.", "Write e.g. 0.999: a candidate as good as live then fails an interval by chance once in a thousand.");
        check.That(g.Relative.FailureRateMargin is >= 0 and < 100, "gates.relative.failureRateMargin", $"The failure-rate margin {g.Relative.FailureRateMargin} is not a number of percentage points from 0 up to 100.", "Write e.g. 1 to let the candidate fail 1 point more often than live.");
        check.That(g.Relative.P99Ratio is >= 1 and <= 100, "gates.relative.p99Ratio", $"The p99 ratio {g.Relative.P99Ratio} is not within 1..100.", "Write e.g. 1.5 to let the candidate's p99 reach 1.5 times live's; 1 allows no slack.");
    }

    // CloudWatch's own rule: high-resolution periods are 1, 5, 10 or 30 seconds, anything else a multiple of a minute.
    private static void CheckCloudWatch(GatesConfig g, Checker check)
    {
        var seconds = g.MetricPeriod.TotalSeconds;
        var periodOk = check.That(
            seconds == Math.Floor(seconds) && (seconds is 1 or 5 or 10 or 30 || (seconds >= 60 && seconds % 60 == 0)),
            "gates.metricPeriod",
            $"The metric period ({Duration.Format(g.MetricPeriod)}) is not a CloudWatch period.",
            "Use 1m (a load balancer's own metrics), a multiple of 1m, or 1s, 5s, 10s or 30s for high-resolution metrics you publish.");
        check.That(g.MetricDelay >= TimeSpan.Zero && g.MetricDelay <= TimeSpan.FromMinutes(15), "gates.metricDelay", $"The metric delay ({Duration.Format(g.MetricDelay)}) is not within 0s..15m.", "Use how late the metrics arrive: about 2m for a load balancer's, 0s for metrics you publish yourself as they happen.");
        if (periodOk && g.Sources.Contains(GateSourceKind.Cloudwatch))
        {
            check.That(
                g.Interval >= g.MetricPeriod,
                "gates.interval",
                $"The gate interval ({Duration.Format(g.Interval)}) is shorter than the CloudWatch metric period ({Duration.Format(g.MetricPeriod)}), so most intervals would read no data.",
                $"Make gates.interval at least {Duration.Format(g.MetricPeriod)}, or, where you publish high-resolution metrics, set gates.metricPeriod to 1s, 5s, 10s or 30s.");
        }

        for (var i = 0; i < g.Alarms.Count; i++)
        {
            var alarm = g.Alarms[i];
            var star = alarm.IndexOf('*', StringComparison.Ordinal);
            check.That(
                alarm.Trim().Length > 0 && alarm.Length <= 255 && (star < 0 || star == alarm.Length - 1) && alarm != "*",
                $"gates.alarms[{i}]",
                $"'{alarm}' is not a CloudWatch alarm name or name prefix.",
                "Write an alarm's name (1 to 255 characters), or the start of names followed by one * at the end, e.g. web-5xx-*.");
        }
    }
}
