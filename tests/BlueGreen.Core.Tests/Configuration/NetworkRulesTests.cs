namespace BlueGreen.Core.Tests.Configuration;

public sealed class NetworkRulesTests
{
    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0/16")]
    [InlineData("ten/16")]
    [InlineData("10.0.0.0")]
    public void Rejects_InvalidVpcCidr(string cidr)
    {
        var errors = TestConfig.Parse(TestConfig.With("  vpcCidr: 10.0.0.0/16", $"  vpcCidr: {cidr}")).Errors;

        var error = Assert.Single(errors);
        Assert.Equal("network.vpcCidr", error.KeyPath);
        Assert.Equal($"'{cidr}' is not an IPv4 CIDR block.", error.Message);
    }

    [Fact]
    public void Rejects_HostBitsInACidr_NamingTheNetworkAddress()
    {
        var error = TestConfig.SingleError(TestConfig.With("  vpcCidr: 10.0.0.0/16", "  vpcCidr: 10.0.5.0/16"));

        Assert.Equal("'10.0.5.0/16' has host bits set; the network address is 10.0.0.0/16.", error.Message);
    }

    [Fact]
    public void Rejects_SubnetOutsideTheVpc()
    {
        var yaml = TestConfig.With("10.0.100.0/24, 10.0.101.0/24", "10.1.100.0/24, 10.0.101.0/24");

        var error = TestConfig.SingleError(yaml);

        Assert.Equal("network.privateSubnets[0]", error.KeyPath);
        Assert.Equal("The subnet 10.1.100.0/24 is outside the VPC 10.0.0.0/16.", error.Message);
        Assert.Equal(TestConfig.LineOf(yaml, "privateSubnets"), error.Line);
    }

    [Fact]
    public void Rejects_OverlappingSubnets()
    {
        var error = TestConfig.SingleError(TestConfig.With("10.0.100.0/24, 10.0.101.0/24", "10.0.0.0/23, 10.0.101.0/24"));

        Assert.Equal("network.privateSubnets[0]", error.KeyPath);
        Assert.Equal("The subnet 10.0.0.0/23 overlaps network.publicSubnets[0].", error.Message);
    }

    [Fact]
    public void Rejects_AZoneNotInTheRegion()
    {
        var error = TestConfig.SingleError(TestConfig.With("[ap-northeast-1a, ap-northeast-1c, ap-northeast-1d]", "[ap-northeast-1a, ap-northeast-1b, ap-northeast-1d]"));

        Assert.Equal("network.availabilityZones[1]", error.KeyPath);
        Assert.Equal("'ap-northeast-1b' is not an availability zone of ap-northeast-1.", error.Message);
        Assert.Contains("ap-northeast-1a, ap-northeast-1c, ap-northeast-1d", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_SubnetCountThatDoesNotMatchTheZones()
    {
        var error = TestConfig.SingleError(TestConfig.With("[10.0.0.0/24, 10.0.1.0/24, 10.0.2.0/24]", "[10.0.0.0/24, 10.0.1.0/24]"));

        Assert.Equal("network.publicSubnets", error.KeyPath);
    }

    [Fact]
    public void Rejects_AnUnknownRegion()
    {
        var errors = TestConfig.Parse(TestConfig.With("region: ap-northeast-1", "region: ap-northeast-9")).Errors;

        Assert.Contains(errors, e => e.KeyPath == "region" && e.Message == "'ap-northeast-9' is not an AWS region.");
    }
}
