using BlueGreen.Aws.Clients;
using BlueGreen.Aws.Decommission;
using BlueGreen.Aws.LoadBalancing;
using BlueGreen.Aws.Preflight;
using BlueGreen.Aws.Tests.Moto;

namespace BlueGreen.Aws.Tests.Preflight;

/// <summary>Each colour's load balancer on moto's Elastic Load Balancing, found by the controller's cluster tag.</summary>
public sealed class LoadBalancerCheckTests : IClassFixture<MotoFixture>
{
    private readonly MotoFixture _moto;

    public LoadBalancerCheckTests(MotoFixture moto)
    {
        _moto = moto;
    }

    [Fact]
    public async Task Passes_WhenBothColoursHaveAnActiveLoadBalancer_NamingThem()
    {
        var config = TestEnvironments.WithOwnClusters();
        var setup = new LoadBalancerSetup(_moto);
        var blue = await setup.CreateAsync(MotoFixture.NewName("k8s-app-blue"), Tags(config.Cluster("blue").Name));
        var green = await setup.CreateAsync(MotoFixture.NewName("k8s-app-green"), Tags(config.Cluster("green").Name));

        var result = await Check().EvaluateAsync(config, CancellationToken.None);

        Assert.Equal(PreflightStatus.Pass, result.Status);
        Assert.Equal($"Active: blue {blue.Name} (app/sample-app); green {green.Name} (app/sample-app).", result.Detail);
    }

    [Fact]
    public async Task Fails_AColourWithoutOne_EvenWhenAnotherClustersIsThere()
    {
        var config = TestEnvironments.WithOwnClusters();
        var setup = new LoadBalancerSetup(_moto);
        await setup.CreateAsync(MotoFixture.NewName("k8s-app-blue"), Tags(config.Cluster("blue").Name));
        await setup.CreateAsync(MotoFixture.NewName("k8s-app-other"), Tags("another-cluster"));

        var result = await Check().EvaluateAsync(config, CancellationToken.None);

        Assert.Equal(PreflightStatus.Fail, result.Status);
        Assert.StartsWith($"green has no active load balancer tagged elbv2.k8s.aws/cluster={config.Cluster("green").Name} (none tagged).", result.Detail, StringComparison.Ordinal);
    }

    private LoadBalancerCheck Check() => new(new ControllerLoadBalancers(new ElasticLoadBalancingClient(_moto.Query(AwsQueryService.ElasticLoadBalancingV2))));

    private static Dictionary<string, string> Tags(string cluster) => new() { [LoadBalancerLeftovers.ClusterTag] = cluster, [ControllerLoadBalancers.StackTag] = "app/sample-app" };
}
