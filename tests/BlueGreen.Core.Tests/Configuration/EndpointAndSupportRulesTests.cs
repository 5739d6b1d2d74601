using BlueGreen.Core.Configuration;

namespace BlueGreen.Core.Tests.Configuration;

public sealed class EndpointAndSupportRulesTests
{
    private const string BlueSupport = "    supportType: extended      # 1.32 is in extended support: EKS cannot turn it off for this version\n";

    private const string BlueCidrs = "    publicAccessCidrs: []      # empty = 0.0.0.0/0; list your public IPv4 blocks\n";

    private const string BlueAccess = "    endpointAccess: public     # public | private\n";

    [Fact]
    public void Rejects_StandardSupport_ForAVersionAlreadyInExtendedSupport()
    {
        var yaml = TestConfig.With(BlueSupport, "    supportType: standard\n");

        var error = TestConfig.SingleError(yaml);

        Assert.Equal("clusters[0].supportType", error.KeyPath);
        Assert.Equal(TestConfig.LineOf(yaml, "supportType: standard"), error.Line);
        Assert.Equal(18, error.Column);
        Assert.StartsWith("Kubernetes 1.32 left standard support on 2026-03-23, and EKS cannot turn extended support off", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"1.34\"", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_StandardSupport_ForAVersionInStandardSupport()
    {
        var yaml = TestConfig.With("    version: \"1.33\"\n    supportType: extended\n", "    version: \"1.34\"\n    supportType: standard\n");

        var result = TestConfig.Parse(yaml);

        Assert.Empty(result.Errors);
        Assert.Equal(EksSupportType.Standard, result.Config!.Clusters[1].SupportType);
    }

    [Fact]
    public void DefaultsToExtendedSupport_TheEksApiDefault()
    {
        var result = TestConfig.Parse(TestConfig.With(BlueSupport, string.Empty));

        Assert.Equal(EksSupportType.Extended, result.Config!.Clusters[0].SupportType);
    }

    [Fact]
    public void Rejects_AnUnknownSupportType_ListingTheChoices()
    {
        var error = TestConfig.SingleError(TestConfig.With(BlueSupport, "    supportType: lts\n"));

        Assert.Equal("clusters[0].supportType", error.KeyPath);
        Assert.Equal("'lts' is not one of standard, extended.", error.Message);
    }

    [Fact]
    public void Rejects_ACidrThatIsNotANetworkAddress()
    {
        var error = TestConfig.SingleError(TestConfig.With(BlueCidrs, "    publicAccessCidrs: [203.0.113.7/24]\n"));

        Assert.Equal("clusters[0].publicAccessCidrs[0]", error.KeyPath);
        Assert.Equal("'203.0.113.7/24' has host bits set; the network address is 203.0.113.0/24.", error.Message);
    }

    [Fact]
    public void Rejects_Text_AsACidr()
    {
        var error = TestConfig.SingleError(TestConfig.With(BlueCidrs, "    publicAccessCidrs: [office]\n"));

        Assert.Equal("clusters[0].publicAccessCidrs[0]", error.KeyPath);
        Assert.Equal("'office' is not an IPv4 CIDR block.", error.Message);
    }

    [Fact]
    public void Rejects_PublicAccessCidrs_WithAPrivateEndpoint()
    {
        var yaml = TestConfig.With(TestConfig.With(BlueAccess, "    endpointAccess: private\n"), BlueCidrs, "    publicAccessCidrs: [203.0.113.0/24]\n");

        var error = TestConfig.SingleError(yaml);

        Assert.Equal("clusters[0].publicAccessCidrs", error.KeyPath);
        Assert.Contains("endpointAccess is private", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_APrivateEndpoint_AndTheAllowedBlocks()
    {
        var yaml = TestConfig.With(BlueCidrs, "    publicAccessCidrs: [203.0.113.0/24, 198.51.100.0/25]\n");
        var green = TestConfig.With(yaml, "    endpointAccess: public\n    publicAccessCidrs: []\n    adminRoleArns: []\n    nodeGroup:\n      name: test-green-nodes", "    endpointAccess: private\n    publicAccessCidrs: []\n    adminRoleArns: []\n    nodeGroup:\n      name: test-green-nodes");

        var config = TestConfig.Parse(green).Config!;

        Assert.Equal(["203.0.113.0/24", "198.51.100.0/25"], config.Clusters[0].PublicAccessCidrs);
        Assert.Equal(EndpointAccess.Private, config.Clusters[1].EndpointAccess);
    }
}
