using BlueGreen.Core.Plans;

namespace BlueGreen.Core.Configuration;

/// <summary>How traffic moves from the live colour to the candidate.</summary>
public sealed record TrafficConfig
{
    /// <summary>The colour that serves users now.</summary>
    public required string Live { get; init; }

    /// <summary>The colour to move to; null means the one other colour.</summary>
    public string? Candidate { get; init; }

    /// <summary>The plan's steps, in order; share steps end at 100 %.</summary>
    public required IReadOnlyList<PlanStep> Steps { get; init; }

    /// <summary>Default bake time of a share step.</summary>
    public required TimeSpan Bake { get; init; }

    /// <summary>Wait after 100 % before the old colour may be decommissioned (DNS TTL plus resolver slack).</summary>
    public required TimeSpan Drain { get; init; }

    /// <summary>Sum of the two Route53 weights a percentage is mapped onto (1..255).</summary>
    public int WeightScale { get; init; } = 100;

    /// <summary>Allow a candidate whose Kubernetes version is lower than the live one.</summary>
    public bool AllowDowngrade { get; init; }
}
