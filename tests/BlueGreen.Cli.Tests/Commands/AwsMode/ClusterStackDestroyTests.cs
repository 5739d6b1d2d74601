using BlueGreen.Cli.Commands.AwsMode;
using BlueGreen.Core.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Cli.Tests.Commands.AwsMode;

public sealed class ClusterStackDestroyTests
{
    private static readonly EnvironmentConfig Config =
        ConfigLoader.LoadOrThrow(CliRunner.DefaultConfigPath, new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero)));

    private readonly ClusterStackDestroy _destroy = new(Config, Config.Cluster("blue"));

    [Fact]
    public void TurnsOffDeletionProtection_WaitsForTheCluster_ThenDestroysTheStack()
    {
        Assert.Equal(
            "aws eks update-cluster-config --region ap-northeast-1 --name test-blue --no-deletion-protection"
            + " && aws eks wait cluster-active --region ap-northeast-1 --name test-blue"
            + " && npx cdk destroy test-blue --force",
            _destroy.Describe());
    }

    [Fact]
    public async Task RunsTheCommandsInOrder()
    {
        var calls = new List<string>();

        var exit = await _destroy.RunAsync((file, arguments, _) => { calls.Add($"{file} {arguments[1]}"); return Task.FromResult(0); }, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Equal(["aws update-cluster-config", "aws wait", "npx destroy"], calls);
    }

    [Fact]
    public async Task StopsAtTheFirstFailure_WithoutDestroyingTheStack()
    {
        var calls = new List<string>();

        var exit = await _destroy.RunAsync((file, arguments, _) => { calls.Add(file); return Task.FromResult(254); }, CancellationToken.None);

        Assert.Equal(254, exit);
        Assert.Equal(["aws"], calls);
    }
}
