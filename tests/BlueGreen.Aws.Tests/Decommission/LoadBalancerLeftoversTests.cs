using Amazon.EC2;
using Amazon.EC2.Model;
using BlueGreen.Aws.Decommission;
using BlueGreen.Aws.Tests.Moto;
using BlueGreen.Core.Configuration;

namespace BlueGreen.Aws.Tests.Decommission;

/// <summary>
/// On moto's EC2: the common stack's VPC with what the AWS Load Balancer Controller of each colour leaves there (its
/// tagged security groups, the ALB's network interfaces using them), and what it does not own.
/// </summary>
public sealed class LoadBalancerLeftoversTests : IClassFixture<MotoFixture>
{
    private static readonly EnvironmentConfig Reference = ConfigLoader.Load(Path.Combine(RepositoryRoot.Path, "bluegreen.yaml"), TimeProvider.System).Config!;

    private readonly MotoFixture _moto;

    public LoadBalancerLeftoversTests(MotoFixture moto)
    {
        _moto = moto;
    }

    [Fact]
    public async Task AVpcWithOnlyTheOtherColoursLoadBalancer_HasNoLeftoversOfThisOne()
    {
        var config = NewEnvironment();
        using var ec2 = _moto.Ec2(region: config.Region);
        var network = await CommonStackNetwork.CreateAsync(ec2, config);
        var greens = await ControllerGroupAsync(ec2, network.VpcId, "test-green", "k8s-app-sampleap-9d8c7b6a5f");
        await AlbInterfaceAsync(ec2, network.PublicSubnetIds[0], "app/k8s-app-sampleap-9d8c7b6a5f/60ed7d5a6d1d2299", greens);
        await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { VpcId = network.VpcId, GroupName = "bastion", Description = "not the controller's" });

        // The same controller tag for blue, but in another VPC.
        var elsewhere = await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.1.0.0/16" });
        await ControllerGroupAsync(ec2, elsewhere.Vpc.VpcId, "test-blue", "k8s-app-sampleap-0a0a0a0a0a");

