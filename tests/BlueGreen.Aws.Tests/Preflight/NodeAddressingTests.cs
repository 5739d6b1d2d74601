using BlueGreen.Aws.Preflight;

namespace BlueGreen.Aws.Tests.Preflight;

public sealed class NodeAddressingTests
{
    [Theory]
    [InlineData("m7i.large", 20)]
    [InlineData("m7i.xlarge", 30)]
    [InlineData("c7g.4xlarge", 60)]
    [InlineData("m7i.metal-24xl", 100)]
    public void CountsThePrimaryAndTheWarmInterface(string type, int addresses)
    {
        Assert.Equal(addresses, NodeAddressing.AddressesPerNode(type));
    }

    [Fact]
    public void KnowsNoUnlistedSize()
    {
        Assert.Null(NodeAddressing.AddressesPerNode("x2iedn.32xlarge"));
    }
}
