using BlueGreen.Aws.Endpoints;

namespace BlueGreen.Aws.Tests.Endpoints;

public sealed class AwsEndpointsTests
{
    [Fact]
    public void Route53_IsTheGlobalEndpoint_SignedInUsEast1()
    {
        Assert.Equal(new ServiceEndpoint(new Uri("https://route53.amazonaws.com"), "us-east-1", false), AwsEndpoints.Route53("ap-northeast-1", Env()));
    }

    [Theory]
    [InlineData("cn-north-1", "https://route53.amazonaws.com.cn/", "cn-northwest-1")]
    [InlineData("us-gov-east-1", "https://route53.us-gov.amazonaws.com/", "us-gov-west-1")]
    public void Route53_FollowsThePartition(string region, string url, string signingRegion)
    {
        var endpoint = AwsEndpoints.Route53(region, Env());

        Assert.Equal((url, signingRegion), (endpoint.Url.ToString(), endpoint.SigningRegion));
    }

    [Fact]
    public void ServiceVariable_WinsOverTheGeneralOne()
    {
        var endpoint = AwsEndpoints.Route53("ap-northeast-1", Env(("AWS_ENDPOINT_URL_ROUTE_53", "http://127.0.0.1:4566"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:5000")));

        Assert.Equal(new ServiceEndpoint(new Uri("http://127.0.0.1:4566"), "us-east-1", true), endpoint);
    }

    [Fact]
    public void GeneralVariable_AppliesWhenTheServiceHasNone()
    {
        Assert.Equal(new Uri("http://127.0.0.1:5000"), AwsEndpoints.Route53("ap-northeast-1", Env(("AWS_ENDPOINT_URL", "http://127.0.0.1:5000"))).Url);
    }

    [Fact]
    public void IgnoreVariable_TurnsConfiguredEndpointsOff()
    {
        var endpoint = AwsEndpoints.Route53("ap-northeast-1", Env(("AWS_ENDPOINT_URL", "http://127.0.0.1:5000"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "TRUE")));

        Assert.False(endpoint.FromEnvironment);
    }

    [Theory]
    [InlineData("127.0.0.1:4566")]
    [InlineData("ftp://127.0.0.1")]
    public void Rejects_AVariableThatIsNotAnHttpUrl_NamingIt(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => AwsEndpoints.Route53("ap-northeast-1", Env(("AWS_ENDPOINT_URL_ROUTE_53", value))));

        Assert.Contains("AWS_ENDPOINT_URL_ROUTE_53", error.Message, StringComparison.Ordinal);
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