        Assert.Empty(await new LoadBalancerLeftovers(ec2).FindAsync(network.VpcId, "test-blue", CancellationToken.None));
    }

    [Fact]
    public async Task NamesTheControllersSecurityGroups_AndTheAlbInterfaceStillUsingThem()
    {
        var config = NewEnvironment();
        using var ec2 = _moto.Ec2(region: config.Region);
        var network = await CommonStackNetwork.CreateAsync(ec2, config);
        var frontend = await ControllerGroupAsync(ec2, network.VpcId, "test-blue", "k8s-app-sampleap-3f9c1d2e4b");
        var backend = await ControllerGroupAsync(ec2, network.VpcId, "test-blue", "k8s-traffic-testblue-0a1b2c3d4e", backend: true);
        var alb = await AlbInterfaceAsync(ec2, network.PublicSubnetIds[1], "app/k8s-app-sampleap-3f9c1d2e4b/50dc6c495c0c9188", frontend, backend);

        var leftovers = await new LoadBalancerLeftovers(ec2).FindAsync(network.VpcId, "test-blue", CancellationToken.None);

        Assert.Equal(
            new[]
            {
                $"security group {frontend} (k8s-app-sampleap-3f9c1d2e4b) tagged elbv2.k8s.aws/cluster=test-blue",
                $"security group {backend} (k8s-traffic-testblue-0a1b2c3d4e) tagged elbv2.k8s.aws/cluster=test-blue",
                $"network interface {alb} (ELB app/k8s-app-sampleap-3f9c1d2e4b/50dc6c495c0c9188, available)",
            }.Order(StringComparer.Ordinal),
            leftovers.Order(StringComparer.Ordinal));
        Assert.Equal(3, leftovers.Count);
    }

    [Fact]
    public async Task AnInterfaceTaggedForTheCluster_IsALeftover_EvenWithoutItsGroups()
    {
        var config = NewEnvironment();
        using var ec2 = _moto.Ec2(region: config.Region);
        var network = await CommonStackNetwork.CreateAsync(ec2, config);
        var eni = await ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest
        {
            SubnetId = network.PrivateSubnetIds[0],
            Description = "ELB net/k8s-app-samplen-7e6d5c4b3a/1f2e3d4c5b6a7980",
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.NetworkInterface, Tags = [new Tag(LoadBalancerLeftovers.ClusterTag, "test-blue")] }],
        });

        var leftovers = await new LoadBalancerLeftovers(ec2).FindAsync(network.VpcId, "test-blue", CancellationToken.None);

        Assert.Equal([$"network interface {eni.NetworkInterface.NetworkInterfaceId} (ELB net/k8s-app-samplen-7e6d5c4b3a/1f2e3d4c5b6a7980, available)"], leftovers);
    }

    [Fact]
    public async Task AnInterfaceBothTaggedAndUsingTheGroup_IsNamedOnce()
    {
        var config = NewEnvironment();
        using var ec2 = _moto.Ec2(region: config.Region);
        var network = await CommonStackNetwork.CreateAsync(ec2, config);
        var group = await ControllerGroupAsync(ec2, network.VpcId, "test-blue", "k8s-app-sampleap-3f9c1d2e4b");
        var eni = await ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest
        {
            SubnetId = network.PublicSubnetIds[0],
            Description = "ELB app/k8s-app-sampleap-3f9c1d2e4b/50dc6c495c0c9188",
            Groups = [group],
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.NetworkInterface, Tags = [new Tag(LoadBalancerLeftovers.ClusterTag, "test-blue")] }],
        });

        var leftovers = await new LoadBalancerLeftovers(ec2).FindAsync(network.VpcId, "test-blue", CancellationToken.None);

        Assert.Single(leftovers, l => l.Contains(eni.NetworkInterface.NetworkInterfaceId, StringComparison.Ordinal));
        Assert.Equal(2, leftovers.Count);
    }

    [Fact]
    public async Task FindsTheCommonStacksVpc_ByItsStackNameAndCidr()
    {
        var config = NewEnvironment();
        using var ec2 = _moto.Ec2(region: config.Region);
        var network = await CommonStackNetwork.CreateAsync(ec2, config);
        await CommonStackNetwork.CreateAsync(ec2, NewEnvironment());

        Assert.Equal(network.VpcId, await new LoadBalancerLeftovers(ec2).FindVpcAsync($"{config.Environment}-common", "10.0.0.0/16", CancellationToken.None));
    }

    [Fact]
    public async Task NoVpcOfTheStack_SaysWhatToCheck()
    {
        var config = NewEnvironment();
        using var ec2 = _moto.Ec2(region: config.Region);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new LoadBalancerLeftovers(ec2).FindVpcAsync($"{config.Environment}-common", "10.0.0.0/16", CancellationToken.None));

        Assert.Equal($"No VPC 10.0.0.0/16 of the stack {config.Environment}-common was found; check region and environment.", error.Message);
    }

    [Fact]
    public async Task TwoVpcsOfTheStack_AreNamed()
    {
        var config = NewEnvironment();
        using var ec2 = _moto.Ec2(region: config.Region);
        var first = await CommonStackNetwork.CreateAsync(ec2, config);
        var second = await CommonStackNetwork.CreateAsync(ec2, config);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new LoadBalancerLeftovers(ec2).FindVpcAsync($"{config.Environment}-common", "10.0.0.0/16", CancellationToken.None));

        Assert.StartsWith($"2 VPCs 10.0.0.0/16 carry the stack name {config.Environment}-common: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(first.VpcId, error.Message, StringComparison.Ordinal);
        Assert.Contains(second.VpcId, error.Message, StringComparison.Ordinal);
    }

    private static EnvironmentConfig NewEnvironment() => Reference with { Environment = MotoFixture.NewName("env") };

    // Tagged as the controller tags what it creates: a managed frontend group per load balancer, or the shared backend group.
    private static async Task<string> ControllerGroupAsync(IAmazonEC2 ec2, string vpcId, string cluster, string name, bool backend = false)
    {
        List<Tag> tags = backend
            ? [new(LoadBalancerLeftovers.ClusterTag, cluster), new("elbv2.k8s.aws/type", "backend")]
            : [new(LoadBalancerLeftovers.ClusterTag, cluster), new("ingress.k8s.aws/resource", "ManagedLBSecurityGroup"), new("ingress.k8s.aws/stack", "app/sample-app")];
        var group = await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
        {
            VpcId = vpcId,
            GroupName = name,
            Description = backend ? "[k8s] Shared Backend SecurityGroup for LoadBalancer" : "[k8s] Managed SecurityGroup for LoadBalancer",
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.SecurityGroup, Tags = tags }],
        });
        return group.GroupId;
    }

    // Elastic Load Balancing's own interface for an ALB: untagged, described by the load balancer, in the controller's groups.
    private static async Task<string> AlbInterfaceAsync(IAmazonEC2 ec2, string subnetId, string loadBalancer, params string[] groups) =>
        (await ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = subnetId, Description = $"ELB {loadBalancer}", Groups = [.. groups] })).NetworkInterface.NetworkInterfaceId;
}
