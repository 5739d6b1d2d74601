using System.Text.RegularExpressions;

namespace BlueGreen.Aws.Preflight;

/// <summary>
/// How many private IPs a node takes from its subnet with the Amazon VPC CNI defaults (WARM_ENI_TARGET=1:
/// the primary network interface plus one warm one, each filled with its secondary IPs).
/// Source: Amazon EC2 User Guide, "Maximum IP addresses per network interface", values of the current
/// Nitro general purpose, compute and memory families (m5+, c5+, r5+) and of t3, per size.
/// </summary>
public static partial class NodeAddressing
{
    private static readonly Dictionary<string, (int Interfaces, int AddressesPerInterface)> BySize = new(StringComparer.Ordinal)
    {
        ["nano"] = (2, 2),
        ["micro"] = (2, 2),
        ["small"] = (3, 4),
        ["medium"] = (3, 6),
        ["large"] = (3, 10),
        ["xlarge"] = (4, 15),
        ["2xlarge"] = (4, 15),
        ["4xlarge"] = (8, 30),
        ["8xlarge"] = (8, 30),
        ["12xlarge"] = (8, 30),
        ["16xlarge"] = (15, 50),
        ["24xlarge"] = (15, 50),
        ["metal"] = (15, 50),
    };

    /// <summary>IPs one node of <paramref name="instanceType"/> holds: min(2, interfaces) x addresses per interface; null for an unknown size.</summary>
    public static int? AddressesPerNode(string instanceType)
    {
        var size = SizeOf().Match(instanceType);
        if (!size.Success || !BySize.TryGetValue(size.Groups[1].Value, out var limits))
        {
            return null;
        }

        return Math.Min(2, limits.Interfaces) * limits.AddressesPerInterface;
    }

    [GeneratedRegex("\\.([0-9]*[a-z]+)(-[0-9]+xl)?$")]
    private static partial Regex SizeOf();
}
