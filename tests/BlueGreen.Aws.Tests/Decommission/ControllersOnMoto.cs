using Amazon.EC2;
using Amazon.EC2.Model;
using BlueGreen.Aws.Clients;
using BlueGreen.Aws.Decommission;
using BlueGreen.Aws.Tests.Moto;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Teardown;

namespace BlueGreen.Aws.Tests.Decommission;

/// <summary>
/// A colour's cluster whose controllers act on moto as the real ones act on AWS: while the load balancer controller
/// and ExternalDNS run, deleting the workload Application deletes its ALB, target group, security group and interface
/// (the controller) and its records (ExternalDNS). Applications are a set; every call is recorded.
/// </summary>
internal sealed class ControllersOnMoto(MotoFixture moto, IAmazonEC2 ec2, string region, string zoneId, string cluster) : IClusterTeardown
{
    private readonly List<Func<Task>> _controllerDeletes = [];
    private readonly List<Func<Task>> _externalDnsDeletes = [];

    public List<string> Calls { get; } = [];

    public HashSet<string> Applications { get; } = [TeardownPlan.RootApplication, TeardownPlan.ExternalDnsApplication, TeardownPlan.LoadBalancerControllerApplication, "sample-app"];

    public bool RootSync { get; private set; } = true;

    /// <summary>The next delete of this Application stops as a killed process would, before it reaches the API.</summary>
    public string? CrashOnDelete { get; set; }

    /// <summary>Creates in moto what the controllers made for the sample app's Ingress, as the real ones tag it.</summary>
    public async Task PublishSampleAppAsync(EnvironmentConfig config, string colour, string ownerId)
    {
        var tags = new Dictionary<string, string> { [LoadBalancerLeftovers.ClusterTag] = cluster, [ControllerLoadBalancers.StackTag] = "app/sample-app" };
        var network = await CommonStackNetwork.CreateAsync(ec2, config);
        var balancer = await CreateLoadBalancerAsync(network.PublicSubnetIds, tags);
        var group = await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
        {
            VpcId = network.VpcId,
            GroupName = MotoFixture.NewName("k8s-app-sampleap"),
            Description = "[k8s] Managed SecurityGroup for LoadBalancer",
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.SecurityGroup, Tags = [new Tag(LoadBalancerLeftovers.ClusterTag, cluster)] }],
        });
        var eni = await ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = network.PublicSubnetIds[0], Description = $"ELB app/{balancer.Name}/50dc6c495c0c9188", Groups = [group.GroupId] });
        var targetGroup = await CreateTargetGroupAsync(network.VpcId, tags);
        var query = moto.Query(AwsQueryService.ElasticLoadBalancingV2, region: region);
        _controllerDeletes.Add(() => query.SendAsync("DeleteLoadBalancer", [new("LoadBalancerArn", balancer.Arn)], CancellationToken.None));
        _controllerDeletes.Add(() => query.SendAsync("DeleteTargetGroup", [new("TargetGroupArn", targetGroup)], CancellationToken.None));
        _controllerDeletes.Add(() => ec2.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni.NetworkInterface.NetworkInterfaceId }));
        _controllerDeletes.Add(() => ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = group.GroupId }));

        var records = new Route53Setup(moto);
        var host = config.Dns.ColourHost(colour);
        var owner = $"\"heritage=external-dns,external-dns/owner={ownerId},external-dns/resource=ingress/app/sample-app\"";
        await records.AddPlainRecordAsync(zoneId, host, "A", "203.0.113.10");
        await records.AddPlainRecordAsync(zoneId, "extdns-a-" + host, "TXT", owner);
        _externalDnsDeletes.Add(() => records.DeletePlainRecordAsync(zoneId, host, "A", "203.0.113.10"));
        _externalDnsDeletes.Add(() => records.DeletePlainRecordAsync(zoneId, "extdns-a-" + host, "TXT", owner));
    }

    public Task DisableRootSyncAsync(CancellationToken cancellationToken)
    {
        Calls.Add("sync off");
        RootSync = false;
        return Task.CompletedTask;
    }

    public Task<bool> RootSyncsAutomaticallyAsync(CancellationToken cancellationToken) => Task.FromResult(RootSync && Applications.Contains(TeardownPlan.RootApplication));

    public Task<IReadOnlyList<string>> ApplicationsExceptAsync(IReadOnlyCollection<string> kept, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. Applications.Where(a => !kept.Contains(a)).Order(StringComparer.Ordinal)]);

    public async Task DeleteApplicationAsync(string name, CancellationToken cancellationToken)
    {
        if (CrashOnDelete == name)
        {
            CrashOnDelete = null;
            throw new OperationCanceledException("killed");
        }

        Calls.Add("delete " + name);
        if (!Applications.Remove(name) || name != "sample-app")
        {
            return;
        }

        if (Applications.Contains(TeardownPlan.LoadBalancerControllerApplication))
        {
            foreach (var delete in _controllerDeletes)
            {
                await delete();
            }
        }

        if (Applications.Contains(TeardownPlan.ExternalDnsApplication))
        {
            foreach (var delete in _externalDnsDeletes)
            {
                await delete();
            }
        }
    }

    public Task<IReadOnlyList<string>> ApplicationsLeftAsync(IReadOnlyCollection<string>? names, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. Applications.Where(a => names is null || names.Contains(a)).Order(StringComparer.Ordinal)]);

    public Task<IReadOnlyList<string>> LoadBalancedObjectsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Applications.Contains("sample-app") ? ["Ingress app/sample-app"] : []);

    // In the common stack's public subnets, as the controller puts an internet-facing ALB.
    private async Task<(string Arn, string Name)> CreateLoadBalancerAsync(IReadOnlyList<string> subnets, IReadOnlyDictionary<string, string> tags)
    {
        var name = MotoFixture.NewName("k8s-app-sample");
        var parameters = new List<KeyValuePair<string, string>> { new("Name", name), new("Type", "application"), new("Scheme", "internet-facing") };
        parameters.AddRange(subnets.Select((s, i) => new KeyValuePair<string, string>($"Subnets.member.{i + 1}", s)));
        parameters.AddRange(Tags(tags));
        var result = await moto.Query(AwsQueryService.ElasticLoadBalancingV2, region: region).SendAsync("CreateLoadBalancer", parameters, CancellationToken.None);
        var ns = result.Name.Namespace;
        return (result.Element(ns + "LoadBalancers")!.Element(ns + "member")!.Element(ns + "LoadBalancerArn")!.Value, name);
    }

    private static IEnumerable<KeyValuePair<string, string>> Tags(IReadOnlyDictionary<string, string> tags) =>
        tags.SelectMany((t, i) => new KeyValuePair<string, string>[] { new($"Tags.member.{i + 1}.Key", t.Key), new($"Tags.member.{i + 1}.Value", t.Value) });

    private async Task<string> CreateTargetGroupAsync(string vpcId, IReadOnlyDictionary<string, string> tags)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("Name", MotoFixture.NewName("k8s-app-sample")), new("Protocol", "HTTP"), new("Port", "8080"), new("VpcId", vpcId), new("TargetType", "ip"),
        };
        parameters.AddRange(Tags(tags));
        var result = await moto.Query(AwsQueryService.ElasticLoadBalancingV2, region: region).SendAsync("CreateTargetGroup", parameters, CancellationToken.None);
        var ns = result.Name.Namespace;
        return result.Element(ns + "TargetGroups")!.Element(ns + "member")!.Element(ns + "TargetGroupArn")!.Value;
    }
}
