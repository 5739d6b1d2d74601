using Amazon.EC2;
using Amazon.EC2.Model;
using BlueGreen.Core.Configuration;

namespace BlueGreen.Aws.Preflight;

/// <summary>
/// Every instance type of the candidate's node group must be offered in every zone of its private subnets
/// (EC2 DescribeInstanceTypeOfferings by availability zone); a node group cannot launch a type where it is not offered.
/// </summary>
public sealed class InstanceOfferingCheck(IAmazonEC2 ec2)
{
    private const string Check = "instance types offered";

    public async Task<PreflightResult> EvaluateAsync(EnvironmentConfig config, ClusterConfig candidate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(candidate);
        var subnets = await ec2.DescribeSubnetsAsync(
            new DescribeSubnetsRequest
            {
                Filters = [new Filter("cidr-block", [.. config.Network.PrivateSubnets]), new Filter("tag:aws:cloudformation:stack-name", [SubnetCapacityCheck.CommonStackName(config)])],
            },
            cancellationToken).ConfigureAwait(false);
        var zones = (subnets.Subnets ?? []).Select(s => s.AvailabilityZone).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (zones.Count == 0)
        {
            return PreflightResult.Fail(Check, $"No private subnet of the stack {SubnetCapacityCheck.CommonStackName(config)} was found in {config.Region}; deploy the common stack first.");
        }

        var offerings = await ec2.DescribeInstanceTypeOfferingsAsync(
            new DescribeInstanceTypeOfferingsRequest
            {
                LocationType = LocationType.AvailabilityZone,
                Filters = [new Filter("instance-type", [.. candidate.NodeGroup.InstanceTypes]), new Filter("location", zones)],
            },
            cancellationToken).ConfigureAwait(false);
        var offered = (offerings.InstanceTypeOfferings ?? []).Select(o => (Type: o.InstanceType.Value, Zone: o.Location)).ToHashSet();
        var missing = candidate.NodeGroup.InstanceTypes
            .SelectMany(t => zones.Where(z => !offered.Contains((t, z))).Select(z => $"{t} in {z}"))
            .ToList();
        return missing.Count == 0
            ? PreflightResult.Pass(Check, $"{string.Join(", ", candidate.NodeGroup.InstanceTypes)} offered in every zone of the private subnets ({string.Join(", ", zones)}).")
            : PreflightResult.Fail(Check, $"{candidate.Colour}: not offered: {string.Join(", ", missing)}. Pick instance types offered in every zone (aws ec2 describe-instance-type-offerings --location-type availability-zone).");
    }
}
