using Amazon.S3.Model;

namespace BlueGreen.Aws.Tests.Moto;

/// <summary>The fixture itself: moto answers, enforces S3's conditional writes, and holds Route53 zones.</summary>
public sealed class MotoFixtureTests : IClassFixture<MotoFixture>
{
    private readonly MotoFixture _moto;

    public MotoFixtureTests(MotoFixture moto)
    {
        _moto = moto;
    }

    [Fact]
    public async Task S3_RefusesASecondCreateOfTheSameKey_WithIfNoneMatch()
    {
        var bucket = await _moto.CreateBucketAsync();
        using var s3 = _moto.S3();
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k", ContentBody = "one", IfNoneMatch = "*" });

        var error = await Assert.ThrowsAsync<Amazon.S3.AmazonS3Exception>(() => s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k", ContentBody = "two", IfNoneMatch = "*" }));

        Assert.Equal(System.Net.HttpStatusCode.PreconditionFailed, error.StatusCode);
    }

    [Fact]
    public async Task Route53_CreatesAZoneThatIsFoundByName()
    {
        var name = MotoFixture.NewName("zone") + ".example.com";
        var id = await _moto.CreateZoneAsync(name);

        Assert.Equal(id, await _moto.Route53().FindPublicZoneIdAsync(name, CancellationToken.None));
    }
}
