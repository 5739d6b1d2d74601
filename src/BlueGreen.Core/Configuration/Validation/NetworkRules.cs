using BlueGreen.Core.Configuration.Data;

namespace BlueGreen.Core.Configuration.Validation;

/// <summary>VPC, subnets and availability zones.</summary>
internal static class NetworkRules
{
    public static void Check(EnvironmentConfig c, Checker check)
    {
        var n = c.Network;
        Ipv4Cidr? vpc = null;
        if (!check.Broken("network.vpcCidr"))
        {
            if (Ipv4Cidr.TryParse(n.VpcCidr, out var parsed, out var problem))
            {
                if (check.That(parsed.PrefixLength is >= 16 and <= 28, "network.vpcCidr", $"A VPC block must have a prefix length from /16 to /28; '{n.VpcCidr}' has /{parsed.PrefixLength}.", "Use e.g. 10.0.0.0/16."))
                {
                    vpc = parsed;
                }
            }
            else
            {
                check.That(false, "network.vpcCidr", $"{problem}.", "Write an IPv4 network such as 10.0.0.0/16.");
            }
        }

        var zones = n.AvailabilityZones;
        var knownZones = AwsRegions.Zones(c.Region).ToHashSet(StringComparer.Ordinal);
        check.That(zones.Count >= 2, "network.availabilityZones", $"EKS needs subnets in at least two availability zones; {zones.Count} given.", "List two or three zones of the region.");
        for (var i = 0; i < zones.Count; i++)
        {
            var path = $"network.availabilityZones[{i}]";
            if (AwsRegions.IsKnown(c.Region))
            {
                check.That(knownZones.Contains(zones[i]), path, $"'{zones[i]}' is not an availability zone of {c.Region}.", $"Use one of: {string.Join(", ", knownZones.Order(StringComparer.Ordinal))}.");
            }

            check.That(zones.Take(i).All(z => z != zones[i]), path, $"The zone '{zones[i]}' is listed twice.", "List each zone once.");
        }

        var subnets = new List<(string Path, Ipv4Cidr Cidr)>();
        foreach (var (key, list) in new[] { ("publicSubnets", n.PublicSubnets), ("privateSubnets", n.PrivateSubnets) })
        {
            check.That(list.Count == zones.Count, $"network.{key}", $"{list.Count} {key} for {zones.Count} availability zones.", "Give one subnet per zone, in the same order as availabilityZones.");
            for (var i = 0; i < list.Count; i++)
            {
                var path = $"network.{key}[{i}]";
                if (!Ipv4Cidr.TryParse(list[i], out var cidr, out var problem))
                {
                    check.That(false, path, $"{problem}.", "Write an IPv4 network such as 10.0.1.0/24.");
                    continue;
                }

                check.That(cidr.PrefixLength is >= 16 and <= 28, path, $"A subnet must have a prefix length from /16 to /28; '{list[i]}' has /{cidr.PrefixLength}.");
                if (vpc is { } v)
                {
                    check.That(v.Contains(cidr), path, $"The subnet {list[i]} is outside the VPC {n.VpcCidr}.", "Choose a block inside the VPC's range.");
                }

                var clash = subnets.FirstOrDefault(s => s.Cidr.Overlaps(cidr));
                if (clash.Path is not null)
                {
                    check.That(false, path, $"The subnet {list[i]} overlaps {clash.Path}.", "Give every subnet its own range.");
                }

                subnets.Add((path, cidr));
            }
        }

        check.InRange(n.NatGateways, 0, Math.Max(1, zones.Count), "network.natGateways", "The number of NAT gateways");
    }
}
