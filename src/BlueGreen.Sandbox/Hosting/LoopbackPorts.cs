using System.Net;
using System.Net.Sockets;
using BlueGreen.Core.Text;

namespace BlueGreen.Sandbox.Hosting;

/// <summary>Finds free TCP ports on loopback addresses.</summary>
public static class LoopbackPorts
{
    private const int Attempts = 20;

    /// <summary>A TCP port free on 127.0.0.1 now.</summary>
    public static int FreeTcpPort() => FreeTcpPort([IPAddress.Loopback]);

    /// <summary>A TCP port free on every one of <paramref name="addresses"/> now, so all colours can share one service port.</summary>
    public static int FreeTcpPort(IReadOnlyList<IPAddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentOutOfRangeException.ThrowIfZero(addresses.Count);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            using var first = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                first.Bind(new IPEndPoint(addresses[0], 0));
            }
            catch (SocketException e)
            {
                throw new SandboxException($"No TCP port can be bound on {addresses[0]}: {Sentences.Clause(e.Message)}. Check that the loopback address exists on this machine (Linux routes all of 127.0.0.0/8 to loopback).", e);
            }

            var port = ((IPEndPoint)first.LocalEndPoint!).Port;
            if (addresses.Skip(1).All(a => IsFree(a, port)))
            {
                return port;
            }
        }

        throw new SandboxException($"No TCP port is free on all of {string.Join(", ", addresses)} after {Attempts} attempts. Stop what listens on these loopback addresses, or set a fixed service port that is free.");
    }

    /// <summary>Whether <paramref name="port"/> can be bound on <paramref name="address"/> now.</summary>
    public static bool IsFree(IPAddress address, int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(address, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
