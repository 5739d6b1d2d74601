using System.Net;
using Amazon.EC2.Model;
using BlueGreen.Aws.Preflight;
using BlueGreen.Aws.Tests.Moto;
using BlueGreen.Core.Configuration;

namespace BlueGreen.Aws.Tests.Preflight;

/// <summary>
/// On moto's EC2, with the common stack's subnets as CloudFormation creates and tags them. moto counts every private
/// IP a network interface takes, so a subnet is crowded here the way nodes and pods crowd it. Each test is its own
/// environment, so the stack names (and so the subnets found) never mix.
/// </summary>
public sealed class SubnetCapacityCheckTests : IClassFixture<MotoFixture>
{
    private static readonly EnvironmentConfig Reference = ConfigLoader.Load(Path.Combine(RepositoryRoot.Path, "bluegreen.yaml"), TimeProvider.System).Config!;

    private readonly MotoFixture _moto;

    public SubnetCapacityCheckTests(MotoFixture moto)
    {
        _moto = moto;
    }

    [Fact]
    public async Task Passes_WhenEveryPrivateSubnetHasRoom_ListingThem()
    {
        var config = NewEnvironment();
        using var ec2 = _moto.Ec2(region: config.Region);
        var network = await CommonStackNetwork.CreateAsync(ec2, config);

        var result = await new SubnetCapacityCheck(ec2).EvaluateAsync(config, config.Cluster("green"), CancellationToken.None);

        // m7i.large: 2 interfaces x 10 addresses per node; 3 + 1 surge nodes over 3 subnets is 2 per subnet. moto leaves 251 of a /24.
        Assert.Equal(PreflightStatus.Pass, result.Status);
        Assert.Equal($"Need about 40 per subnet; {network.PrivateSubnetIds[0]} 10.0.100.0/24 251 free, {network.PrivateSubnetIds[1]} 10.0.101.0/24 251 free, {network.PrivateSubnetIds[2]} 10.0.102.0/24 251 free.", result.Detail);
    }

