using BlueGreen.Aws.CloudWatch;
using BlueGreen.Aws.Metrics;
using BlueGreen.Aws.State;
using BlueGreen.Cli.Composition;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Cli.Tests.Fakes;
using BlueGreen.Core.Configuration;
using BlueGreen.Kubernetes.Clusters;

namespace BlueGreen.Cli.Tests.Commands.AwsMode;

/// <summary>The one composition of AWS mode, against moto: the zone found by name or taken as given, the state in the bucket.</summary>
public sealed class AwsModeAdaptersTests : IClassFixture<MotoFixture>, IAsyncLifetime
{
    private static readonly EnvironmentConfig Config = ConfigLoader.Load(CliRunner.DefaultConfigPath, TimeProvider.System).Config!;

    private readonly MotoFixture _moto;

    public AwsModeAdaptersTests(MotoFixture moto)
    {
        _moto = moto;
    }

    // The configuration's zone name is fixed, so every test starts from an empty moto.
    public Task InitializeAsync() => _moto.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ComposesTheAwsAdapters_FindingTheZoneByName()
    {
        var zone = await _moto.CreateZoneAsync(Config.Dns.ZoneName);
        var services = MotoServices.For(_moto);

        using var adapters = await AwsModeAdapters.CreateAsync(Config, services, new AwsModeOptions { JournalBucket = "journal" }, KubernetesClusterSide.Create(Config, services, new AwsModeOptions { JournalBucket = "journal" }, TimeProvider.System), TimeProvider.System, CancellationToken.None);

        Assert.Equal(zone, adapters.ZoneId);
        Assert.IsType<KubernetesClusterProbe>(adapters.Clusters.Probe);
        Assert.Equal("s3://journal/test/journal/", adapters.Journal.Location);
        Assert.IsType<S3Lock>(adapters.Lock);
        Assert.Null(await adapters.Router.ReadWeightsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AGivenZoneId_IsTakenAsItIs_WithoutALookup()
    {
        var options = new AwsModeOptions { JournalBucket = "journal", ZoneId = "Z0000000000000NOLOOKUP" };

        // No zone of the configuration's name exists: a lookup would fail.
        using var adapters = await AwsModeAdapters.CreateAsync(Config, MotoServices.For(_moto), options, Side(options), TimeProvider.System, CancellationToken.None);

        Assert.Equal("Z0000000000000NOLOOKUP", adapters.ZoneId);
    }

    [Fact]
    public async Task NoZoneOfTheName_IsAnErrorNamingTheZoneAndTheParameter()
    {
        var options = new AwsModeOptions { JournalBucket = "journal" };

        var error = await Assert.ThrowsAsync<CommandFailedException>(() => AwsModeAdapters.CreateAsync(Config, MotoServices.For(_moto), options, Side(options), TimeProvider.System, CancellationToken.None));

        Assert.Equal("No public hosted zone test.example.com was found; deploy the common stack or give the zone id (SSM /test/common/zone-id).", error.Message);
    }

    [Fact]
    public async Task WithoutCredentials_Fails()
    {
        var options = new AwsModeOptions { JournalBucket = "journal" };

        var error = await Assert.ThrowsAsync<CommandFailedException>(() => AwsModeAdapters.CreateAsync(Config, MotoServices.For(_moto, credentials: false), options, Side(options), TimeProvider.System, CancellationToken.None));

        Assert.Contains("needs AWS credentials", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutGateSettings_TheEngineKeepsTodaysMetrics_AndNoChecks()
    {
        var options = new AwsModeOptions { JournalBucket = "journal", ZoneId = "Z0000000000000NOLOOKUP" };

        using var adapters = await AwsModeAdapters.CreateAsync(Config, MotoServices.For(_moto), options, Side(options), TimeProvider.System, CancellationToken.None);

        var services = adapters.EngineServices(TimeProvider.System);
        Assert.Empty(services.UserTrafficSources);
        Assert.Empty(services.Checks);
    }

    [Fact]
    public async Task GatesSourceAndAlarms_BecomeTheEnginesNamedSourcesAndItsAlarmCheck()
    {
        var config = Config with { Gates = Config.Gates with { Interval = TimeSpan.FromMinutes(1), Sources = [GateSourceKind.Cloudwatch, GateSourceKind.Probes], Alarms = ["web-5xx", "team-*"] } };
        var options = new AwsModeOptions { JournalBucket = "journal", ZoneId = "Z0000000000000NOLOOKUP" };

        using var adapters = await AwsModeAdapters.CreateAsync(config, MotoServices.For(_moto), options, Side(options), TimeProvider.System, CancellationToken.None);

        var services = adapters.EngineServices(TimeProvider.System);
        Assert.Equal(["cloudwatch", "probes"], services.UserTrafficSources.Select(s => s.Name));
        Assert.IsType<CloudWatchMetricSource>(services.UserTrafficSources[0].Metrics);
        Assert.IsType<HttpProbeMetricSource>(services.UserTrafficSources[1].Metrics);
        Assert.IsType<CloudWatchAlarmCheck>(Assert.Single(services.Checks));
    }

    [Fact]
    public async Task Prometheus_WithoutItsUrl_IsBadInput()
    {
        var config = Config with { Gates = Config.Gates with { Sources = [GateSourceKind.Prometheus] } };
        var options = new AwsModeOptions { JournalBucket = "journal", ZoneId = "Z0000000000000NOLOOKUP" };

        var error = await Assert.ThrowsAsync<UserInputException>(() => AwsModeAdapters.CreateAsync(config, MotoServices.For(_moto), options, Side(options), TimeProvider.System, CancellationToken.None));

        Assert.Equal("gates.source lists prometheus, but no Prometheus was given, so nothing was done. Give --prometheus-url, or take prometheus out of gates.source.", error.Message);
    }

    private ClusterSide Side(AwsModeOptions options) => KubernetesClusterSide.Create(Config, MotoServices.For(_moto), options, TimeProvider.System);
}
