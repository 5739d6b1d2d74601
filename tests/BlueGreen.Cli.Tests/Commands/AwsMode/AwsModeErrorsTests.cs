using Amazon.S3;
using BlueGreen.Cli.Composition;

namespace BlueGreen.Cli.Tests.Commands.AwsMode;

public sealed class AwsModeErrorsTests
{
    [Fact]
    public void ANetworkFailure_SaysWhatToCheck()
    {
        var error = new HttpRequestException("Connection refused (127.0.0.1:9)");

        Assert.True(AwsModeErrors.IsExpected(error));
        Assert.Equal("A request failed on the network: Connection refused (127.0.0.1:9) Check connectivity, the region and any AWS_ENDPOINT_URL variables.", AwsModeErrors.Describe(error));
    }

    [Fact]
    public void AnAwsError_NamesStatusAndCode()
    {
        var error = new AmazonS3Exception("Access Denied") { StatusCode = System.Net.HttpStatusCode.Forbidden, ErrorCode = "AccessDenied" };

        Assert.Equal("AWS answered 403 AccessDenied: Access Denied", AwsModeErrors.Describe(error));
    }

    [Fact]
    public void AProgrammingError_IsNotExpected()
    {
        Assert.False(AwsModeErrors.IsExpected(new NullReferenceException()));
    }
}