    [Fact]
    public async Task Fails_ASubnetWithTooFewFreeIps_NamingIt()
    {
        var config = NewEnvironment();
        using var ec2 = _moto.Ec2(region: config.Region);
        var network = await CommonStackNetwork.CreateAsync(ec2, config);
        await CommonStackNetwork.UseAddressesAsync(ec2, network.PrivateSubnetIds[1], 221);

        var result = await new SubnetCapacityCheck(ec2).EvaluateAsync(config, config.Cluster("green"), CancellationToken.None);

        Assert.Equal(PreflightStatus.Fail, result.Status);
        Assert.StartsWith($"{network.PrivateSubnetIds[1]} (10.0.101.0/24) has 30 free IPs; green's nodes need about 40 per subnet (4 nodes incl. one surge). Free addresses (delete unused ENIs) or use larger subnets.", result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(212, PreflightStatus.Fail)]
    [InlineData(211, PreflightStatus.Warn)]
    [InlineData(172, PreflightStatus.Warn)]
    [InlineData(171, PreflightStatus.Pass)]
    public async Task Judges_TheFreeIpsAgainstOnceAndTwiceTheNeed(int used, PreflightStatus expected)
    {
        // 251 free less the used ones: 40 free is just enough to warn rather than fail, 80 just enough to pass.
        var config = NewEnvironment();
        using var ec2 = _moto.Ec2(region: config.Region);
        var network = await CommonStackNetwork.CreateAsync(ec2, config);
        await CommonStackNetwork.UseAddressesAsync(ec2, network.PrivateSubnetIds[2], used);

        var result = await new SubnetCapacityCheck(ec2).EvaluateAsync(config, config.Cluster("green"), CancellationToken.None);

        Assert.Equal(expected, result.Status);
        Assert.Contains($"{network.PrivateSubnetIds[2]} 10.0.102.0/24 {251 - used} free", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountsOnlyTheSubnetsOfThisEnvironmentsCommonStack()
    {
        var config = NewEnvironment();
        using var ec2 = _moto.Ec2(region: config.Region);
        await CommonStackNetwork.CreateAsync(ec2, config);

        // Another environment's common stack with the same CIDRs, crowded: not this environment's business.
        var other = NewEnvironment();
        var crowded = await CommonStackNetwork.CreateAsync(ec2, other);
        await CommonStackNetwork.UseAddressesAsync(ec2, crowded.PrivateSubnetIds[0], 240);

        var result = await new SubnetCapacityCheck(ec2).EvaluateAsync(config, config.Cluster("green"), CancellationToken.None);

        Assert.Equal(PreflightStatus.Pass, result.Status);
        Assert.DoesNotContain(crowded.PrivateSubnetIds[0], result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fails_WhenTheCommonStacksSubnetsAreMissing()
    {
        var config = NewEnvironment();
        using var ec2 = _moto.Ec2(region: config.Region);
        await CommonStackNetwork.CreateAsync(ec2, config, privateZones: 1);

        var result = await new SubnetCapacityCheck(ec2).EvaluateAsync(config, config.Cluster("green"), CancellationToken.None);

        Assert.Equal(PreflightStatus.Fail, result.Status);
        Assert.Equal($"No subnet 10.0.101.0/24, 10.0.102.0/24 of the stack {config.Environment}-common was found in ap-northeast-1. Deploy the common stack first (npx cdk deploy {config.Environment}-common).", result.Detail);
    }

    [Fact]
    public async Task Fails_WhenEc2DeniesTheCall()
    {
        // moto does not enforce IAM; EC2's UnauthorizedOperation answer is injected in its place.
        var config = NewEnvironment();
        using var network = new FaultInjectingHandler().AnswerInstead(r => r.Body.Contains("Action=DescribeSubnets", StringComparison.Ordinal), HttpStatusCode.Forbidden, "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation.</Message></Error></Errors><RequestID>req-1</RequestID></Response>");
        using var ec2 = _moto.Ec2(network, config.Region);

        var result = await new SubnetCapacityCheck(ec2).EvaluateAsync(config, config.Cluster("green"), CancellationToken.None);

        Assert.Equal(PreflightStatus.Fail, result.Status);
        Assert.Equal("EC2 DescribeSubnets failed (UnauthorizedOperation: You are not authorized to perform this operation.). The caller needs ec2:DescribeSubnets.", result.Detail);
    }

    [Fact]
    public async Task Fails_WhenEc2CannotBeReached_SayingWhatToCheck()
    {
        var config = NewEnvironment();
        using var network = new FaultInjectingHandler().Refuse(_ => true);
        using var ec2 = _moto.Ec2(network, config.Region);

        var result = await new SubnetCapacityCheck(ec2).EvaluateAsync(config, config.Cluster("green"), CancellationToken.None);

        Assert.Equal(PreflightStatus.Fail, result.Status);
        Assert.StartsWith("EC2 could not be reached for DescribeSubnets:", result.Detail, StringComparison.Ordinal);
        Assert.EndsWith("Check the network, the region (ap-northeast-1) and AWS_ENDPOINT_URL_EC2 / AWS_ENDPOINT_URL.", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warns_WithoutAsking_ForAnInstanceTypeOutsideTheTable()
    {
        var config = NewEnvironment();
        var green = config.Cluster("green");
        var odd = green with { NodeGroup = green.NodeGroup with { InstanceTypes = ["u7i-12tb.224xlarge"] } };
        using var network = new FaultInjectingHandler();
        using var ec2 = _moto.Ec2(network, config.Region);

        var result = await new SubnetCapacityCheck(ec2).EvaluateAsync(config, odd, CancellationToken.None);

        Assert.Equal(PreflightStatus.Warn, result.Status);
        Assert.Empty(network.Requests);
    }

    private static EnvironmentConfig NewEnvironment() => Reference with { Environment = MotoFixture.NewName("env") };
}
