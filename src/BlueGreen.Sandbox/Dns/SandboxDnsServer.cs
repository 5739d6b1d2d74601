using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net.Dns;

namespace BlueGreen.Sandbox.Dns;

/// <summary>The sandbox's authoritative DNS server: answers for one <see cref="SandboxZone"/> over UDP on a loopback address.</summary>
public sealed class SandboxDnsServer : IDisposable
{
    private const int QueryTimeoutMilliseconds = 2000;
    private readonly SandboxZone _zone;
    private readonly DnsServer _server;

    private SandboxDnsServer(SandboxZone zone, IPEndPoint endpoint)
    {
        _zone = zone;
        Endpoint = endpoint;
        _server = new DnsServer(new UdpServerTransport(endpoint, QueryTimeoutMilliseconds));
        _server.QueryReceived += OnQueryReceivedAsync;
    }

    /// <summary>Where the server listens.</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>
    /// Starts a server for <paramref name="zone"/> on <paramref name="address"/>; port 0 takes a free port.
    /// Throws <see cref="SocketException"/> when the port is taken.
    /// </summary>
    public static SandboxDnsServer Start(SandboxZone zone, IPAddress address, int port = 0)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(address);
        if (!IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"The sandbox DNS server only listens on loopback addresses, not {address}.", nameof(address));
        }

        var endpoint = new IPEndPoint(address, port == 0 ? FreeUdpPort(address) : port);
        EnsureUdpPortFree(endpoint);
        var server = new SandboxDnsServer(zone, endpoint);
        server._server.Start();
        return server;
    }

    public void Dispose() => _server.Stop();

    private Task OnQueryReceivedAsync(object sender, QueryReceivedEventArgs e)
    {
        if (e.Query is DnsMessage query)
        {
            e.Response = _zone.Answer(query);
        }

        return Task.CompletedTask;
    }

    private static int FreeUdpPort(IPAddress address)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(address, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    // ARSoft binds on a background task and reports a taken port only through its exception
    // event; binding once here first turns "port in use" into an error the caller sees.
    private static void EnsureUdpPortFree(IPEndPoint endpoint)
    {
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(endpoint);
    }
}
