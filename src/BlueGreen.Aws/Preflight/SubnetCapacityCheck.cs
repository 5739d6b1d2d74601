using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Text;

namespace BlueGreen.Aws.Preflight;

/// <summary>
/// Free IPs per private subnet (EC2 DescribeSubnets) against what the candidate's node group needs at its
/// maximum size plus one surge node, spread over the subnets as a managed node group spreads them.
/// </summary>
public sealed class SubnetCapacityCheck
{
    private const string Check = "subnet free IPs";

    private readonly IAmazonEC2 _ec2;

    public SubnetCapacityCheck(IAmazonEC2 ec2)
    {
        ArgumentNullException.ThrowIfNull(ec2);
        _ec2 = ec2;
    }

    /// <summary>The stack that owns the subnets: CloudFormation tags every subnet it creates with its stack name.</summary>
    public static string CommonStackName(EnvironmentConfig config) => $"{config.Environment}-common";

    public async Task<PreflightResult> EvaluateAsync(EnvironmentConfig config, ClusterConfig candidate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(candidate);
        var perNode = candidate.NodeGroup.InstanceTypes.Select(NodeAddressing.AddressesPerNode).ToList();
        if (perNode.Any(p => p is null))
        {
            return PreflightResult.Warn(Check, $"The addresses per node of {string.Join(", ", candidate.NodeGroup.InstanceTypes)} are not in the table; check the subnets by hand.");
        }

        DescribeSubnetsResponse response;
        try
        {
            response = await _ec2.DescribeSubnetsAsync(
                new DescribeSubnetsRequest
                {
                    Filters =
                    [
                        new Filter("cidr-block", [.. config.Network.PrivateSubnets]),
                        new Filter("tag:aws:cloudformation:stack-name", [CommonStackName(config)]),
                    ],
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonEC2Exception e)
        {
            return PreflightResult.Fail(Check, $"EC2 DescribeSubnets failed ({e.ErrorCode}: {e.Message}). The caller needs ec2:DescribeSubnets.");
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            return PreflightResult.Fail(Check, $"EC2 could not be reached for DescribeSubnets: {Sentences.Clause(e.Message)}. Check the network, the region ({config.Region}) and AWS_ENDPOINT_URL_EC2 / AWS_ENDPOINT_URL.");
        }

        var subnets = response.Subnets ?? [];
        var missing = config.Network.PrivateSubnets.Where(cidr => subnets.All(s => s.CidrBlock != cidr)).ToList();
        if (missing.Count > 0)
        {
            return PreflightResult.Fail(Check, $"No subnet {string.Join(", ", missing)} of the stack {CommonStackName(config)} was found in {config.Region}. Deploy the common stack first (npx cdk deploy {CommonStackName(config)}).");
        }

        // The largest type decides, and the managed node group spreads nodes evenly over the subnets.
        var nodes = candidate.NodeGroup.MaxSize + 1;
        var perSubnet = (int)Math.Ceiling((double)nodes / subnets.Count) * perNode.Max()!.Value;
        var shortest = subnets.OrderBy(s => s.AvailableIpAddressCount ?? 0).First();
        var free = shortest.AvailableIpAddressCount ?? 0;
        var summary = string.Join(", ", subnets.OrderBy(s => s.CidrBlock, StringComparer.Ordinal).Select(s => $"{s.SubnetId} {s.CidrBlock} {s.AvailableIpAddressCount ?? 0} free"));
        if (free < perSubnet)
        {
            return PreflightResult.Fail(Check, $"{shortest.SubnetId} ({shortest.CidrBlock}) has {free} free IPs; {candidate.Colour}'s nodes need about {perSubnet} per subnet ({nodes} nodes incl. one surge). Free addresses (delete unused ENIs) or use larger subnets. {summary}.");
        }

        if (free < 2 * perSubnet)
        {
            return PreflightResult.Warn(Check, $"Less than twice the {perSubnet} IPs per subnet the nodes need are free in {shortest.SubnetId}; pods beyond the warm pool will take more. {summary}.");
        }

        return PreflightResult.Pass(Check, $"Need about {perSubnet} per subnet; {summary}.");
    }
}
