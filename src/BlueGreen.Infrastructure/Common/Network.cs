using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using BlueGreen.Core.Configuration;
using Constructs;

namespace BlueGreen.Infrastructure.Common;

/// <summary>
/// The shared VPC with the exact subnet CIDRs of the configuration, one public and one private
/// subnet per availability zone, tagged for the load balancer controller's subnet discovery.
/// </summary>
/// <remarks>
/// Built from L1 resources because the L2 VPC allocates subnet CIDRs itself and cannot take the
/// configured ones.
/// </remarks>
public sealed class Network : Construct
{
    public Network(Construct scope, string id, string environment, string region, NetworkConfig config)
        : base(scope, id)
    {
        Vpc = new CfnVPC(this, "Vpc", new CfnVPCProps
        {
            CidrBlock = config.VpcCidr,
            EnableDnsHostnames = true,
            EnableDnsSupport = true,
            Tags = [Name($"{environment}-vpc")],
        });

        var gateway = new CfnInternetGateway(this, "InternetGateway", new CfnInternetGatewayProps { Tags = [Name($"{environment}-igw")] });
        var attachment = new CfnVPCGatewayAttachment(this, "InternetGatewayAttachment", new CfnVPCGatewayAttachmentProps
        {
            VpcId = Vpc.Ref,
            InternetGatewayId = gateway.Ref,
        });

        var publicRoutes = new CfnRouteTable(this, "PublicRouteTable", new CfnRouteTableProps { VpcId = Vpc.Ref, Tags = [Name($"{environment}-public")] });
        var internetRoute = new CfnRoute(this, "PublicDefaultRoute", new CfnRouteProps
        {
            RouteTableId = publicRoutes.Ref,
            DestinationCidrBlock = "0.0.0.0/0",
            GatewayId = gateway.Ref,
        });
        // The route names the gateway, not the attachment, so CloudFormation cannot infer the order.
        internetRoute.AddDependency(attachment);

        var zones = config.AvailabilityZones;
        PublicSubnets = [.. zones.Select((zone, i) => Subnet("Public", i, zone, config.PublicSubnets[i], publicRoutes, environment, "kubernetes.io/role/elb"))];

        NatGateways = [.. Enumerable.Range(0, config.NatGateways).Select(i =>
        {
            var address = new CfnEIP(this, $"NatAddress{i + 1}", new CfnEIPProps { Domain = "vpc", Tags = [Name($"{environment}-nat-{zones[i]}")] });
            var nat = new CfnNatGateway(this, $"NatGateway{i + 1}", new CfnNatGatewayProps
            {
                SubnetId = PublicSubnets[i].Ref,
                AllocationId = address.AttrAllocationId,
                Tags = [Name($"{environment}-nat-{zones[i]}")],
            });
            nat.AddDependency(attachment);
            return nat;
        })];

        var privateRouteTables = new List<CfnRouteTable>();
        PrivateSubnets = [.. zones.Select((zone, i) =>
        {
            var routes = new CfnRouteTable(this, $"PrivateRouteTable{i + 1}", new CfnRouteTableProps { VpcId = Vpc.Ref, Tags = [Name($"{environment}-private-{zone}")] });
            privateRouteTables.Add(routes);
            if (NatGateways.Count > 0)
            {
                // With fewer NAT gateways than zones, zones share them round-robin.
                _ = new CfnRoute(this, $"PrivateDefaultRoute{i + 1}", new CfnRouteProps
                {
                    RouteTableId = routes.Ref,
                    DestinationCidrBlock = "0.0.0.0/0",
                    NatGatewayId = NatGateways[i % NatGateways.Count].Ref,
                });
            }

            return Subnet("Private", i, zone, config.PrivateSubnets[i], routes, environment, "kubernetes.io/role/internal-elb");
        })];

        if (config.DynamoDbEndpoint)
        {
            DynamoDbEndpoint = new CfnVPCEndpoint(this, "DynamoDbEndpoint", new CfnVPCEndpointProps
            {
                VpcId = Vpc.Ref,
                ServiceName = $"com.amazonaws.{region}.dynamodb",
                VpcEndpointType = "Gateway",
                RouteTableIds = [.. privateRouteTables.Select(t => t.Ref)],
            });
        }
    }

    /// <summary>cfn-lint's rule against hard-coded availability zones, suppressed on each subnet with its reason.</summary>
    public const string HardCodedZoneRule = "W3010";

    public CfnVPC Vpc { get; }

    /// <summary>Public subnets in availability-zone order: load balancers and NAT gateways.</summary>
    public IReadOnlyList<CfnSubnet> PublicSubnets { get; }

    /// <summary>Private subnets in availability-zone order: cluster nodes and pods.</summary>
    public IReadOnlyList<CfnSubnet> PrivateSubnets { get; }

    public IReadOnlyList<CfnNatGateway> NatGateways { get; }

    /// <summary>The DynamoDB gateway endpoint, when configured.</summary>
    public CfnVPCEndpoint? DynamoDbEndpoint { get; }

    private CfnSubnet Subnet(string kind, int index, string zone, string cidr, CfnRouteTable routes, string environment, string roleTag)
    {
        var subnet = new CfnSubnet(this, $"{kind}Subnet{index + 1}", new CfnSubnetProps
        {
            VpcId = Vpc.Ref,
            AvailabilityZone = zone,
            CidrBlock = cidr,
            MapPublicIpOnLaunch = false,
            Tags =
            [
                Name($"{environment}-{kind.ToLowerInvariant()}-{zone}"),
                new CfnTag { Key = roleTag, Value = "1" },
            ],
        });
        // cfn-lint's W3010 asks for zones from Fn::GetAZs; these come from the configuration on purpose, so that the
        // subnet CIDRs, the NAT placement and the reference system's zones stay exactly as configured.
        subnet.CfnOptions.Metadata = new Dictionary<string, object>
        {
            ["cfn-lint"] = new Dictionary<string, object>
            {
                ["config"] = new Dictionary<string, object>
                {
                    ["ignore_checks"] = new[] { HardCodedZoneRule },
                    ["ignore_reasons"] = new Dictionary<string, object> { [HardCodedZoneRule] = "network.availabilityZones are configured: each subnet's zone and CIDR are given together." },
                },
            },
        };
        _ = new CfnSubnetRouteTableAssociation(this, $"{kind}Subnet{index + 1}Routes", new CfnSubnetRouteTableAssociationProps
        {
            SubnetId = subnet.Ref,
            RouteTableId = routes.Ref,
        });
        return subnet;
    }

    private static CfnTag Name(string value) => new() { Key = "Name", Value = value };
}
