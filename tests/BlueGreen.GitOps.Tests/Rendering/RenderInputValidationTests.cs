using BlueGreen.GitOps.Rendering;
using BlueGreen.GitOps.Tests.Support;

namespace BlueGreen.GitOps.Tests.Rendering;

public class RenderInputValidationTests
{
    private static GitOpsConfigException Fails(Func<BlueGreen.Core.Configuration.EnvironmentConfig, BlueGreen.Core.Configuration.EnvironmentConfig> change) =>
        Assert.Throws<GitOpsConfigException>(() => Trees.Render(change));

    [Fact]
    public void Rejects_AMissingAccount_NamingTheKey()
    {
        var error = Assert.Single(Fails(c => c with { Account = null }).Errors);
        Assert.StartsWith("account:", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("LATEST")]
    [InlineData("")]
    [InlineData("has space")]
    public void Rejects_AnUnpinnedImageTag(string tag)
    {
        var error = Assert.Single(Fails(c => c with { App = c.App with { ImageTag = tag } }).Errors);
        Assert.StartsWith("app.imageTag:", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("0.23.0")]
    [InlineData("v0.23")]
    public void Rejects_AnExternalDnsVersionThatIsNotAPinnedRelease(string version)
    {
        var error = Assert.Single(Fails(c => c with { GitOps = c.GitOps with { ExternalDnsVersion = version } }).Errors);
        Assert.StartsWith("gitops.externalDnsVersion:", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("../deploy")]
    [InlineData("/abs/deploy")]
    [InlineData("deploy/../..")]
    public void Rejects_AGitOpsPathThatIsNotADirectoryOfItsOwn(string path)
    {
        var error = Assert.Single(Fails(c => c with { GitOps = c.GitOps with { Path = path } }).Errors);
        Assert.StartsWith("gitops.path:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_TwoClustersWithOneColour()
    {
        var error = Assert.Single(Fails(c => c with { Clusters = [DefaultConfig.Cluster("blue", "1.32"), DefaultConfig.Cluster("blue", "1.33")] }).Errors);
        Assert.Contains("'blue' is configured 2 times", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.3x")]
    [InlineData("one")]
    [InlineData("")]
    public void Rejects_AClusterVersionThatIsNotAKubernetesVersion(string version)
    {
        var error = Assert.Single(Fails(c => c with { Clusters = [DefaultConfig.Cluster("blue", version)] }).Errors);
        Assert.StartsWith("clusters[0].version:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_AChartVersionThatIsNotPinned()
    {
        var error = Assert.Single(Fails(c => c with { GitOps = c.GitOps with { LoadBalancerControllerChart = "1.x" } }).Errors);
        Assert.StartsWith("gitops.loadBalancerControllerChart:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_ResourcesThatAreNotQuantities_AndZeroReplicas()
    {
        var errors = Fails(c => c with { App = c.App with { Cpu = "lots", Memory = "12 GB", Replicas = 0 } }).Errors;

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("app.cpu:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("app.memory:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("app.replicas:", StringComparison.Ordinal));
    }

    [Fact]
    public void Collects_EveryProblem_BeforeFailing()
    {
        var exception = Fails(c => c with
        {
            Environment = "Not A Label",
            Account = "12",
            Clusters = [DefaultConfig.Cluster("Blue!", "1.32")],
            Ci = c.Ci with { EcrRepository = "Upper" },
            Dns = c.Dns with { Subdomain = "a.b" },
        });

        Assert.Equal(5, exception.Errors.Count);
        Assert.Contains("account:", exception.Message, StringComparison.Ordinal);
        Assert.Contains("environment:", exception.Message, StringComparison.Ordinal);
        Assert.Contains("clusters[0].colour:", exception.Message, StringComparison.Ordinal);
        Assert.Contains("ci.ecrRepository:", exception.Message, StringComparison.Ordinal);
        Assert.Contains("dns.subdomain:", exception.Message, StringComparison.Ordinal);
    }
}
