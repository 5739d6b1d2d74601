using Amazon.EC2.Model;
using BlueGreen.Aws.Clients;
using BlueGreen.Aws.LoadBalancing;

namespace BlueGreen.Aws.Tests.Moto;

/// <summary>Creates in moto what the AWS Load Balancer Controller creates for an Ingress: an application load balancer in two public subnets.</summary>
internal sealed class LoadBalancerSetup(MotoFixture moto, string region = "us-east-1")
{
    private string[]? _subnets;

    /// <summary>A new internet-facing ALB named <paramref name="name"/>, tagged with <paramref name="tags"/>.</summary>
    public async Task<LoadBalancer> CreateAsync(string name, IReadOnlyDictionary<string, string>? tags = null)
    {
        var subnets = _subnets ??= await SubnetsAsync();
        var parameters = new List<KeyValuePair<string, string>> { new("Name", name), new("Type", "application"), new("Scheme", "internet-facing") };
        parameters.AddRange(subnets.Select((s, i) => new KeyValuePair<string, string>($"Subnets.member.{i + 1}", s)));
        parameters.AddRange((tags ?? new Dictionary<string, string>()).SelectMany((t, i) => new KeyValuePair<string, string>[] { new($"Tags.member.{i + 1}.Key", t.Key), new($"Tags.member.{i + 1}.Value", t.Value) }));
        var result = await moto.Query(AwsQueryService.ElasticLoadBalancingV2, region: region).SendAsync("CreateLoadBalancer", parameters, CancellationToken.None);
        var ns = result.Name.Namespace;
        var created = result.Element(ns + "LoadBalancers")!.Element(ns + "member")!;
        return new LoadBalancer(created.Element(ns + "LoadBalancerArn")!.Value, name, created.Element(ns + "DNSName")!.Value, created.Element(ns + "CanonicalHostedZoneId")!.Value, "application", created.Element(ns + "State")!.Element(ns + "Code")!.Value);
    }

    private async Task<string[]> SubnetsAsync()
    {
        using var ec2 = moto.Ec2(region: region);
        var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.20.0.0/16" })).Vpc.VpcId;
        return
        [
            (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, AvailabilityZone = region + "a", CidrBlock = "10.20.0.0/24" })).Subnet.SubnetId,
            (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, AvailabilityZone = region + "b", CidrBlock = "10.20.1.0/24" })).Subnet.SubnetId,
        ];
    }
}
