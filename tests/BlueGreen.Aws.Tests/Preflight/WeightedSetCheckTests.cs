using BlueGreen.Aws.Preflight;
using BlueGreen.Aws.Route53;
using BlueGreen.Aws.Tests.Moto;
using BlueGreen.Core.Configuration;

namespace BlueGreen.Aws.Tests.Preflight;

/// <summary>The service name's weighted set as moto's Route53 holds it, written by the router or by hand.</summary>
public sealed class WeightedSetCheckTests : IClassFixture<MotoFixture>
{
    private static readonly EnvironmentConfig Config = ConfigLoader.Load(Path.Combine(RepositoryRoot.Path, "bluegreen.yaml"), TimeProvider.System).Config!;

    private readonly MotoFixture _moto;

    public WeightedSetCheckTests(MotoFixture moto)
    {
        _moto = moto;
    }

    [Fact]
    public async Task Passes_TheRoutersAliasSet_WithTrafficOnOneColour()
    {
        var zone = await _moto.CreateZoneAsync(Config.Dns.ZoneName);
        await _moto.Route53().UpsertAsync(zone, [Alias("blue", 100), Alias("green", 0)], "test", CancellationToken.None);

        var result = await new WeightedSetCheck(_moto.Route53()).EvaluateAsync(Config, zone, CancellationToken.None);

        Assert.Equal(PreflightStatus.Pass, result.Status);
        Assert.Equal($"{Config.Dns.ZoneName} (blue=100, green=0): 2 alias members, not all at weight 0, no zero-weight member behind a health check.", result.Detail);
    }

    [Fact]
    public async Task Fails_ASetWhoseEveryWeightIsZero()
    {
        var zone = await _moto.CreateZoneAsync(Config.Dns.ZoneName);
        await _moto.Route53().UpsertAsync(zone, [Alias("blue", 0), Alias("green", 0)], "test", CancellationToken.None);

        var result = await new WeightedSetCheck(_moto.Route53()).EvaluateAsync(Config, zone, CancellationToken.None);

        Assert.Equal(PreflightStatus.Fail, result.Status);
        Assert.Contains("every member has weight 0 (blue, green), so Route53 splits traffic equally between them", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fails_MembersWithDifferentTtls()
    {
        var zone = await _moto.CreateZoneAsync(Config.Dns.ZoneName);
        var setup = new Route53Setup(_moto);
        await setup.AddWeightedRecordAsync(zone, Config.Dns.ZoneName, "blue", 100, 60, "203.0.113.10");
        await setup.AddWeightedRecordAsync(zone, Config.Dns.ZoneName, "green", 0, 300, "203.0.113.20");

        var result = await new WeightedSetCheck(_moto.Route53()).EvaluateAsync(Config, zone, CancellationToken.None);

        Assert.Equal(PreflightStatus.Fail, result.Status);
        Assert.Contains("members have different TTLs (blue 60 s, green 300 s)", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warns_AZeroWeightMemberBehindAHealthCheck_NamingItAsAFallback()
    {
        var zone = await _moto.CreateZoneAsync(Config.Dns.ZoneName);
        var setup = new Route53Setup(_moto);
        await setup.AddWeightedRecordAsync(zone, Config.Dns.ZoneName, "blue", 100, 60, "203.0.113.10");
        await setup.AddWeightedRecordAsync(zone, Config.Dns.ZoneName, "green", 0, 60, "203.0.113.20", "abcdef11-2222-3333-4444-555555fedcba");

        var result = await new WeightedSetCheck(_moto.Route53()).EvaluateAsync(Config, zone, CancellationToken.None);

        Assert.Equal(PreflightStatus.Warn, result.Status);
        Assert.Contains("green (health check abcdef11-2222-3333-4444-555555fedcba) has weight 0 behind a health check, so it is a fallback path", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fails_WhenTheServiceNameHasNoWeightedRecord()
    {
        var zone = await _moto.CreateZoneAsync(Config.Dns.ZoneName);

        var result = await new WeightedSetCheck(_moto.Route53()).EvaluateAsync(Config, zone, CancellationToken.None);

        Assert.Equal(PreflightStatus.Fail, result.Status);
    }

    private static WeightedRecord Alias(string colour, int weight) =>
        new(Config.Dns.ZoneName, "A", colour, weight, new AliasTarget("Z14GRHDCWA56QT", $"dualstack.k8s-app-{colour}-1234567890.{Config.Region}.elb.amazonaws.com"));
}
