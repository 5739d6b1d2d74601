using BlueGreen.Core.Metrics;

namespace BlueGreen.Sandbox.Load;

/// <summary>One request the load generator sent and what came of it.</summary>
/// <param name="Scope">User traffic through the service name, or a direct probe of a colour's own name.</param>
/// <param name="Started">When the request was sent.</param>
/// <param name="Completed">When its outcome was known.</param>
/// <param name="ResolvedColour">The colour whose load balancer the name resolved to; null when it did not resolve.</param>
/// <param name="ServedBy">The colour named by the answer's X-Served-By; null without an answer.</param>
/// <param name="Outcome">How the request ended.</param>
/// <param name="Resolution">The DNS resolution the request used: requests sharing one rode one cached answer.</param>
public sealed record RequestRecord(
    MetricScope Scope,
    DateTimeOffset Started,
    DateTimeOffset Completed,
    string? ResolvedColour,
    string? ServedBy,
    RequestOutcome Outcome,
    Resolution Resolution)
{
    public TimeSpan Latency => Completed - Started;

    public bool Failed => Outcome != RequestOutcome.Ok;
}
