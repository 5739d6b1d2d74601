using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using BlueGreen.Aws.Credentials;
using BlueGreen.Cli.Commands.AwsMode;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Cli.Tests.Fakes;
using BlueGreen.Core.Configuration;

namespace BlueGreen.Cli.Tests.Commands.AwsMode;

/// <summary>The AWS-mode options: given ones are taken as they are, missing ones are read from SSM on a local stub.</summary>
public sealed class AwsModeOptionsResolverTests : IDisposable
{
    private static readonly EnvironmentConfig Config = ConfigLoader.Load(CliRunner.DefaultConfigPath, TimeProvider.System).Config!;

    private readonly AwsStub _stub = new("<ListResourceRecordSetsResponse/>");

    public void Dispose() => _stub.Dispose();

    [Fact]
    public async Task GivenOptions_NeedNeitherCredentialsNorSsm()
    {
        var settings = new TargetSettings { JournalBucket = " journal ", ZoneId = "Z1", PrometheusUrl = "http://127.0.0.1:9090", ExpectedCommit = "abc123" };

        var options = await AwsModeOptionsResolver.ResolveAsync(Config, settings, Services(null), CancellationToken.None);

        Assert.Equal(new AwsModeOptions { JournalBucket = "journal", ZoneId = "Z1", PrometheusUrl = new Uri("http://127.0.0.1:9090"), ExpectedCommit = "abc123" }, options);
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task MissingOptions_AreReadFromTheCommonStacksParameters()
    {
        _stub.Parameters["/test/common/journal-bucket"] = "test-common-journal";
        _stub.Parameters["/test/common/zone-id"] = "Z0123456789TESTZONE";

        var options = await AwsModeOptionsResolver.ResolveAsync(Config, new TargetSettings(), Services(new BasicAWSCredentials("AKIDEXAMPLE", "secret")), CancellationToken.None);

        Assert.Equal("test-common-journal", options.JournalBucket);
        Assert.Equal("Z0123456789TESTZONE", options.ZoneId);
        Assert.Null(options.PrometheusUrl);
    }

    [Fact]
    public async Task AnEmptyParameter_IsAnErrorNamingIt()
    {
        _stub.Parameters["/test/common/journal-bucket"] = " ";

        var error = await Assert.ThrowsAsync<CommandFailedException>(() => AwsModeOptionsResolver.ResolveAsync(Config, new TargetSettings { ZoneId = "Z1" }, Services(new BasicAWSCredentials("AKIDEXAMPLE", "secret")), CancellationToken.None));

        Assert.Contains("The SSM parameter /test/common/journal-bucket in ap-northeast-1 is empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("--journal-bucket", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingParameter_NamesTheStackAndTheOption()
    {
        var error = await Assert.ThrowsAsync<CommandFailedException>(() => AwsModeOptionsResolver.ResolveAsync(Config, new TargetSettings { ZoneId = "Z1" }, Services(new BasicAWSCredentials("AKIDEXAMPLE", "secret")), CancellationToken.None));

        Assert.Equal("The SSM parameter /test/common/journal-bucket does not exist in ap-northeast-1. Deploy the common stack (`npx cdk deploy test-common`), or pass --journal-bucket.", error.Message);
    }

    [Fact]
    public async Task WithoutCredentials_ALookupFailsWithASentence()
    {
        var error = await Assert.ThrowsAsync<CommandFailedException>(() => AwsModeOptionsResolver.ResolveAsync(Config, new TargetSettings { JournalBucket = "journal" }, Services(null), CancellationToken.None));

        Assert.StartsWith("AWS mode needs AWS credentials", error.Message, StringComparison.Ordinal);
    }

    private AwsModeServices Services(AWSCredentials? credentials) => new()
    {
        Credentials = new Fixed(credentials),
        Ssm = (c, region) => new AmazonSimpleSystemsManagementClient(c, new AmazonSimpleSystemsManagementConfig { ServiceURL = _stub.Endpoint.ToString(), AuthenticationRegion = region, MaxErrorRetry = 0 }),
    };

    private sealed class Fixed(AWSCredentials? credentials) : IAwsCredentialSource
    {
        public Task<AWSCredentials?> TryResolveAsync(CancellationToken cancellationToken) => Task.FromResult(credentials);
    }
}
