using BlueGreen.Aws.Clients;
using BlueGreen.Aws.Eks;
using BlueGreen.Aws.Endpoints;
using BlueGreen.Aws.Preflight;
using BlueGreen.Aws.Signing;
using BlueGreen.Aws.Tests.Moto;
using BlueGreen.Core.Configuration;

namespace BlueGreen.Aws.Tests.Preflight;

/// <summary>Both colours' clusters and node groups on moto's EKS (DescribeCluster, ListNodegroups, DescribeNodegroup).</summary>
public sealed class EksClusterChecksTests : IClassFixture<MotoFixture>
{
    private readonly MotoFixture _moto;

    public EksClusterChecksTests(MotoFixture moto)
    {
        _moto = moto;
    }

    [Fact]
    public async Task Passes_WhenBothControlPlanesRunTheirConfiguredVersions_AndNodesAreWithinSkew()
    {
        var config = TestEnvironments.WithOwnClusters();
        var eks = new EksSetup(_moto, config.Region);
        await eks.CreateClusterAsync(config.Cluster("blue").Name, "1.32", "blue-nodes", "1.32");
        await eks.CreateClusterAsync(config.Cluster("green").Name, "1.33", "green-nodes", "1.30");

        var results = await Checks(config).VersionsAsync(config, CancellationToken.None);

        Assert.All(results, r => Assert.Equal(PreflightStatus.Pass, r.Status));
        Assert.Equal(["eks cluster blue", "node skew blue", "eks cluster green", "node skew green"], results.Select(r => r.Check));
        Assert.Equal($"{config.Cluster("green").Name}: node groups green-nodes 1.30 within 3 minor versions of the control plane 1.33, none newer.", results[3].Detail);
    }

    [Fact]
    public async Task Fails_AControlPlaneOnAnotherVersionThanConfigured()
    {
        var config = TestEnvironments.WithOwnClusters();
        var eks = new EksSetup(_moto, config.Region);
        await eks.CreateClusterAsync(config.Cluster("blue").Name, "1.32", "blue-nodes", "1.32");
        await eks.CreateClusterAsync(config.Cluster("green").Name, "1.32", "green-nodes", "1.32");

        var green = (await Checks(config).VersionsAsync(config, CancellationToken.None)).Single(r => r.Check == "eks cluster green");

        Assert.Equal(PreflightStatus.Fail, green.Status);
        Assert.Equal($"{config.Cluster("green").Name} runs Kubernetes 1.32, but clusters[green].version is 1.33. Fix the configuration or finish the stack's update.", green.Detail);
    }

    [Theory]
    [InlineData("1.34", "newer than the control plane 1.33, which EKS never allows")]
    [InlineData("1.29", "4 minor versions behind the control plane 1.33 (EKS allows 3)")]
    public async Task Fails_NodesOutsideEksSkewRule(string nodes, string expected)
    {
        var config = TestEnvironments.WithOwnClusters();
        var eks = new EksSetup(_moto, config.Region);
        await eks.CreateClusterAsync(config.Cluster("blue").Name, "1.32", "blue-nodes", "1.32");
        await eks.CreateClusterAsync(config.Cluster("green").Name, "1.33", "green-nodes", nodes);

        var skew = (await Checks(config).VersionsAsync(config, CancellationToken.None)).Single(r => r.Check == "node skew green");

        Assert.Equal(PreflightStatus.Fail, skew.Status);
        Assert.Contains($"node group green-nodes runs {nodes}, {expected}", skew.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fails_AColourWhoseClusterDoesNotExist()
    {
        var config = TestEnvironments.WithOwnClusters();
        await new EksSetup(_moto, config.Region).CreateClusterAsync(config.Cluster("blue").Name, "1.32", "blue-nodes", "1.32");

        var green = (await Checks(config).VersionsAsync(config, CancellationToken.None)).Single(r => r.Check == "eks cluster green");

        Assert.Equal(PreflightStatus.Fail, green.Status);
        Assert.Equal($"EKS has no cluster {config.Cluster("green").Name} in {config.Region}; deploy the {config.Environment}-green stack (docs/aws-runbook.md).", green.Detail);
    }

    private EksClusterChecks Checks(EnvironmentConfig config) =>
        new(new EksRestClient(
            new HttpClient(),
            new ServiceEndpoint(_moto.Endpoint, config.Region, true),
            new SigV4RequestSigner(MotoFixture.Credentials, config.Region, "eks", TimeProvider.System),
            TimeProvider.System,
            new AwsRetryOptions { MaxRetries = 0 }));
}
