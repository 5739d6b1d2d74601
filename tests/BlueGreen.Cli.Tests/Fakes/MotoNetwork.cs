using Amazon.EC2;
using Amazon.EC2.Model;
using BlueGreen.Core.Configuration;

namespace BlueGreen.Cli.Tests.Fakes;

/// <summary>The common stack's VPC and subnets in moto, tagged as CloudFormation tags what it creates.</summary>
internal static class MotoNetwork
{
    /// <summary>Creates the VPC and every subnet of <paramref name="config"/>; returns the VPC id and the private subnets' ids by CIDR.</summary>
    public static async Task<(string VpcId, IReadOnlyDictionary<string, string> PrivateSubnets)> CreateCommonAsync(IAmazonEC2 ec2, EnvironmentConfig config)
    {
        var stack = new Tag("aws:cloudformation:stack-name", $"{config.Environment}-common");
        var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = config.Network.VpcCidr })).Vpc.VpcId;
        await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [vpc], Tags = [stack] });
        var privateSubnets = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < config.Network.AvailabilityZones.Count; i++)
        {
            foreach (var (cidr, role, isPrivate) in new[] { (config.Network.PublicSubnets[i], "kubernetes.io/role/elb", false), (config.Network.PrivateSubnets[i], "kubernetes.io/role/internal-elb", true) })
            {
                var subnet = (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = cidr, AvailabilityZone = config.Network.AvailabilityZones[i] })).Subnet.SubnetId;
                await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [subnet], Tags = [stack, new Tag(role, "1")] });
                if (isPrivate)
                {
                    privateSubnets[cidr] = subnet;
                }
            }
        }

        return (vpc, privateSubnets);
    }
}
