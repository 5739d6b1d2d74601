using System.Net;

namespace BlueGreen.Sandbox.Load;

/// <summary>How the load generator calls the service: rate, concurrency, where to resolve and what to call.</summary>
public sealed record LoadOptions
{
    /// <summary>User requests per second over all clients.</summary>
    public required int RequestRate { get; init; }

    /// <summary>Concurrent clients, each with its own resolver cache (like separate users).</summary>
    public required int Clients { get; init; }

    /// <summary>The sandbox DNS server.</summary>
    public required IPEndPoint DnsServer { get; init; }

    /// <summary>The service name users resolve.</summary>
    public required string ServiceName { get; init; }

    /// <summary>The port every load balancer listens on (the sandbox's port 80).</summary>
    public required int ServicePort { get; init; }

    /// <summary>Each colour's own host name, probed directly; empty for no probes.</summary>
    public IReadOnlyDictionary<string, string> ColourHosts { get; init; } = new Dictionary<string, string>();

    /// <summary>Probes per second of each colour's own name.</summary>
    public int ProbeRate { get; init; } = 30;

    /// <summary>A request without an answer after this long has failed.</summary>
    public TimeSpan RequestTimeout { get; init; } = DefaultRequestTimeout;

    /// <summary>The request timeout unless a calibration fits one to the machine.</summary>
    public static TimeSpan DefaultRequestTimeout { get; } = TimeSpan.FromSeconds(5);

    /// <summary>Paths requested in turn, e.g. one user each.</summary>
    public IReadOnlyList<string> Paths { get; init; } = ["/"];
}
