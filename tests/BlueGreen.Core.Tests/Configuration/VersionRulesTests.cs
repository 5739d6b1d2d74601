namespace BlueGreen.Core.Tests.Configuration;

public sealed class VersionRulesTests
{
    private static readonly DateTimeOffset EarlyIn2025 = new(2025, 2, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void KeepsTheLiteralText_OfAnUnquotedVersion()
    {
        var yaml = TestConfig.With("    version: \"1.32\"", "    version: 1.30");
        yaml = TestConfig.With(yaml, "    version: \"1.33\"", "    version: 1.31");

        var config = TestConfig.Parse(yaml, EarlyIn2025).Config!;

        Assert.Equal(["1.30", "1.31"], config.Clusters.Select(c => c.Version));
    }

    [Fact]
    public void Rejects_AVersionThatLostItsTrailingZero_SuggestingTheQuotedOne()
    {
        var yaml = TestConfig.With("    version: \"1.33\"", "    version: 1.3");

        var error = TestConfig.SingleError(yaml, EarlyIn2025);

        Assert.Equal("clusters[1].version", error.KeyPath);
        Assert.Equal("EKS does not offer Kubernetes 1.3.", error.Message);
        Assert.StartsWith("Did you mean \"1.30\"? Quote versions", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_AVersionEksNeverOffered()
    {
        var error = TestConfig.SingleError(TestConfig.With("    version: \"1.33\"", "    version: \"1.99\""));

        Assert.Equal("EKS does not offer Kubernetes 1.99.", error.Message);
        Assert.Contains("\"1.32\"", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_AVersionPastTheEndOfExtendedSupport()
    {
        var error = TestConfig.SingleError(TestConfig.With("    version: \"1.32\"", "    version: \"1.29\""));

        Assert.Equal("clusters[0].version", error.KeyPath);
        Assert.Equal("EKS no longer offers Kubernetes 1.29: extended support ended on 2026-03-23.", error.Message);
    }

    [Fact]
    public void Rejects_ACandidateOlderThanLive()
    {
        var yaml = TestConfig.With("    version: \"1.32\"", "    version: \"1.34\"");

        var error = TestConfig.SingleError(yaml);

        Assert.Equal("clusters[1].version", error.KeyPath);
        Assert.Equal("The candidate 'green' runs Kubernetes 1.33, lower than the live 'blue' (1.34).", error.Message);
        Assert.Contains("allowDowngrade", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_ACandidateOlderThanLive_WhenDowngradeIsAllowed()
    {
        var yaml = TestConfig.With("    version: \"1.32\"", "    version: \"1.34\"");
        yaml = TestConfig.With(yaml, "allowDowngrade: false", "allowDowngrade: true");

        Assert.Empty(TestConfig.Parse(yaml).Errors);
    }

    [Fact]
    public void Accepts_SkippingMinorVersions()
    {
        Assert.Empty(TestConfig.Parse(TestConfig.With("    version: \"1.33\"", "    version: \"1.34\"")).Errors);
    }

    [Fact]
    public void Rejects_AVersionWithoutKnownAddonVersions_NamingTheAddons()
    {
        var yaml = TestConfig.With("    version: \"1.33\"", "    version: \"1.35\"");

        var error = TestConfig.SingleError(yaml);

        Assert.Equal("clusters[1].addons", error.KeyPath);
        Assert.Equal(TestConfig.LineOf(yaml, "  - colour: green"), error.Line);
        Assert.Equal("No add-on versions are known for Kubernetes 1.35: eks-pod-identity-agent, vpc-cni, kube-proxy, coredns would be left to whatever EKS makes the default.", error.Message);
    }

    [Fact]
    public void Accepts_AVersionWithoutATableRow_WhenTheAddonVersionsAreGiven()
    {
        var yaml = TestConfig.With("    version: \"1.33\"", "    version: \"1.35\"\n    addons:\n      vpc-cni: v1.21.1-eksbuild.8\n      eks-pod-identity-agent: v1.3.10-eksbuild.2\n      kube-proxy: v1.35.3-eksbuild.13\n      coredns: v1.14.3-eksbuild.3");

        var result = TestConfig.Parse(yaml);

        Assert.Empty(result.Errors);
        Assert.Equal("v1.21.1-eksbuild.8", result.Config!.Clusters[1].AddonVersions["vpc-cni"]);
    }

    [Fact]
    public void Rejects_AnAddonVersionThatIsNotAnEksBuild()
    {
        var error = TestConfig.SingleError(TestConfig.With("    version: \"1.33\"", "    version: \"1.33\"\n    addons: {coredns: latest}"));

        Assert.Equal("clusters[1].addons.coredns", error.KeyPath);
        Assert.Equal("'latest' is not an EKS add-on version.", error.Message);
    }

    [Fact]
    public void Rejects_AnUnknownAddon_WithTheNearestName()
    {
        var error = TestConfig.SingleError(TestConfig.With("    version: \"1.33\"", "    version: \"1.33\"\n    addons: {core-dns: v1.12.4-eksbuild.18}"));

        Assert.Equal("clusters[1].addons.core-dns", error.KeyPath);
        Assert.Equal("Did you mean 'coredns'?", error.Hint);
    }
}
