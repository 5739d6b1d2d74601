using BlueGreen.Core.Configuration;

namespace BlueGreen.Infrastructure.Tests;

public sealed class InfrastructureConfigCheckTests
{
    [Fact]
    public void Accepts_TheDefaultConfiguration()
    {
        Assert.Empty(InfrastructureConfigCheck.Errors(TestConfigs.Default()));
        Assert.Empty(InfrastructureConfigCheck.Errors(TestConfigs.AllOptions()));
    }

    [Fact]
    public void Rejects_SubnetListsThatDoNotMatchTheZones()
    {
        var config = TestConfigs.Default();
        config = config with { Network = config.Network with { PublicSubnets = ["10.0.0.0/24"], PrivateSubnets = [] } };

        var errors = InfrastructureConfigCheck.Errors(config);

        Assert.Contains(errors, e => e.StartsWith("network.publicSubnets: 1 subnets for 3 availability zones", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("network.privateSubnets: 0 subnets for 3 availability zones", StringComparison.Ordinal));
    }

    [Fact]
    public void Rejects_NoAvailabilityZone()
    {
        var config = TestConfigs.Default();
        config = config with { Network = config.Network with { AvailabilityZones = [], PublicSubnets = [], PrivateSubnets = [], NatGateways = 0 } };

        Assert.Equal(["network.availabilityZones: at least one availability zone is needed; list the zones to spread the subnets over."], InfrastructureConfigCheck.Errors(config));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void Rejects_NatGatewaysOutsideZeroToZoneCount(int natGateways)
    {
        var config = TestConfigs.Default();
        config = config with { Network = config.Network with { NatGateways = natGateways } };

        var error = Assert.Single(InfrastructureConfigCheck.Errors(config));

        Assert.StartsWith($"network.natGateways: {natGateways} is outside 0..3", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("common")]
    [InlineData("CI")]
    [InlineData("blue_2")]
    public void Rejects_AColourThatCannotNameItsOwnStack(string colour)
    {
        var config = TestConfigs.Default() with { Clusters = [TestConfigs.Cluster(colour, "1.33")] };

        var error = Assert.Single(InfrastructureConfigCheck.Errors(config));

        Assert.StartsWith($"clusters[0].colour: '{colour}' cannot name the stack test-{colour}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_AColourConfiguredTwice()
    {
        var config = TestConfigs.Default() with { Clusters = [TestConfigs.Cluster("blue", "1.32"), TestConfigs.Cluster("Blue", "1.33")] };

        Assert.Equal(["clusters[1].colour: 'Blue' is configured twice; give each cluster its own colour."], InfrastructureConfigCheck.Errors(config));
    }

    [Fact]
    public void Rejects_NoCluster()
    {
        var config = TestConfigs.Default() with { Clusters = [] };

        Assert.Equal(["clusters: no cluster is configured; add one entry per colour."], InfrastructureConfigCheck.Errors(config));
    }

    [Fact]
    public void Rejects_AnEnvironmentNameThatCannotStartAStackName()
    {
        var config = TestConfigs.Default() with { Environment = "1st" };

        Assert.StartsWith("environment: '1st' cannot start a CloudFormation stack name", Assert.Single(InfrastructureConfigCheck.Errors(config)), StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_MixedArchitecturesInANodeGroup()
    {
        var blue = TestConfigs.Cluster("blue", "1.32");
        var config = TestConfigs.Default() with { Clusters = [blue with { NodeGroup = blue.NodeGroup with { InstanceTypes = ["m7i.large", "m7g.large"] } }] };

        Assert.StartsWith("clusters[0].nodeGroup.instanceTypes: [m7i.large, m7g.large]", Assert.Single(InfrastructureConfigCheck.Errors(config)), StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsEveryProblemAtOnce()
    {
        var config = TestConfigs.Default() with { Environment = "", Clusters = [] };

        var error = Assert.Throws<InfrastructureConfigException>(() => InfrastructureConfigCheck.ThrowIfInvalid(config));

        Assert.Equal(2, error.Errors.Count);
        Assert.Contains("environment:", error.Message, StringComparison.Ordinal);
        Assert.Contains("clusters:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiresAConfiguration()
    {
        Assert.Throws<ArgumentNullException>(() => InfrastructureConfigCheck.Errors(null!));
    }
}
