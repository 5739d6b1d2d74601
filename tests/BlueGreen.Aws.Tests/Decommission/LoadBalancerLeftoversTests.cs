using System.Net;
using BlueGreen.Aws.Decommission;
using BlueGreen.Aws.Tests.Fakes;

namespace BlueGreen.Aws.Tests.Decommission;

public sealed class LoadBalancerLeftoversTests
{
    [Fact]
    public async Task ACleanVpc_HasNoLeftovers_AfterTwoQueries()
    {
        var recorder = new SdkShapeRecorder()
            .Answer(HttpStatusCode.OK, Ec2("describe-security-groups-none.xml"))
            .Answer(HttpStatusCode.OK, Ec2("describe-network-interfaces-none.xml"));
        using var ec2 = recorder.Ec2Client();

        Assert.Empty(await new LoadBalancerLeftovers(ec2).FindAsync("vpc-0123456789abcdef0", "test-blue", CancellationToken.None));

        var bodies = recorder.Bodies.Select(Uri.UnescapeDataString).ToList();
        Assert.Contains("Action=DescribeSecurityGroups", bodies[0], StringComparison.Ordinal);
        Assert.Contains("Filter.1.Name=vpc-id&Filter.1.Value.1=vpc-0123456789abcdef0", bodies[0], StringComparison.Ordinal);
        Assert.Contains("Filter.2.Name=tag:elbv2.k8s.aws/cluster&Filter.2.Value.1=test-blue", bodies[0], StringComparison.Ordinal);
        Assert.Contains("Action=DescribeNetworkInterfaces", bodies[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamesTheSecurityGroup_AndTheAlbInterfaceStillUsingIt()
    {
        var recorder = new SdkShapeRecorder()
            .Answer(HttpStatusCode.OK, Ec2("describe-security-groups-leftover.xml"))
            .Answer(HttpStatusCode.OK, Ec2("describe-network-interfaces-none.xml"))
            .Answer(HttpStatusCode.OK, Ec2("describe-network-interfaces-alb.xml"));
        using var ec2 = recorder.Ec2Client();

        var leftovers = await new LoadBalancerLeftovers(ec2).FindAsync("vpc-0123456789abcdef0", "test-blue", CancellationToken.None);

        Assert.Equal(
            [
                "security group sg-0f1e2d3c4b5a69788 (k8s-traffic-testblue-0a1b2c3d4e) tagged elbv2.k8s.aws/cluster=test-blue",
                "network interface eni-0a9b8c7d6e5f40321 (ELB app/k8s-app-sampleap-3f9c1d2e4b/50dc6c495c0c9188, in-use)",
            ],
            leftovers);
        Assert.Contains("Filter.2.Name=group-id&Filter.2.Value.1=sg-0f1e2d3c4b5a69788", Uri.UnescapeDataString(recorder.Bodies[2]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindsTheCommonStacksVpc()
    {
        var recorder = new SdkShapeRecorder().Answer(HttpStatusCode.OK, Ec2("describe-vpcs.xml"));
        using var ec2 = recorder.Ec2Client();

        Assert.Equal("vpc-0123456789abcdef0", await new LoadBalancerLeftovers(ec2).FindVpcAsync("test-common", "10.0.0.0/16", CancellationToken.None));
    }

    private static string Ec2(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "ec2", name));
}
