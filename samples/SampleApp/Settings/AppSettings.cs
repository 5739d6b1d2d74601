using SampleApp.Faults;

namespace SampleApp.Settings;

/// <summary>Everything the application reads from its environment, with the defaults production uses.</summary>
internal sealed record AppSettings
{
    public string TableName { get; init; } = "test-dynamodb";

    public string PartitionKey { get; init; } = "UserId";

    /// <summary>The cluster colour this instance runs in; sent as <c>X-Served-By</c>.</summary>
    public string Colour { get; init; } = "unknown";

    public string KubernetesVersion { get; init; } = "unknown";

    /// <summary>Items per Scan page; null leaves DynamoDB's 1 MB pages.</summary>
    public int? ScanPageSize { get; init; }

    /// <summary>How long the answer of <c>GET /</c> (every item) is reused before the table is scanned again; zero scans on every request.</summary>
    public TimeSpan ItemsCache { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a readiness answer is reused before the table is asked again.</summary>
    public TimeSpan ReadinessCache { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Per-attempt timeout of a database call.</summary>
    public TimeSpan DatabaseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>After SIGTERM, how long readiness reports false while requests are still served.</summary>
    public TimeSpan ShutdownDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Bound on the whole shutdown: delay plus in-flight requests.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public FaultSettings Faults { get; init; } = FaultSettings.None;

    /// <summary>
    /// Shut down gracefully when standard input closes, so a test or sandbox child dies with its
    /// parent; off by default, since a container's input may be closed from the start.
    /// </summary>
    public bool ExitWithParentStdin { get; init; }
}
