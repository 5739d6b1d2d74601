using BlueGreen.Aws.Route53;

namespace BlueGreen.Aws.Tests.Route53;

public sealed class LoadBalancerHostedZonesTests
{
    [Theory]
    [InlineData("k8s-app-app-0a1b2c3d4e-123456789.ap-northeast-1.elb.amazonaws.com", "ap-northeast-1")]
    [InlineData("internal-k8s-app-app-0a1b2c3d4e-123456789.us-east-1.elb.amazonaws.com.", "us-east-1")]
    [InlineData("K8S-APP-0A1B.EU-WEST-1.ELB.AMAZONAWS.COM", "eu-west-1")]
    public void ReadsTheRegion_OfAnAlbHostname(string hostname, string region)
    {
        Assert.Equal(region, LoadBalancerHostedZones.RegionOf(hostname));
    }

    [Theory]
    [InlineData("test.example.com")]
    [InlineData("elb.amazonaws.com")]
    [InlineData("abc.cloudfront.net")]
    public void Rejects_ANameThatIsNotALoadBalancer(string hostname)
    {
        var error = Assert.Throws<ArgumentException>(() => LoadBalancerHostedZones.RegionOf(hostname));
        Assert.Contains("not an Elastic Load Balancing DNS name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KnowsTheReferenceRegion()
    {
        Assert.Equal("Z14GRHDCWA56QT", LoadBalancerHostedZones.ForApplicationLoadBalancer("ap-northeast-1"));
    }

    [Fact]
    public void Rejects_AnUnknownRegion_SayingWhereToLookItUp()
    {
        var error = Assert.Throws<ArgumentException>(() => LoadBalancerHostedZones.ForApplicationLoadBalancer("xx-nowhere-1"));
        Assert.Contains("Elastic Load Balancing endpoints and quotas", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryIdLooksLikeARoute53ZoneId()
    {
        Assert.All(LoadBalancerHostedZones.Regions, r => Assert.Matches("^Z[A-Z0-9]{8,}$", LoadBalancerHostedZones.ForApplicationLoadBalancer(r)));
    }
}
