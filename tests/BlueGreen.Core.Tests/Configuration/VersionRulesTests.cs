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
        Assert.Empty(TestConfig.Parse(TestConfig.With("    version: \"1.33\"", "    version: \"1.35\"")).Errors);
    }
}
