using BlueGreen.Infrastructure.Clusters;

namespace BlueGreen.Infrastructure.Tests;

public sealed class NodeAmiTests
{
    [Theory]
    [InlineData("m7i.large", NodeAmi.X86)]
    [InlineData("m7i-flex.large", NodeAmi.X86)]
    [InlineData("g5.xlarge", NodeAmi.X86)]
    [InlineData("m7g.large", NodeAmi.Arm)]
    [InlineData("c7gn.large", NodeAmi.Arm)]
    [InlineData("t4g.medium", NodeAmi.Arm)]
    [InlineData("g5g.xlarge", NodeAmi.Arm)]
    public void Picks_TheAl2023ImageOfTheInstanceArchitecture(string instanceType, string ami)
    {
        Assert.Equal(ami, NodeAmi.For([instanceType]));
    }

    [Fact]
    public void Rejects_MixedArchitectures()
    {
        var error = Assert.Throws<InfrastructureConfigException>(() => NodeAmi.For(["m7i.large", "m7g.large"]));

        Assert.Contains("m7i.large, m7g.large", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_NoInstanceType()
    {
        Assert.False(NodeAmi.IsSingleArchitecture([]));
        Assert.Throws<InfrastructureConfigException>(() => NodeAmi.For([]));
    }
}
