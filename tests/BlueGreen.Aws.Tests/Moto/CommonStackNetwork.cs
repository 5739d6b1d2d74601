using Amazon.EC2;
using Amazon.EC2.Model;
using BlueGreen.Core.Configuration;

namespace BlueGreen.Aws.Tests.Moto;

/// <summary>
/// The common stack's network in moto's EC2, as src/BlueGreen.Infrastructure/Common/Network.cs declares it and
/// CloudFormation tags it: the VPC and one public and one private subnet per zone, each tagged with the stack's name.
/// </summary>
internal sealed record CommonStackNetwork(string VpcId, IReadOnlyList<string> PublicSubnetIds, IReadOnlyList<string> PrivateSubnetIds)
{
    /// <summary>The tag CloudFormation puts on every resource of a stack.</summary>
    public const string StackNameTag = "aws:cloudformation:stack-name";

    /// <param name="privateZones">How many of the private subnets to create, in zone order (all by default).</param>
    public static async Task<CommonStackNetwork> CreateAsync(IAmazonEC2 ec2, EnvironmentConfig config, int? privateZones = null)
    {
        var stack = $"{config.Environment}-common";
        var network = config.Network;
        var vpc = await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = network.VpcCidr, TagSpecifications = [Tags(ResourceType.Vpc, stack, $"{config.Environment}-vpc")] });
        var vpcId = vpc.Vpc.VpcId;

        var publicIds = new List<string>();
        var privateIds = new List<string>();
        for (var i = 0; i < network.AvailabilityZones.Count; i++)
        {
            var zone = network.AvailabilityZones[i];
            publicIds.Add(await SubnetAsync(ec2, vpcId, zone, network.PublicSubnets[i], Tags(ResourceType.Subnet, stack, $"{config.Environment}-public-{zone}", "kubernetes.io/role/elb")));
            if (i < (privateZones ?? network.AvailabilityZones.Count))
            {
                privateIds.Add(await SubnetAsync(ec2, vpcId, zone, network.PrivateSubnets[i], Tags(ResourceType.Subnet, stack, $"{config.Environment}-private-{zone}", "kubernetes.io/role/internal-elb")));
            }
        }

        return new CommonStackNetwork(vpcId, publicIds, privateIds);
    }

    /// <summary>Takes <paramref name="addresses"/> private IPs of a subnet with one network interface (primary plus secondaries), as nodes and pods do.</summary>
    public static async Task UseAddressesAsync(IAmazonEC2 ec2, string subnetId, int addresses) =>
        await ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest
        {
            SubnetId = subnetId,
            Description = "aws-K8S-i-0123456789abcdef0",
            SecondaryPrivateIpAddressCount = addresses - 1,
        });

    private static async Task<string> SubnetAsync(IAmazonEC2 ec2, string vpcId, string zone, string cidr, TagSpecification tags) =>
        (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpcId, AvailabilityZone = zone, CidrBlock = cidr, TagSpecifications = [tags] })).Subnet.SubnetId;

    private static TagSpecification Tags(ResourceType type, string stack, string name, string? roleTag = null) => new()
    {
        ResourceType = type,
        Tags = [new Tag(StackNameTag, stack), new Tag("Name", name), .. roleTag is null ? Array.Empty<Tag>() : [new Tag(roleTag, "1")]],
    };
}
