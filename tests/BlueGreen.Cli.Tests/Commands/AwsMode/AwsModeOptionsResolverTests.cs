using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using BlueGreen.Cli.Composition;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Cli.Tests.Fakes;
using BlueGreen.Core.Configuration;

namespace BlueGreen.Cli.Tests.Commands.AwsMode;

/// <summary>The AWS-mode options: given ones are taken as they are, missing ones are read from SSM on moto.</summary>
public sealed class AwsModeOptionsResolverTests : IClassFixture<MotoFixture>, IAsyncLifetime
{
    private static readonly EnvironmentConfig Config = ConfigLoader.Load(CliRunner.DefaultConfigPath, TimeProvider.System).Config!;

    private readonly MotoFixture _moto;

    public AwsModeOptionsResolverTests(MotoFixture moto)
    {
        _moto = moto;
    }

    // The parameter names are the configuration's (/test/common/...), so every test starts from an empty moto.
    public Task InitializeAsync() => _moto.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GivenOptions_NeedNeitherCredentialsNorSsm()
    {
        var settings = new TargetSettings { JournalBucket = " journal ", ZoneId = "Z1", PrometheusUrl = "http://127.0.0.1:9090", ExpectedCommit = "abc123" };

        var options = await AwsModeOptionsResolver.ResolveAsync(Config, settings, MotoServices.For(_moto, credentials: false), CancellationToken.None);

        Assert.Equal(new AwsModeOptions { JournalBucket = "journal", ZoneId = "Z1", PrometheusUrl = new Uri("http://127.0.0.1:9090"), ExpectedCommit = "abc123" }, options);
    }

    [Fact]
    public async Task MissingOptions_AreReadFromTheCommonStacksParameters()
    {
        await PutAsync("/test/common/journal-bucket", "test-common-journal");
        await PutAsync("/test/common/zone-id", "Z0123456789TESTZONE");

        var options = await AwsModeOptionsResolver.ResolveAsync(Config, new TargetSettings(), MotoServices.For(_moto), CancellationToken.None);

        Assert.Equal("test-common-journal", options.JournalBucket);
        Assert.Equal("Z0123456789TESTZONE", options.ZoneId);
        Assert.Null(options.PrometheusUrl);
    }

    [Fact]
    public async Task ABlankParameter_IsAnErrorNamingIt()
    {
        await PutAsync("/test/common/journal-bucket", " ");

        var error = await Assert.ThrowsAsync<CommandFailedException>(() => AwsModeOptionsResolver.ResolveAsync(Config, new TargetSettings { ZoneId = "Z1" }, MotoServices.For(_moto), CancellationToken.None));

        Assert.Contains("The SSM parameter /test/common/journal-bucket in ap-northeast-1 is empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("--journal-bucket", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingParameter_NamesTheStackAndTheOption()
    {
        var error = await Assert.ThrowsAsync<CommandFailedException>(() => AwsModeOptionsResolver.ResolveAsync(Config, new TargetSettings { ZoneId = "Z1" }, MotoServices.For(_moto), CancellationToken.None));

        Assert.Equal("The SSM parameter /test/common/journal-bucket does not exist in ap-northeast-1. Deploy the common stack (`npx cdk deploy test-common`), or pass --journal-bucket.", error.Message);
    }

    [Fact]
    public async Task AParameterInAnotherRegion_IsNotFound()
    {
        using (var ssm = _moto.Ssm("us-west-2"))
        {
            await ssm.PutParameterAsync(new PutParameterRequest { Name = "/test/common/journal-bucket", Value = "elsewhere", Type = ParameterType.String });
        }

        var error = await Assert.ThrowsAsync<CommandFailedException>(() => AwsModeOptionsResolver.ResolveAsync(Config, new TargetSettings { ZoneId = "Z1" }, MotoServices.For(_moto), CancellationToken.None));

        Assert.Contains("does not exist in ap-northeast-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutCredentials_ALookupFailsWithASentence()
    {
        var error = await Assert.ThrowsAsync<CommandFailedException>(() => AwsModeOptionsResolver.ResolveAsync(Config, new TargetSettings { JournalBucket = "journal" }, MotoServices.For(_moto, credentials: false), CancellationToken.None));

        Assert.StartsWith("AWS mode needs AWS credentials", error.Message, StringComparison.Ordinal);
    }

    private async Task PutAsync(string name, string value)
    {
        using var ssm = _moto.Ssm("ap-northeast-1");
        await ssm.PutParameterAsync(new PutParameterRequest { Name = name, Value = value, Type = ParameterType.String });
    }
}
