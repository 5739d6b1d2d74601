using BlueGreen.Aws.Clients;
using BlueGreen.Aws.LoadBalancing;
using BlueGreen.Aws.Tests.Moto;

namespace BlueGreen.Aws.Tests.LoadBalancing;

/// <summary>The Elastic Load Balancing v2 reads against moto's load balancers: by names, by ARNs, every page, by DNS name, and tags.</summary>
public sealed class ElasticLoadBalancingClientTests : IClassFixture<MotoFixture>
{
    private readonly MotoFixture _moto;

    public ElasticLoadBalancingClientTests(MotoFixture moto)
    {
        _moto = moto;
    }

    [Fact]
    public async Task DescribesByNames_WithTheArnDnsNameAndCloudWatchDimension()
    {
        var setup = new LoadBalancerSetup(_moto);
        var blue = await setup.CreateAsync(MotoFixture.NewName("k8s-blue"));
        var green = await setup.CreateAsync(MotoFixture.NewName("k8s-green"));

        var found = await Client().DescribeByNamesAsync([blue.Name, green.Name], CancellationToken.None);

        Assert.Equal(new[] { blue.Arn, green.Arn }.Order(StringComparer.Ordinal), found.Select(lb => lb.Arn).Order(StringComparer.Ordinal));
        var got = found.Single(lb => lb.Name == blue.Name);
        Assert.Equal((blue.DnsName, "application", "active"), (got.DnsName, got.Type, got.State));
        Assert.Matches($"^app/{blue.Name}/[0-9a-f]+$", got.MetricDimension);
        Assert.EndsWith(":loadbalancer/" + got.MetricDimension, got.Arn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribesByArns()
    {
        var lb = await new LoadBalancerSetup(_moto).CreateAsync(MotoFixture.NewName("k8s-arn"));

        var found = Assert.Single(await Client().DescribeByArnsAsync([lb.Arn], CancellationToken.None));

        Assert.Equal((lb.Name, lb.DnsName), (found.Name, found.DnsName));
    }

    [Fact]
    public async Task DescribesAll_FollowingNextMarker_PageByPage()
    {
        await _moto.ResetAsync();
        var setup = new LoadBalancerSetup(_moto);
        var names = new[] { "k8s-page-a", "k8s-page-b", "k8s-page-c" };
        foreach (var name in names)
        {
            await setup.CreateAsync(name);
        }

        using var network = new FaultInjectingHandler();

        var all = await new ElasticLoadBalancingClient(_moto.Query(AwsQueryService.ElasticLoadBalancingV2, network: network), pageSize: 2).DescribeAllAsync(CancellationToken.None);

        Assert.Equal(names, all.Select(lb => lb.Name).Order(StringComparer.Ordinal));
        Assert.Equal(2, network.Requests.Count);
        Assert.DoesNotContain("Marker=", network.Requests[0].Body, StringComparison.Ordinal);
        Assert.Contains("&PageSize=2&Marker=", network.Requests[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindsTheLoadBalancer_OfAnIngressHostname_IgnoringCaseAFinalDotAndDualstack()
    {
        var setup = new LoadBalancerSetup(_moto);
        await setup.CreateAsync(MotoFixture.NewName("k8s-other"));
        var lb = await setup.CreateAsync(MotoFixture.NewName("k8s-ingress"));

        Assert.Equal(lb.Arn, (await Client().FindByDnsNameAsync("dualstack." + lb.DnsName.ToUpperInvariant() + ".", CancellationToken.None))?.Arn);
        Assert.Null(await Client().FindByDnsNameAsync("k8s-none-0000.us-east-1.elb.amazonaws.com", CancellationToken.None));
    }

    [Fact]
    public async Task DescribesTags_ByArn()
    {
        var setup = new LoadBalancerSetup(_moto);
        var lb = await setup.CreateAsync(MotoFixture.NewName("k8s-tags"), new Dictionary<string, string> { ["elbv2.k8s.aws/cluster"] = "test-green", ["ingress.k8s.aws/stack"] = "app/sampleapp" });
        var untagged = await setup.CreateAsync(MotoFixture.NewName("k8s-untagged"));

        var tags = await Client().DescribeTagsAsync([lb.Arn, untagged.Arn], CancellationToken.None);

        Assert.Equal("test-green", tags[lb.Arn]["elbv2.k8s.aws/cluster"]);
        Assert.Equal("app/sampleapp", tags[lb.Arn]["ingress.k8s.aws/stack"]);
        Assert.Empty(tags[untagged.Arn]);
    }

    [Fact]
    public async Task AMissingName_IsLoadBalancerNotFound()
    {
        var error = await Assert.ThrowsAsync<AwsQueryException>(() => Client().DescribeByNamesAsync(["k8s-missing"], CancellationToken.None));

        Assert.Equal("LoadBalancerNotFound", error.Code);
    }

    [Fact]
    public async Task Rejects_MoreThanTwentyNames_AndSendsNothing()
    {
        using var network = new FaultInjectingHandler();

        await Assert.ThrowsAsync<ArgumentException>(() => new ElasticLoadBalancingClient(_moto.Query(AwsQueryService.ElasticLoadBalancingV2, network: network)).DescribeByNamesAsync([.. Enumerable.Range(0, 21).Select(i => $"lb-{i}")], CancellationToken.None));

        Assert.Empty(network.Requests);
    }

    private ElasticLoadBalancingClient Client() => new(_moto.Query(AwsQueryService.ElasticLoadBalancingV2));
}
