namespace BlueGreen.Core.Configuration;

/// <summary>The one-machine rehearsal: zone, scale and the short timings it runs the plan with.</summary>
public sealed record SandboxConfig
{
    /// <summary>DNS zone the sandbox DNS server is authoritative for.</summary>
    public string Zone { get; init; } = "test.bluegreen.internal";

    /// <summary>TTL in seconds of the sandbox's answers.</summary>
    public int Ttl { get; init; } = 1;

    /// <summary>Sample-app processes per colour.</summary>
    public int Replicas { get; init; } = 2;

    /// <summary>
    /// Load generator requests per second; null (<c>auto</c>, the default): a share of what a short
    /// calibration against the live colour shows this machine can serve.
    /// </summary>
    public int? RequestRate { get; init; }

    /// <summary>Concurrent load generator clients, each with its own resolver cache.</summary>
    public int Clients { get; init; } = 16;

    /// <summary>Items seeded into the sandbox table.</summary>
    public int SeedItems { get; init; } = 20;

    public TimeSpan Bake { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan Drain { get; init; } = TimeSpan.FromSeconds(3);

    public TimeSpan Verification { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The p99 limit of the gates in the sandbox, in place of <c>gates.maxP99</c>: every part runs
    /// on one shared machine, where latency measures the machine as much as the application.
    /// </summary>
    public TimeSpan MaxP99 { get; init; } = TimeSpan.FromSeconds(2);
}
