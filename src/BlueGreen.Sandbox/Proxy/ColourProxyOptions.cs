using System.Net;
using BlueGreen.Sandbox.Faults;

namespace BlueGreen.Sandbox.Proxy;

/// <summary>One colour's load balancer: where it listens, what it balances over, how it checks health.</summary>
public sealed record ColourProxyOptions
{
    public required string Colour { get; init; }

    /// <summary>The colour's own loopback address, e.g. 127.0.0.3.</summary>
    public required IPAddress Address { get; init; }

    public required int Port { get; init; }

    /// <summary>The app instances, e.g. http://127.0.0.1:41234/.</summary>
    public required IReadOnlyList<Uri> Destinations { get; init; }

    /// <summary>Path of the active health check.</summary>
    public string HealthPath { get; init; } = "/readyz";

    /// <summary>How often each destination is probed; 500 ms notices a dead instance within about a second.</summary>
    public TimeSpan HealthInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Error and latency faults applied to user requests (not to health checks); null for none.</summary>
    public FaultSwitch? Faults { get; init; }
}
