using System.Globalization;
using System.Text.RegularExpressions;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Configuration.Data;
using BlueGreen.Infrastructure.Clusters;

namespace BlueGreen.Infrastructure;

/// <summary>
/// Checks what the stacks themselves rely on (subnets per zone, NAT placement, stack names that
/// cannot collide) and reports every problem at once, each with its key path and a fix.
/// </summary>
public static partial class InfrastructureConfigCheck
{
    /// <summary>Colours that would give a cluster stack the name of another stack.</summary>
    public static readonly IReadOnlyList<string> ReservedColours = ["common", "ci"];

    public static IReadOnlyList<string> Errors(EnvironmentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var errors = new List<string>();
        var network = config.Network;
        var zones = network.AvailabilityZones.Count;

        if (!StackNamePart().IsMatch(config.Environment))
        {
            errors.Add($"environment: '{config.Environment}' cannot start a CloudFormation stack name; use letters, digits and hyphens, starting with a letter.");
        }

        if (zones == 0)
        {
            errors.Add("network.availabilityZones: at least one availability zone is needed; list the zones to spread the subnets over.");
        }

        if (network.PublicSubnets.Count != zones)
        {
            errors.Add(Invariant($"network.publicSubnets: {network.PublicSubnets.Count} subnets for {zones} availability zones; give one public subnet CIDR per zone, in zone order."));
        }

        if (network.PrivateSubnets.Count != zones)
        {
            errors.Add(Invariant($"network.privateSubnets: {network.PrivateSubnets.Count} subnets for {zones} availability zones; give one private subnet CIDR per zone, in zone order."));
        }

        if (network.NatGateways < 0 || network.NatGateways > zones)
        {
            errors.Add(Invariant($"network.natGateways: {network.NatGateways} is outside 0..{zones}; a NAT gateway sits in a public subnet, at most one per zone."));
        }

        if (config.Clusters.Count == 0)
        {
            errors.Add("clusters: no cluster is configured; add one entry per colour.");
        }

        for (var i = 0; i < config.Clusters.Count; i++)
        {
            var cluster = config.Clusters[i];
            if (ReservedColours.Contains(cluster.Colour, StringComparer.OrdinalIgnoreCase) || !StackNamePart().IsMatch(cluster.Colour))
            {
                errors.Add(Invariant($"clusters[{i}].colour: '{cluster.Colour}' cannot name the stack {StackNames.Cluster(config.Environment, cluster.Colour)}; use a DNS label other than {string.Join(" or ", ReservedColours)}."));
            }

            if (config.Clusters.Take(i).Any(c => string.Equals(c.Colour, cluster.Colour, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(Invariant($"clusters[{i}].colour: '{cluster.Colour}' is configured twice; give each cluster its own colour."));
            }

            var missing = EksAddonVersions.Names.Where(name => EksAddonVersions.For(cluster, name) is null).ToList();
            if (missing.Count > 0)
            {
                errors.Add(Invariant($"clusters[{i}].addons: no version of {string.Join(", ", missing)} is known for Kubernetes {cluster.Version}; set each in clusters[{i}].addons (aws eks describe-addon-versions lists them)."));
            }

            if (!NodeAmi.IsSingleArchitecture(cluster.NodeGroup.InstanceTypes))
            {
                errors.Add(Invariant($"clusters[{i}].nodeGroup.instanceTypes: [{string.Join(", ", cluster.NodeGroup.InstanceTypes)}] must be at least one type, all arm64 (Graviton) or all x86_64; one node group runs one architecture."));
            }
        }

        return errors;
    }

    /// <summary>Throws <see cref="InfrastructureConfigException"/> listing every error, if there is any.</summary>
    public static void ThrowIfInvalid(EnvironmentConfig config)
    {
        var errors = Errors(config);
        if (errors.Count > 0)
        {
            throw new InfrastructureConfigException(errors);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex StackNamePart();
}
