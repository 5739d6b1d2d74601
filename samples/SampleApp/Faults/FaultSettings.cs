namespace SampleApp.Faults;

/// <summary>Faults injected for rehearsals: a share of requests failing with 500, and added latency.</summary>
internal sealed record FaultSettings
{
    public static readonly FaultSettings None = new();

    /// <summary>Share of faultable requests answered with HTTP 500, from 0 to 1.</summary>
    public double ErrorRate { get; init; }

    /// <summary>Delay added before each faultable request is handled.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Seed of the error dice, so a rehearsal can be repeated exactly; null draws a fresh one.</summary>
    public int? Seed { get; init; }

    public bool IsEnabled => ErrorRate > 0 || Latency > TimeSpan.Zero;
}
