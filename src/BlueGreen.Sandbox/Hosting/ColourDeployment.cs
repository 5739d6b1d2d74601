using System.Net;
using BlueGreen.Sandbox.Apps;
using BlueGreen.Sandbox.Faults;
using BlueGreen.Sandbox.Proxy;

namespace BlueGreen.Sandbox.Hosting;

/// <summary>One colour of the sandbox: its app instances behind its load balancer.</summary>
public sealed class ColourDeployment(string colour, string version, IPAddress address, int replicas)
{
    public string Colour => colour;

    public string Version => version;

    /// <summary>The load balancer's loopback address.</summary>
    public IPAddress Address => address;

    public int Replicas => replicas;

    public List<AppInstance> Instances { get; } = [];

    public ColourProxy? Proxy { get; set; }

    public FaultSwitch? Faults { get; set; }

    /// <summary>When the colour was stopped (decommissioned); null while it runs.</summary>
    public DateTimeOffset? StoppedAt { get; set; }

    /// <summary>Ready when its load balancer has every instance healthy.</summary>
    public bool Ready => StoppedAt is null && Proxy is { } proxy && proxy.HealthyDestinations >= replicas;
}
