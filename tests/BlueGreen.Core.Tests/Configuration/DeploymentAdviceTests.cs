using BlueGreen.Core.Configuration;

namespace BlueGreen.Core.Tests.Configuration;

public sealed class DeploymentAdviceTests
{
    private static readonly string[] Deployable =
    [
        "account: \"111122223333\"", "account: \"444455556666\"",
        "parentZoneId: Z0000000000000EXAMPLE", "parentZoneId: Z04482712AB3CD4EF5GH6",
        "  repository: your-github-org/bluegreen", "  repository: my-org/bluegreen",
        "  repoUrl: https://github.com/your-github-org/bluegreen.git", "  repoUrl: https://github.com/my-org/bluegreen.git",
    ];

    private static IReadOnlyList<ConfigWarning> Warnings(string yaml)
    {
        var result = TestConfig.Parse(yaml);
        Assert.Empty(result.Errors);
        return result.Warnings;
    }

    private static string DeployableYaml()
    {
        var yaml = TestConfig.DefaultYaml;
        for (var i = 0; i < Deployable.Length; i += 2)
        {
            yaml = TestConfig.With(yaml, Deployable[i], Deployable[i + 1]);
        }

        // Both colours on a version in standard support, so no support warning either.
        return yaml.Replace("    version: \"1.32\"", "    version: \"1.34\"", StringComparison.Ordinal)
            .Replace("    version: \"1.33\"", "    version: \"1.34\"", StringComparison.Ordinal)
            .Replace("    adminRoleArns: []", "    adminRoleArns: [arn:aws:iam::444455556666:role/platform]", StringComparison.Ordinal)
            .Replace("    publicAccessCidrs: []", "    publicAccessCidrs: [203.0.113.0/24]", StringComparison.Ordinal);
    }

    [Fact]
    public void TheShippedFile_IsValid_ButWarnsAboutEverythingADeploymentMustSet()
    {
        var warnings = Warnings(TestConfig.DefaultYaml);

        Assert.Equal(
            ["account", "dns.parentZoneId", "ci.repository", "gitops.repoUrl", "clusters[0].adminRoleArns", "clusters[1].adminRoleArns"],
            warnings.Where(w => w.BlocksAws).Select(w => w.KeyPath));
        Assert.Equal(
            ["clusters[0].version", "clusters[0].publicAccessCidrs", "clusters[1].version", "clusters[1].publicAccessCidrs"],
            warnings.Where(w => !w.BlocksAws).Select(w => w.KeyPath));
    }

    [Fact]
    public void PointsEachWarningAtItsKey()
    {
        var yaml = TestConfig.DefaultYaml;
        var repository = Assert.Single(Warnings(yaml), w => w.KeyPath == "ci.repository");

        Assert.Equal(TestConfig.LineOf(yaml, "  repository: your-github-org"), repository.Line);
        Assert.Equal(15, repository.Column);
        Assert.Contains("CodeBuild would find no samples/SampleApp/buildspec.yml there", repository.Message, StringComparison.Ordinal);
        Assert.StartsWith("bluegreen.yaml:", repository.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WarnsAboutTheReferenceSystemsRepository_WhichHasNoDeployTree()
    {
        var yaml = TestConfig.With(DeployableYaml(), "  repoUrl: https://github.com/my-org/bluegreen.git", "  repoUrl: git@github.com:jnytnai0613/blue-green-upgrade-blueprints.git");

        var warning = Assert.Single(Warnings(yaml));

        Assert.Equal("gitops.repoUrl", warning.KeyPath);
        Assert.True(warning.BlocksAws);
        Assert.Contains("holds no deploy/ tree", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADeployableFile_HasNoWarning()
    {
        Assert.Empty(Warnings(DeployableYaml()));
    }

    [Fact]
    public void WarnsWhenTheEndpointIsOpenToEveryone_EvenWhenWrittenOut()
    {
        var yaml = TestConfig.With(DeployableYaml(), "    publicAccessCidrs: [203.0.113.0/24]      #", "    publicAccessCidrs: [203.0.113.0/24, 0.0.0.0/0]      #");

        var warning = Assert.Single(Warnings(yaml));

        Assert.Equal("clusters[0].publicAccessCidrs[1]", warning.KeyPath);
        Assert.False(warning.BlocksAws);
        Assert.Contains("open to the whole internet", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WarnsAboutAPrivateRangeOnThePublicEndpoint()
    {
        var yaml = TestConfig.With(DeployableYaml(), "    publicAccessCidrs: [203.0.113.0/24]      #", "    publicAccessCidrs: [10.1.0.0/16]      #");

        var warning = Assert.Single(Warnings(yaml));

        Assert.Equal("clusters[0].publicAccessCidrs[0]", warning.KeyPath);
        Assert.Contains("10.1.0.0/16 is a private range", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WarnsThatStandardSupportUpgradesInPlace_OnTheEndOfStandardSupport()
    {
        var yaml = TestConfig.With(DeployableYaml(), "    supportType: extended      # 1.32", "    supportType: standard      # 1.32");

        var warning = Assert.Single(Warnings(yaml));

        Assert.Equal("clusters[0].supportType", warning.KeyPath);
        Assert.Contains("upgrades test-blue's control plane in place on 2026-12-02", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivesNoWarningWhenThereAreErrors()
    {
        var result = TestConfig.Parse(TestConfig.With("environment: test", "environment: Test!"));

        Assert.NotEmpty(result.Errors);
        Assert.Empty(result.Warnings);
    }
}
