using Amazon.EC2;
using Amazon.EC2.Model;

namespace BlueGreen.Aws.Decommission;

/// <summary>
/// What the AWS Load Balancer Controller of a cluster left in the VPC: security groups it tagged
/// <c>elbv2.k8s.aws/cluster=&lt;cluster&gt;</c> and network interfaces tagged so or still using those groups.
/// Any of them blocks deleting the subnets and the VPC (the reference's most reported teardown failure).
/// </summary>
public sealed class LoadBalancerLeftovers(IAmazonEC2 ec2)
{
    /// <summary>The tag the controller puts on what it creates.</summary>
    public const string ClusterTag = "elbv2.k8s.aws/cluster";

    /// <summary>The VPC of the common stack: the one tagged with its stack name and the configured CIDR.</summary>
    public async Task<string> FindVpcAsync(string commonStackName, string cidr, CancellationToken cancellationToken)
    {
        var response = await ec2.DescribeVpcsAsync(
            new DescribeVpcsRequest
            {
                Filters = [new Filter("tag:aws:cloudformation:stack-name", [commonStackName]), new Filter("cidr-block", [cidr])],
            },
            cancellationToken).ConfigureAwait(false);
        var vpcs = response.Vpcs ?? [];
        return vpcs.Count switch
        {
            1 => vpcs[0].VpcId,
            0 => throw new InvalidOperationException($"No VPC {cidr} of the stack {commonStackName} was found; check region and environment."),
            _ => throw new InvalidOperationException($"{vpcs.Count} VPCs {cidr} carry the stack name {commonStackName}: {string.Join(", ", vpcs.Select(v => v.VpcId))}."),
        };
    }

    /// <summary>Each leftover as a sentence naming its id and what it is; empty when the VPC is clean.</summary>
    public async Task<IReadOnlyList<string>> FindAsync(string vpcId, string clusterName, CancellationToken cancellationToken)
    {
        var groups = await ec2.DescribeSecurityGroupsAsync(
            new DescribeSecurityGroupsRequest
            {
                Filters = [new Filter("vpc-id", [vpcId]), new Filter($"tag:{ClusterTag}", [clusterName])],
            },
            cancellationToken).ConfigureAwait(false);
        var groupIds = (groups.SecurityGroups ?? []).Select(g => g.GroupId).ToList();
        var leftovers = (groups.SecurityGroups ?? [])
            .Select(g => $"security group {g.GroupId} ({g.GroupName}) tagged {ClusterTag}={clusterName}")
            .ToList();

        var tagged = await DescribeInterfacesAsync(vpcId, new Filter($"tag:{ClusterTag}", [clusterName]), cancellationToken).ConfigureAwait(false);
        var usingGroups = groupIds.Count == 0 ? [] : await DescribeInterfacesAsync(vpcId, new Filter("group-id", groupIds), cancellationToken).ConfigureAwait(false);
        leftovers.AddRange(tagged.Concat(usingGroups)
            .DistinctBy(i => i.NetworkInterfaceId)
            .Select(i => $"network interface {i.NetworkInterfaceId} ({i.Description}, {i.Status})"));
        return leftovers;
    }

    private async Task<List<NetworkInterface>> DescribeInterfacesAsync(string vpcId, Filter filter, CancellationToken cancellationToken)
    {
        var response = await ec2.DescribeNetworkInterfacesAsync(
            new DescribeNetworkInterfacesRequest { Filters = [new Filter("vpc-id", [vpcId]), filter] },
            cancellationToken).ConfigureAwait(false);
        return response.NetworkInterfaces ?? [];
    }
}
