using BlueGreen.Aws.Preflight;
using BlueGreen.Aws.Tests.Moto;
using BlueGreen.Core.Configuration;

namespace BlueGreen.Aws.Tests.Preflight;

/// <summary>The journal bucket and the service zone on moto's S3 and Route53.</summary>
public sealed class StateLocationCheckTests : IClassFixture<MotoFixture>
{
    private static readonly EnvironmentConfig Config = ConfigLoader.Load(Path.Combine(RepositoryRoot.Path, "bluegreen.yaml"), TimeProvider.System).Config!;

    private readonly MotoFixture _moto;

    public StateLocationCheckTests(MotoFixture moto)
    {
        _moto = moto;
    }

    [Fact]
    public async Task JournalBucket_PassesForABucketThatCanBeListed_AndFailsForOneThatIsNotThere()
    {
        var bucket = await _moto.CreateBucketAsync(Config.Region);
        using var s3 = _moto.S3(region: Config.Region);

        var there = await StateLocationCheck.JournalBucketAsync(s3, Config, bucket, CancellationToken.None);
        var missing = await StateLocationCheck.JournalBucketAsync(s3, Config, bucket + "-gone", CancellationToken.None);

        Assert.Equal(PreflightStatus.Pass, there.Status);
        Assert.Equal(PreflightStatus.Fail, missing.Status);
        Assert.Equal($"The bucket {bucket}-gone does not exist; deploy the common stack or pass --journal-bucket.", missing.Detail);
    }

    [Fact]
    public async Task HostedZone_IsFoundByName_OrFailsSayingHowToFixIt()
    {
        var route53 = _moto.Route53();
        var absent = await StateLocationCheck.HostedZoneAsync(route53, Config with { Dns = Config.Dns with { ParentZoneName = "example.org", Subdomain = "nowhere" } }, null, CancellationToken.None);
        var zone = await _moto.CreateZoneAsync(Config.Dns.ZoneName);

        var found = await StateLocationCheck.HostedZoneAsync(route53, Config, zone, CancellationToken.None);

        Assert.Equal(PreflightStatus.Fail, absent.Status);
        Assert.Equal("No public hosted zone nowhere.example.org was found; deploy the common stack or pass --zone-id.", absent.Detail);
        Assert.Equal(PreflightStatus.Pass, found.Status);
    }
}
