namespace BlueGreen.Sandbox.Rehearsal;

/// <summary>What a rehearsal did and saw: summary.json, and the numbers the tests check.</summary>
public sealed record RehearsalSummary
{
    /// <summary>completed, rolledBack, aborted, paused or failed.</summary>
    public required string Outcome { get; init; }

    public required int ExitCode { get; init; }

    public required string Reason { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset EndedAt { get; init; }

    public required IReadOnlyList<string> Faults { get; init; }

    /// <summary>What the engine acted on: the sandbox's own zone and files, or the AWS-mode adapters at an AWS-compatible endpoint.</summary>
    public required EngineTarget Target { get; init; }

    public required LoadSettings Load { get; init; }

    /// <summary>User traffic through the service name, per colour reached.</summary>
    public required TrafficTotals UserTraffic { get; init; }

    /// <summary>Direct probes of each colour's own name.</summary>
    public required TrafficTotals Probes { get; init; }

    /// <summary>Each period of constant records, with the share it was configured for and the share observed.</summary>
    public required IReadOnlyList<StepShare> Steps { get; init; }

    /// <summary>How fast traffic left the candidate after its first failing interval; null without a rollback.</summary>
    public RollbackTiming? Rollback { get; init; }

    /// <summary>Process ids of everything the sandbox started (database, app instances), so a check can prove none is left.</summary>
    public required IReadOnlyList<int> ProcessIds { get; init; }

    /// <summary>When the old colour was stopped relative to the drain; null when none was stopped after a completed upgrade.</summary>
    public Decommission? Decommission { get; init; }
}

/// <summary>What the rehearsal's engine acted on.</summary>
/// <param name="Kind"><c>sandbox</c> or <c>aws</c>.</param>
/// <param name="Description">Where, in a sentence.</param>
public sealed record EngineTarget(string Kind, string Description);

/// <summary>The load and timings a rehearsal ran with.</summary>
public sealed record LoadSettings(int RequestRate, int Clients, int Replicas, int TtlSeconds, double BakeSeconds, double IntervalSeconds, double DrainSeconds, double VerificationSeconds)
{
    /// <summary>Requests per second the live colour served during the calibration; null when sandbox.requestRate was given.</summary>
    public double? CalibratedRate { get; init; }
}

/// <summary>Requests and failures in all and per colour.</summary>
/// <param name="Requests">Requests sent.</param>
/// <param name="Failed">Requests that failed (5xx, connection error, timeout, no address).</param>
/// <param name="Misrouted">Answers whose X-Served-By names another colour than the load balancer reached.</param>
/// <param name="DnsQueries">Queries the clients' resolvers sent (cache misses).</param>
/// <param name="ByColour">Per colour reached.</param>
public sealed record TrafficTotals(long Requests, long Failed, long Misrouted, long DnsQueries, IReadOnlyDictionary<string, ColourTotals> ByColour);

/// <summary>One colour's requests, failures by kind and latency.</summary>
public sealed record ColourTotals(long Requests, long Failed, IReadOnlyDictionary<string, long> FailuresByKind, double? P50Ms, double? P99Ms);

/// <summary>
/// One period of constant records. The observed share counts user requests sent at least one
/// TTL after the change on an answer given after it; the tolerance is the 99.9 % bound for the
/// number of independent resolutions (Kish's effective size, since requests riding one cached
/// answer all go the same way).
/// </summary>
public sealed record StepShare(
    string Records,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyDictionary<string, double> ConfiguredShare,
    IReadOnlyDictionary<string, double> ObservedShare,
    long Requests,
    long Resolutions,
    double EffectiveResolutions,
    double TolerancePoints,
    bool Within);

/// <summary>Times of a rollback, measured from the start of the candidate's first failing interval.</summary>
public sealed record RollbackTiming(
    DateTimeOffset FirstFailingIntervalStart,
    DateTimeOffset? RollbackWeightsAt,
    DateTimeOffset? LastCandidateResolutionAt,
    DateTimeOffset? LastCandidateRequestAt,
    double BoundSeconds);

/// <summary>The old colour's stop against the end of the drain.</summary>
public sealed record Decommission(string Colour, DateTimeOffset? DrainEndedAt, DateTimeOffset StoppedAt, long RequestsAfterStop, long FailedAfterStop);
