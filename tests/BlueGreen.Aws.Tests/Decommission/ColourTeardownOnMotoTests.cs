using Amazon.EC2.Model;
using BlueGreen.Aws.Clients;
using BlueGreen.Aws.Decommission;
using BlueGreen.Aws.LoadBalancing;
using BlueGreen.Aws.State;
using BlueGreen.Aws.Tests.Moto;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Teardown;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Aws.Tests.Decommission;

/// <summary>
/// A whole decommission of blue against moto: its ALB, target group, security group, interface and records as the
/// controllers leave them in EC2, Elastic Load Balancing and Route53, the step journal in S3; the cluster side acts
/// on moto as the controllers would (<see cref="ControllersOnMoto"/>).
/// </summary>
public sealed class ColourTeardownOnMotoTests : IClassFixture<MotoFixture>
{
    private static readonly EnvironmentConfig Reference = ConfigLoader.Load(Path.Combine(RepositoryRoot.Path, "bluegreen.yaml"), TimeProvider.System).Config!;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(10);

    private readonly MotoFixture _moto;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private readonly List<string> _report = [];

    public ColourTeardownOnMotoTests(MotoFixture moto)
    {
        _moto = moto;
    }

    [Fact]
    public async Task AWholeDecommission_LeavesNoLoadBalancerTargetGroupInterfaceGroupOrRecord()
    {
        var world = await WorldAsync();

        await world.Runner(_time, _report).RunAsync(world.Steps(), CancellationToken.None);

        Assert.Equal(["sync off", "delete sample-app", "delete external-dns", "delete aws-load-balancer-controller", "delete app-of-apps"], world.Cluster.Calls);
        Assert.Empty(await world.Cloud.NetworkLeftoversAsync(CancellationToken.None));
        Assert.Empty(await world.Cloud.ColourRecordsAsync(CancellationToken.None));
        Assert.Empty(await world.Cloud.LoadBalancersAsync(CancellationToken.None));
        var journal = await new TeardownJournal(world.Store()).ReadAsync(CancellationToken.None);
        Assert.Equal(TeardownPhase.Completed, journal[^1].Phase);
    }

    [Fact]
    public async Task BeforeTheTeardown_TheCloudSideSeesWhatTheControllersMade()
    {
        var world = await WorldAsync();

        var leftovers = await world.Cloud.NetworkLeftoversAsync(CancellationToken.None);
        var records = await world.Cloud.ColourRecordsAsync(CancellationToken.None);

        Assert.Contains(leftovers, l => l.StartsWith("security group sg-", StringComparison.Ordinal));
        Assert.Contains(leftovers, l => l.StartsWith("network interface eni-", StringComparison.Ordinal));
        Assert.Contains(leftovers, l => l.StartsWith("load balancer k8s-app-sample", StringComparison.Ordinal) && l.Contains("Ingress stack app/sample-app", StringComparison.Ordinal));
        Assert.Contains(leftovers, l => l.StartsWith("target group k8s-app-sample", StringComparison.Ordinal));
        Assert.Equal(2, records.Count);
        Assert.Contains(records, r => r.StartsWith($"record extdns-a-{Reference.Dns.ColourHost("blue")}. TXT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ALeftoverInterface_FailsTheLeftoversStep_NamingIt_AndNothingIsDestroyed()
    {
        var world = await WorldAsync();
        var subnet = (await world.Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("tag:" + CommonStackNetwork.StackNameTag, [$"{world.Config.Environment}-common"])] })).Subnets[0];
        var stray = await world.Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest
        {
            SubnetId = subnet.SubnetId,
            Description = "ELB net/k8s-app-metrics-7e6d5c4b3a/1f2e3d4c5b6a7980",
            TagSpecifications = [new TagSpecification { ResourceType = Amazon.EC2.ResourceType.NetworkInterface, Tags = [new Tag(LoadBalancerLeftovers.ClusterTag, world.ClusterName)] }],
        });
        var destroyed = false;

