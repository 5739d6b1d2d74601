using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace BlueGreen.Core.Configuration;

/// <summary>An IPv4 network in CIDR notation whose address is the network's first address.</summary>
public readonly record struct Ipv4Cidr(uint Network, int PrefixLength)
{
    /// <summary>Number of addresses in the network.</summary>
    public ulong Size => 1UL << (32 - PrefixLength);

    private uint Last => (uint)(Network + Size - 1);

    /// <summary>Parses <c>a.b.c.d/n</c>; the address must be the network address (no host bits set).</summary>
    public static bool TryParse(string? text, out Ipv4Cidr cidr, out string? problem)
    {
        cidr = default;
        problem = null;
        var parts = (text ?? string.Empty).Split('/');
        if (parts.Length != 2
            || !IPAddress.TryParse(parts[0], out var address)
            || address.AddressFamily != AddressFamily.InterNetwork
            || parts[0].Split('.').Length != 4
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)
            || prefix is < 0 or > 32)
        {
            problem = $"'{text}' is not an IPv4 CIDR block";
            return false;
        }

        var bytes = address.GetAddressBytes();
        var value = ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        if ((value & ~mask) != 0)
        {
            var network = value & mask;
            problem = string.Create(CultureInfo.InvariantCulture, $"'{text}' has host bits set; the network address is {network >> 24}.{(network >> 16) & 255}.{(network >> 8) & 255}.{network & 255}/{prefix}");
            return false;
        }

        cidr = new Ipv4Cidr(value, prefix);
        return true;
    }

    /// <summary>Whether every address of <paramref name="other"/> is in this network.</summary>
    public bool Contains(Ipv4Cidr other) => other.Network >= Network && other.Last <= Last;

    /// <summary>Whether the two networks share an address.</summary>
    public bool Overlaps(Ipv4Cidr other) => Network <= other.Last && other.Network <= Last;
}
