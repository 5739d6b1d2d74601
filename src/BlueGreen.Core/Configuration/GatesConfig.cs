namespace BlueGreen.Core.Configuration;

/// <summary>Health gates evaluated every interval while a step bakes.</summary>
public sealed record GatesConfig
{
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Lowest success rate, in percent, an interval may show and pass.</summary>
    public double MinSuccessRate { get; init; } = 99.0;

    /// <summary>Highest p99 latency an interval may show and pass.</summary>
    public TimeSpan MaxP99 { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Requests an interval needs to be conclusive.</summary>
    public int MinRequests { get; init; } = 20;

    /// <summary>Consecutive failing intervals that roll back.</summary>
    public int FailureThreshold { get; init; } = 3;

    /// <summary>Consecutive inconclusive intervals that pause the upgrade.</summary>
    public int InconclusiveLimit { get; init; } = 5;

    /// <summary>How long the candidate must pass its own probes at 0 % before the first step.</summary>
    public TimeSpan Verification { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>What a degrading live colour does during a shift.</summary>
    public LiveDegradation LiveDegradation { get; init; } = LiveDegradation.Report;

    /// <summary>The sources that judge user traffic in AWS mode, each of which must pass; empty keeps the default (Prometheus when given, else the probes).</summary>
    public IReadOnlyList<GateSourceKind> Sources { get; init; } = [];

    /// <summary>CloudWatch alarms that roll back at once when in ALARM during a bake; a trailing * makes a name prefix.</summary>
    public IReadOnlyList<string> Alarms { get; init; } = [];

    /// <summary>The period of the CloudWatch metrics read (gates.source: cloudwatch): 1m for a load balancer's own; 1s, 5s, 10s or 30s only for high-resolution metrics one publishes.</summary>
    public TimeSpan MetricPeriod { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How late CloudWatch metrics arrive: each interval reads the window this much earlier, so its data is there.</summary>
    public TimeSpan MetricDelay { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>What the candidate is judged against each interval: the live colour, the thresholds above, or both.</summary>
    public GateComparison Compare { get; init; } = GateComparison.Both;

    /// <summary>How much worse than the live colour the candidate may be.</summary>
    public RelativeGatesConfig Relative { get; init; } = new();

    /// <summary>
    /// How sure the comparison must be before it calls the candidate worse than live: at 0.999 a candidate
    /// as good as live fails an interval by chance at most once in a thousand.
    /// </summary>
    public double Confidence { get; init; } = 0.999;
}

/// <summary>The margins of the comparison with the live colour over the same window.</summary>
public sealed record RelativeGatesConfig
{
    /// <summary>Percentage points by which the candidate's failure rate may exceed live's.</summary>
    public double FailureRateMargin { get; init; } = 1.0;

    /// <summary>How many times live's p99 the candidate's p99 may reach.</summary>
    public double P99Ratio { get; init; } = 1.5;
}

/// <summary>What an interval's candidate metrics are judged against.</summary>
public enum GateComparison
{
    /// <summary>Only against the live colour over the same window.</summary>
    Live,

    /// <summary>Only against the absolute thresholds (minSuccessRate, maxP99).</summary>
    Absolute,

    /// <summary>Against both: worse than live fails; a breach live shares is inconclusive.</summary>
    Both,
}

/// <summary>Where the gates read user traffic (gates.source).</summary>
public enum GateSourceKind
{
    /// <summary>Synthetic probes of each colour's own hostname.</summary>
    Probes,

    /// <summary>The Prometheus given with --prometheus-url.</summary>
    Prometheus,

    /// <summary>The colour's load balancer metrics in CloudWatch (AWS/ApplicationELB).</summary>
    Cloudwatch,
}

/// <summary>Reaction to the live colour failing its gates during a shift.</summary>
public enum LiveDegradation
{
    /// <summary>Report it in the event stream; keep going.</summary>
    Report,

    /// <summary>Abort the upgrade and roll back.</summary>
    Abort,
}
