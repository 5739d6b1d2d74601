using BlueGreen.Aws.Route53;

namespace BlueGreen.Aws.Tests.Route53;

public sealed class DnsNamesTests
{
    [Theory]
    [InlineData("Test.Example.com.", "test.example.com")]
    [InlineData("test.example.com", "test.example.com")]
    [InlineData("\\052.test.example.com.", "*.test.example.com")]
    [InlineData("a\\100b.example.com", "a@b.example.com")]
    [InlineData("a\\9b.example.com", "a\\9b.example.com")]
    public void Normalizes_AsRoute53ComparesNames(string name, string normalized)
    {
        Assert.Equal(normalized, DnsNames.Normalize(name));
    }

    [Fact]
    public void Qualified_EndsWithOneDot()
    {
        Assert.Equal("test.example.com.", DnsNames.Qualified("TEST.example.com."));
    }

    [Fact]
    public void AliasTargets_MatchIgnoringCaseAndTheFinalDot_ButNotAnotherZoneOrHealthSetting()
    {
        var target = new AliasTarget("Z14GRHDCWA56QT", "dualstack.k8s-app.ap-northeast-1.elb.amazonaws.com");

        Assert.True(target.SameTargetAs(new AliasTarget("Z14GRHDCWA56QT", "DUALSTACK.k8s-app.ap-northeast-1.elb.amazonaws.com.")));
        Assert.False(target.SameTargetAs(target with { HostedZoneId = "Z35SXDOTRQ7X7K" }));
        Assert.False(target.SameTargetAs(target with { EvaluateTargetHealth = false }));
    }
}
