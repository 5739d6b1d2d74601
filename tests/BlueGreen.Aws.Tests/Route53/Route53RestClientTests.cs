using System.Net;
using Amazon.Runtime;
using BlueGreen.Aws.Endpoints;
using BlueGreen.Aws.Route53;
using BlueGreen.Aws.Signing;
using BlueGreen.Aws.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Aws.Tests.Route53;

public sealed class Route53RestClientTests : IDisposable
{
    private const string Zone = "Z0123456789TESTZONE";

    private readonly RecordingHandler _handler = new();
    private readonly HttpClient _http;
    private readonly FakeTimeProvider _time = new(Clock.Start);

    public Route53RestClientTests()
    {
        _http = new HttpClient(_handler);
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Upsert_PostsOneSignedBatch_ToTheZonesRrsetResource()
    {
        _handler.Expect(HttpMethod.Post, $"/2013-04-01/hostedzone/{Zone}/rrset/", HttpStatusCode.OK, TestFiles.Route53("change-response-pending.xml"));

        var info = await Client().UpsertAsync("/hostedzone/" + Zone, Batch(), "bluegreen: blue=90 green=10", CancellationToken.None);

        Assert.Equal("C2682N5HXP0BZ4", info.Id);
        var request = Assert.Single(_handler.Requests);
        Assert.Equal("http://127.0.0.1:9/2013-04-01/hostedzone/Z0123456789TESTZONE/rrset/", request.Uri.ToString());
        Assert.Equal("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261127/us-east-1/route53/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date", request.Headers["Authorization"].Split(", Signature=")[0]);
        Assert.Equal("20261127T090000Z", request.Headers["X-Amz-Date"]);
        Assert.StartsWith("text/xml", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal(2, request.Body!.Split("<Action>UPSERT</Action>").Length - 1);
        Assert.DoesNotContain("DELETE", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetChange_AsksForTheChangeById()
    {
        _handler.Expect(HttpMethod.Get, "/2013-04-01/change/C2682N5HXP0BZ4", HttpStatusCode.OK, TestFiles.Route53("get-change-insync.xml"));

        var info = await Client().GetChangeAsync("/change/C2682N5HXP0BZ4", CancellationToken.None);

        Assert.True(info.InSync);
    }

    [Fact]
    public async Task List_FollowsPages_WhileTheyStayOnTheServiceName()
    {
        _handler
            .Expect(HttpMethod.Get, $"/2013-04-01/hostedzone/{Zone}/rrset?name=test.example.com.&type=A&maxitems=300", HttpStatusCode.OK, TestFiles.Route53("list-weighted-alias-page1.xml"))
            .Expect(HttpMethod.Get, $"/2013-04-01/hostedzone/{Zone}/rrset?name=test.example.com.&type=A&identifier=green&maxitems=300", HttpStatusCode.OK, TestFiles.Route53("list-weighted-alias-page2.xml"));

        var records = await Client().ListWeightedRecordsAsync(Zone, "test.example.com", "A", CancellationToken.None);

        Assert.Equal([("blue", 0), ("green", 100)], records.Select(r => (r.SetIdentifier, r.Weight)));
        _handler.VerifyAllAnswered();
    }

    [Fact]
    public async Task FindsTheZone_ByName()
    {
        _handler.Expect(HttpMethod.Get, "/2013-04-01/hostedzonesbyname?dnsname=test.example.com.&maxitems=10", HttpStatusCode.OK, TestFiles.Route53("list-hosted-zones-by-name.xml"));

        Assert.Equal(Zone, await Client().FindPublicZoneIdAsync("test.example.com", CancellationToken.None));
    }

    [Fact]
    public async Task RetriesThrottling_AndPriorRequestNotComplete_ThenSucceeds()
    {
        _handler
            .Expect(HttpMethod.Post, "/2013-04-01/hostedzone/", HttpStatusCode.BadRequest, TestFiles.Route53("error-throttling.xml"))
            .Expect(HttpMethod.Post, "/2013-04-01/hostedzone/", HttpStatusCode.BadRequest, TestFiles.Route53("error-prior-request-not-complete.xml"))
            .Expect(HttpMethod.Post, "/2013-04-01/hostedzone/", HttpStatusCode.ServiceUnavailable, string.Empty)
            .Expect(HttpMethod.Post, "/2013-04-01/hostedzone/", HttpStatusCode.OK, TestFiles.Route53("change-response-pending.xml"));

        var info = await Clock.RunAsync(_time, () => Client().UpsertAsync(Zone, Batch(), "c", CancellationToken.None), TimeSpan.FromSeconds(1));

        Assert.Equal("C2682N5HXP0BZ4", info.Id);
        Assert.Equal(4, _handler.Requests.Count);

        // Each attempt is signed afresh, so a retry after a long backoff is not rejected as stale.
        Assert.True(_handler.Requests[3].Headers["X-Amz-Date"].CompareTo(_handler.Requests[0].Headers["X-Amz-Date"]) > 0);
    }

    [Fact]
    public async Task RetriesANetworkFailure()
    {
        _handler
            .ExpectNetworkFailure(HttpMethod.Get, "/2013-04-01/change/")
            .Expect(HttpMethod.Get, "/2013-04-01/change/", HttpStatusCode.OK, TestFiles.Route53("get-change-insync.xml"));

        var info = await Clock.RunAsync(_time, () => Client().GetChangeAsync("C2682N5HXP0BZ4", CancellationToken.None), TimeSpan.FromSeconds(1));

        Assert.True(info.InSync);
    }

    [Fact]
    public async Task GivesUp_AfterTheConfiguredRetries_WithWhatToDo()
    {
        for (var i = 0; i < 3; i++)
        {
            _handler.Expect(HttpMethod.Get, "/2013-04-01/change/", HttpStatusCode.BadRequest, TestFiles.Route53("error-throttling.xml"));
        }

        var error = await Assert.ThrowsAsync<Route53Exception>(() => Clock.RunAsync(_time, () => Client(maxRetries: 2).GetChangeAsync("C1", CancellationToken.None), TimeSpan.FromSeconds(1)));

        Assert.Equal("Throttling", error.Code);
        Assert.Contains("retried 2 times", error.Message, StringComparison.Ordinal);
        _handler.VerifyAllAnswered();
    }

    [Fact]
    public async Task InvalidChangeBatch_IsNotRetried_AndSaysNothingChanged()
    {
        _handler.Expect(HttpMethod.Post, "/2013-04-01/hostedzone/", HttpStatusCode.BadRequest, TestFiles.Route53("error-invalid-change-batch.xml"));

        var error = await Assert.ThrowsAsync<Route53Exception>(() => Client().UpsertAsync(Zone, Batch(), "c", CancellationToken.None));

        Assert.Equal("InvalidChangeBatch", error.Code);
        Assert.Contains("nothing was changed", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not lie within the target zone", error.Message, StringComparison.Ordinal);
        Assert.Single(_handler.Requests);
    }

    [Fact]
    public async Task AccessDenied_NamesThePermissionsToGrant()
    {
        _handler.Expect(HttpMethod.Post, "/2013-04-01/hostedzone/", HttpStatusCode.Forbidden, TestFiles.Route53("error-access-denied.xml"));

        var error = await Assert.ThrowsAsync<Route53Exception>(() => Client().UpsertAsync(Zone, Batch(), "c", CancellationToken.None));

        Assert.Equal(403, error.StatusCode);
        Assert.Contains("Grant the caller route53:ChangeResourceRecordSets", error.Message, StringComparison.Ordinal);
        Assert.Single(_handler.Requests);
    }

    [Fact]
    public async Task Rejects_AZoneIdThatWouldChangeThePath()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client().UpsertAsync("Z123/../x", Batch(), "c", CancellationToken.None));

        Assert.Contains("not a Route53 hosted zone id", error.Message, StringComparison.Ordinal);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task Rejects_AnEmptyBatch()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Client().UpsertAsync(Zone, [], "c", CancellationToken.None));
    }

    private Route53RestClient Client(int maxRetries = 6) =>
        new(
            _http,
            new ServiceEndpoint(new Uri("http://127.0.0.1:9"), "us-east-1", true),
            new SigV4RequestSigner(new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), "us-east-1", "route53", _time),
            _time,
            new Route53ClientOptions { MaxRetries = maxRetries, Randomizer = new Random(7).NextDouble });

    private static WeightedRecord[] Batch() =>
        [new("test.example.com", "A", "blue", 90, Route53XmlTests.BlueAlb), new("test.example.com", "A", "green", 10, Route53XmlTests.GreenAlb)];
}
