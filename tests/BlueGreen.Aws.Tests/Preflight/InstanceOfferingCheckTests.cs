using BlueGreen.Aws.Preflight;
using BlueGreen.Aws.Tests.Moto;
using BlueGreen.Core.Configuration;

namespace BlueGreen.Aws.Tests.Preflight;

/// <summary>The candidate's instance types against moto's EC2 instance type offerings in the zones of the common stack's private subnets.</summary>
public sealed class InstanceOfferingCheckTests : IClassFixture<MotoFixture>
{
    private static readonly EnvironmentConfig Reference = ConfigLoader.Load(Path.Combine(RepositoryRoot.Path, "bluegreen.yaml"), TimeProvider.System).Config!;

    private readonly MotoFixture _moto;

    public InstanceOfferingCheckTests(MotoFixture moto)
    {
        _moto = moto;
    }

    [Fact]
    public async Task Passes_WhenEveryTypeIsOfferedInEveryZone()
    {
        var config = Reference with { Environment = MotoFixture.NewName("env") };
        using var ec2 = _moto.Ec2(region: config.Region);
        await CommonStackNetwork.CreateAsync(ec2, config);

        var result = await new InstanceOfferingCheck(ec2).EvaluateAsync(config, config.Cluster("green"), CancellationToken.None);

        Assert.Equal(PreflightStatus.Pass, result.Status);
        Assert.StartsWith($"{string.Join(", ", config.Cluster("green").NodeGroup.InstanceTypes)} offered in every zone of the private subnets", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fails_ATypeNotOfferedThere_NamingTheZones()
    {
        var config = Reference with { Environment = MotoFixture.NewName("env") };
        var green = config.Cluster("green");
        var candidate = green with { NodeGroup = green.NodeGroup with { InstanceTypes = ["m7i.large", "x9z.huge"] } };
        using var ec2 = _moto.Ec2(region: config.Region);
        await CommonStackNetwork.CreateAsync(ec2, config);

        var result = await new InstanceOfferingCheck(ec2).EvaluateAsync(config, candidate, CancellationToken.None);

        Assert.Equal(PreflightStatus.Fail, result.Status);
        Assert.Contains($"not offered: x9z.huge in {config.Network.AvailabilityZones[0]}", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("m7i.large in", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fails_WithoutTheCommonStacksSubnets()
    {
        var config = Reference with { Environment = MotoFixture.NewName("env") };
        using var ec2 = _moto.Ec2(region: config.Region);

        var result = await new InstanceOfferingCheck(ec2).EvaluateAsync(config, config.Cluster("green"), CancellationToken.None);

        Assert.Equal(PreflightStatus.Fail, result.Status);
    }
}