        var run = world.Runner(_time, _report).RunAsync(world.Steps(_ => { destroyed = true; return Task.CompletedTask; }), CancellationToken.None);
        var error = await Assert.ThrowsAsync<TeardownStepFailedException>(() => Drive(run));

        Assert.StartsWith("Step 7/8 leftovers did not finish within 2 min; still there: network interface " + stray.NetworkInterface.NetworkInterfaceId + " (ELB net/k8s-app-metrics-7e6d5c4b3a/1f2e3d4c5b6a7980, available).", error.Message, StringComparison.Ordinal);
        Assert.False(destroyed);
    }

    [Fact]
    public async Task KilledHalfWay_TheS3StepJournalResumesAtTheStepThatWasRunning()
    {
        var world = await WorldAsync();
        world.Cluster.CrashOnDelete = TeardownPlan.LoadBalancerControllerApplication;
        await Assert.ThrowsAsync<OperationCanceledException>(() => world.Runner(_time, _report).RunAsync(world.Steps(), CancellationToken.None));
        world.Cluster.Calls.Clear();

        await world.Runner(_time, _report).RunAsync(world.Steps(), CancellationToken.None);

        Assert.Equal(["delete aws-load-balancer-controller", "delete app-of-apps"], world.Cluster.Calls);
        var journal = await new TeardownJournal(world.Store()).ReadAsync(CancellationToken.None);
        Assert.Equal(2, journal.Count(r => r.Step == "delete-load-balancer-controller" && r.Phase == TeardownPhase.Started));
        Assert.Single(journal, r => r.Step == "delete-external-dns" && r.Phase == TeardownPhase.Done);
    }

    private async Task<World> WorldAsync()
    {
        var config = Reference with { Environment = MotoFixture.NewName("env") };
        var cluster = MotoFixture.NewName("test-blue");
        var ec2 = _moto.Ec2(region: config.Region);
        var zone = await _moto.CreateZoneAsync(config.Dns.ZoneName);
        var bucket = await _moto.CreateBucketAsync(config.Region);
        var owner = $"{config.Environment}-blue";
        var controllers = new ControllersOnMoto(_moto, ec2, config.Region, zone, cluster);
        await controllers.PublishSampleAppAsync(config, "blue", owner);
        var leftovers = new LoadBalancerLeftovers(ec2);
        var cloud = new ColourCloudTeardown(
            cluster,
            new ControllerLoadBalancers(new ElasticLoadBalancingClient(_moto.Query(AwsQueryService.ElasticLoadBalancingV2, region: config.Region))),
            new ColourRecords(_moto.Route53(), zone, config.Dns.ColourHost("blue"), owner),
            leftovers,
            ct => leftovers.FindVpcAsync($"{config.Environment}-common", config.Network.VpcCidr, ct));
        return new World(_moto, config, cluster, ec2, controllers, cloud, bucket);
    }

    private async Task Drive(Task run)
    {
        for (var round = 0; round < 2_000 && !run.IsCompleted; round++)
        {
            await Task.WhenAny(run, Task.Delay(5));
            _time.Advance(Poll);
        }

        await run;
    }

    private sealed record World(MotoFixture Moto, EnvironmentConfig Config, string ClusterName, Amazon.EC2.IAmazonEC2 Ec2, ControllersOnMoto Cluster, ColourCloudTeardown Cloud, string Bucket)
    {
        public S3JournalStore Store() => new(Moto.S3(region: Config.Region), new S3StateLocation(Bucket, $"{Config.Environment}/teardown-blue"));

        public TeardownRunner Runner(TimeProvider time, List<string> report) => new(new TeardownJournal(Store()), time, Poll, report.Add);

        public IReadOnlyList<TeardownStep> Steps(Func<CancellationToken, Task>? destroy = null) =>
            TeardownPlan.Create("blue", Cluster, Cloud, TimeSpan.FromMinutes(2), destroy, "run npx cdk destroy test-blue --force.");
    }
}
