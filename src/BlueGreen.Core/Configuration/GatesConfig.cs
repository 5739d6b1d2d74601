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
}

/// <summary>Reaction to the live colour failing its gates during a shift.</summary>
public enum LiveDegradation
{
    /// <summary>Report it in the event stream; keep going.</summary>
    Report,

    /// <summary>Abort the upgrade and roll back.</summary>
    Abort,
}
