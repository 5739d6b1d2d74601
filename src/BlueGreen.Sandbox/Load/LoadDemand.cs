namespace BlueGreen.Sandbox.Load;

/// <summary>What the gates need of the user load: enough requests to the candidate at its smallest share in each interval.</summary>
public sealed record LoadDemand
{
    /// <summary>Requests the candidate must get per interval (twice the gates' minimum, so an interval is rarely short).</summary>
    public required int SamplesPerInterval { get; init; }

    /// <summary>The candidate's smallest share of traffic in the plan, from 0 to 1.</summary>
    public required double SmallestShare { get; init; }

    public required TimeSpan Interval { get; init; }
}
