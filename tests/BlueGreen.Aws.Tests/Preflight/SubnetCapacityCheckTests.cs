using System.Net;
using BlueGreen.Aws.Preflight;
using BlueGreen.Aws.Tests.Fakes;
using BlueGreen.Core.Configuration;

namespace BlueGreen.Aws.Tests.Preflight;

public sealed class SubnetCapacityCheckTests
{
    private static readonly EnvironmentConfig Config = ConfigLoader.Load(Path.Combine(RepositoryRoot.Path, "bluegreen.yaml"), TimeProvider.System).Config!;

    [Fact]
    public async Task AsksForThePrivateSubnetsOfTheCommonStack()
    {
        var recorder = new SdkShapeRecorder().Answer(HttpStatusCode.OK, Ec2("describe-subnets.xml"));
        using var ec2 = recorder.Ec2Client();

        var result = await new SubnetCapacityCheck(ec2).EvaluateAsync(Config, Config.Cluster("green"), CancellationToken.None);

        Assert.Equal(PreflightStatus.Pass, result.Status);
        var body = Uri.UnescapeDataString(Assert.Single(recorder.Bodies));
        Assert.Contains("Action=DescribeSubnets", body, StringComparison.Ordinal);
        Assert.Contains("Filter.1.Name=cidr-block", body, StringComparison.Ordinal);
        Assert.Contains("Filter.1.Value.1=10.0.100.0/24", body, StringComparison.Ordinal);
        Assert.Contains("Filter.1.Value.3=10.0.102.0/24", body, StringComparison.Ordinal);
        Assert.Contains("Filter.2.Name=tag:aws:cloudformation:stack-name", body, StringComparison.Ordinal);
        Assert.Contains("Filter.2.Value.1=test-common", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fails_ASubnetWithTooFewFreeIps_NamingIt()
    {
        var result = await Evaluate("describe-subnets-crowded.xml");

        Assert.Equal(PreflightStatus.Fail, result.Status);
        Assert.Contains("subnet-0a1b2c3d4e5f60002 (10.0.101.0/24) has 30 free IPs; green's nodes need about 40 per subnet (4 nodes incl. one surge)", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warns_WhenLessThanTwiceTheNeedIsFree()
    {
        Assert.Equal(PreflightStatus.Warn, (await Evaluate("describe-subnets-tight.xml")).Status);
    }

    [Fact]
    public async Task Fails_WhenTheCommonStacksSubnetsAreMissing()
    {
        var result = await Evaluate("describe-subnets-one.xml");

        Assert.Equal(PreflightStatus.Fail, result.Status);
        Assert.Contains("10.0.101.0/24, 10.0.102.0/24", result.Detail, StringComparison.Ordinal);
        Assert.Contains("npx cdk deploy test-common", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fails_WhenEc2DeniesTheCall()
    {
        var recorder = new SdkShapeRecorder().Answer(HttpStatusCode.Forbidden, "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation.</Message></Error></Errors><RequestID>req-1</RequestID></Response>");
        using var ec2 = recorder.Ec2Client();

        var result = await new SubnetCapacityCheck(ec2).EvaluateAsync(Config, Config.Cluster("green"), CancellationToken.None);

        Assert.Equal(PreflightStatus.Fail, result.Status);
        Assert.Contains("ec2:DescribeSubnets", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fails_WhenEc2CannotBeReached_SayingWhatToCheck()
    {
        var recorder = new SdkShapeRecorder().Refuse();
        using var ec2 = recorder.Ec2Client();

        var result = await new SubnetCapacityCheck(ec2).EvaluateAsync(Config, Config.Cluster("green"), CancellationToken.None);

        Assert.Equal(PreflightStatus.Fail, result.Status);
        Assert.Contains("AWS_ENDPOINT_URL_EC2", result.Detail, StringComparison.Ordinal);
    }

    private static async Task<PreflightResult> Evaluate(string file)
    {
        var recorder = new SdkShapeRecorder().Answer(HttpStatusCode.OK, Ec2(file));
        using var ec2 = recorder.Ec2Client();
        return await new SubnetCapacityCheck(ec2).EvaluateAsync(Config, Config.Cluster("green"), CancellationToken.None);
    }

    private static string Ec2(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "ec2", name));
}
