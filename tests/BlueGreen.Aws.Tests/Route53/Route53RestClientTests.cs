using System.Net;
using BlueGreen.Aws.Route53;
using BlueGreen.Aws.Tests.Fakes;
using BlueGreen.Aws.Tests.Moto;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Aws.Tests.Route53;

/// <summary>The Route53 client against moto's Route53: batches stored and read back, moto's own errors, and injected throttling, 5xx and network failures.</summary>
public sealed class Route53RestClientTests : IClassFixture<MotoFixture>
{
    private readonly MotoFixture _moto;
    private readonly FakeTimeProvider _time = new(Clock.Start);

    public Route53RestClientTests(MotoFixture moto)
    {
        _moto = moto;
    }

    [Fact]
    public async Task Upsert_StoresTheWeightedAliasRecords_FromOneSignedBatch()
    {
        var (zone, name) = await NewZoneAsync();
        using var network = new FaultInjectingHandler();

        var info = await _moto.Route53(network: network).UpsertAsync("/hostedzone/" + zone, Batch(name, 90, 10), "bluegreen: blue=90 green=10", CancellationToken.None);

        Assert.True(info.InSync);
        var post = Assert.Single(network.Requests);
        Assert.Equal($"POST /2013-04-01/hostedzone/{zone}/rrset/", post.ToString());
        Assert.Equal(2, post.Body.Split("<Action>UPSERT</Action>").Length - 1);

        // moto does not check signatures: that the scope is Route53's is shown here, the signature itself by the SigV4 suite.
        Assert.Matches("^AWS4-HMAC-SHA256 Credential=testing/[0-9]{8}/us-east-1/route53/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$", post.Headers["Authorization"]);
        var stored = await _moto.Route53().ListWeightedRecordsAsync(zone, name, "A", CancellationToken.None);
        Assert.Equal([(name + ".", "A", "blue", 90), (name + ".", "A", "green", 10)], stored.Select(r => (r.Name, r.Type, r.SetIdentifier, r.Weight)));

        // Route53 answers alias names with a final dot and moto without one; the comparison ignores it either way.
        Assert.True(stored[0].Target.SameTargetAs(Route53XmlTests.BlueAlb) && stored[1].Target.SameTargetAs(Route53XmlTests.GreenAlb));
    }

    [Fact]
    public async Task Upsert_OfRecordsThatExist_ReplacesTheirWeights()
    {
        var (zone, name) = await NewZoneAsync();
        var client = _moto.Route53();
        await client.UpsertAsync(zone, Batch(name, 90, 10), "first", CancellationToken.None);

        await client.UpsertAsync(zone, Batch(name, 0, 100), "a < b & c", CancellationToken.None);

        Assert.Equal([("blue", 0), ("green", 100)], (await client.ListWeightedRecordsAsync(zone, name, "A", CancellationToken.None)).Select(r => (r.SetIdentifier, r.Weight)));
    }

    [Fact]
    public async Task GetChange_OfTheSubmittedBatch_IsInSync()
    {
        var (zone, name) = await NewZoneAsync();
        var client = _moto.Route53();
        var submitted = await client.UpsertAsync(zone, Batch(name, 90, 10), "c", CancellationToken.None);

        var info = await client.GetChangeAsync("/change/" + submitted.Id, CancellationToken.None);

        Assert.Equal((submitted.Id, "INSYNC"), (info.Id, info.Status));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(300)]
    public async Task List_ReturnsOnlyTheWeightedAliasRecordsOfTheNameAndType_AmongOthers(int pageSize)
    {
        var (zone, name) = await NewZoneAsync();
        var writer = _moto.Route53();
        await writer.UpsertAsync(zone, Batch(name, 75, 25), "ours", CancellationToken.None);
        await writer.UpsertAsync(zone, [new WeightedRecord(name, "AAAA", "blue", 100, Route53XmlTests.BlueAlb)], "same name, other type", CancellationToken.None);
        await writer.UpsertAsync(zone, [new WeightedRecord("a." + name, "A", "blue", 1, Route53XmlTests.BlueAlb), new WeightedRecord("zz." + name, "A", "green", 1, Route53XmlTests.GreenAlb)], "other names", CancellationToken.None);
        var setup = new Route53Setup(_moto);
        await setup.AddPlainRecordAsync(zone, name, "TXT", "\"owner=bluegreen\"");
        await setup.AddPlainRecordAsync(zone, "b." + name, "A", "192.0.2.10");
        using var network = new FaultInjectingHandler();

        var records = await _moto.Route53(options: new Route53ClientOptions { MaxRetries = 0, PageSize = pageSize }, network: network).ListWeightedRecordsAsync(zone, name, "A", CancellationToken.None);

        Assert.Equal([("blue", 75), ("green", 25)], records.Select(r => (r.SetIdentifier, r.Weight)));
        var list = Assert.Single(network.Requests);
        Assert.Equal($"GET /2013-04-01/hostedzone/{zone}/rrset?name={name}.&type=A&maxitems={pageSize}", list.ToString());
    }

    [Fact]
    public async Task List_OfANameWithoutRecords_IsEmpty()
    {
        var (zone, name) = await NewZoneAsync();

        Assert.Empty(await _moto.Route53().ListWeightedRecordsAsync(zone, name, "A", CancellationToken.None));
    }

    [Fact]
    public async Task List_FollowsNextRecordIdentifier_WhenAPageEndsInsideTheWeightedGroup()
    {
        // moto 5.2.1 neither sends NextRecordIdentifier nor reads StartRecordIdentifier, so this is the API reference's
        // own paging (TestData/route53/list-weighted-alias-page1.xml and page2) answered in moto's place.
        using var network = new FaultInjectingHandler()
            .AnswerInstead(r => r.Uri.Query.Contains("identifier=", StringComparison.Ordinal), HttpStatusCode.OK, TestFiles.Route53("list-weighted-alias-page2.xml"))
            .AnswerInstead(r => r.Method == HttpMethod.Get, HttpStatusCode.OK, TestFiles.Route53("list-weighted-alias-page1.xml"));

        var records = await _moto.Route53(options: new Route53ClientOptions { MaxRetries = 0, PageSize = 1 }, network: network).ListWeightedRecordsAsync("Z0123456789TESTZONE", "test.example.com", "A", CancellationToken.None);

        Assert.Equal([("blue", 0), ("green", 100)], records.Select(r => (r.SetIdentifier, r.Weight)));
        Assert.Equal(
            ["GET /2013-04-01/hostedzone/Z0123456789TESTZONE/rrset?name=test.example.com.&type=A&maxitems=1", "GET /2013-04-01/hostedzone/Z0123456789TESTZONE/rrset?name=test.example.com.&type=A&identifier=green&maxitems=1"],
            network.Requests.Select(r => r.ToString()));
    }

    [Fact]
    public async Task List_WhosePageEndsInsideTheWeightedGroupWithoutNamingTheNextRecord_IsAnError_NotAnEndlessLoop()
    {
        // moto ends a page inside a weighted group without NextRecordIdentifier, so asking again asks for the same page.
        var (zone, name) = await NewZoneAsync();
        await _moto.Route53().UpsertAsync(zone, Batch(name, 90, 10), "c", CancellationToken.None);
        using var network = new FaultInjectingHandler();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var error = await Assert.ThrowsAsync<Route53Exception>(() => _moto.Route53(options: new Route53ClientOptions { MaxRetries = 0, PageSize = 1 }, network: network).ListWeightedRecordsAsync(zone, name, "A", deadline.Token));

        Assert.Equal($"ListResourceRecordSets on hosted zone {zone} answered a truncated page whose next page starts where this one did ({name}. A), so paging would never end. Route53 names the next weighted record with NextRecordIdentifier; check that the endpoint {_moto.Endpoint} is Route53 (AWS_ENDPOINT_URL_ROUTE_53).", error.Message);
        Assert.Single(network.Requests);
    }

    [Fact]
    public async Task List_FromAnEndpointThatIgnoresTheIdentifier_IsAnError_NotAnEndlessLoop()
    {
        // An endpoint that sends NextRecordIdentifier but does not read it back answers the first page again.
        using var network = new FaultInjectingHandler().AnswerInstead(r => r.Method == HttpMethod.Get, HttpStatusCode.OK, TestFiles.Route53("list-weighted-alias-page1.xml"), times: 2);

        var error = await Assert.ThrowsAsync<Route53Exception>(() => _moto.Route53(options: new Route53ClientOptions { MaxRetries = 0, PageSize = 1 }, network: network).ListWeightedRecordsAsync("Z0123456789TESTZONE", "test.example.com", "A", CancellationToken.None));

        Assert.Contains("whose next page starts where this one did (test.example.com. A green)", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, network.Requests.Count);
    }

    [Fact]
    public async Task FindsThePublicZone_ByName_IgnoringAPrivateZoneOfTheSameName()
    {
        var name = MotoFixture.NewName("zone") + ".example.com";
        var id = await _moto.CreateZoneAsync(name);
        await new Route53Setup(_moto).CreatePrivateZoneAsync(name);

        Assert.Equal(id, await _moto.Route53().FindPublicZoneIdAsync(name.ToUpperInvariant(), CancellationToken.None));
        Assert.Null(await _moto.Route53().FindPublicZoneIdAsync(MotoFixture.NewName("none") + ".example.com", CancellationToken.None));
    }

    [Fact]
    public async Task TwoPublicZonesOfTheSameName_AreAnError_NamingBoth()
    {
        var name = MotoFixture.NewName("zone") + ".example.com";
        var first = await _moto.CreateZoneAsync(name);
        var second = await _moto.CreateZoneAsync(name);

        var error = await Assert.ThrowsAsync<Route53Exception>(() => _moto.Route53().FindPublicZoneIdAsync(name, CancellationToken.None));

        Assert.Contains($"More than one public hosted zone is named '{name}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(first, error.Message, StringComparison.Ordinal);
        Assert.Contains(second, error.Message, StringComparison.Ordinal);
        Assert.Contains("set dns.zoneId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetriesThrottling_PriorRequestNotComplete_And503_ThenStoresTheBatch()
    {
        var (zone, name) = await NewZoneAsync();
        using var network = new FaultInjectingHandler()
            .AnswerInstead(IsChange, HttpStatusCode.BadRequest, TestFiles.Route53("error-throttling.xml"))
            .AnswerInstead(IsChange, HttpStatusCode.BadRequest, TestFiles.Route53("error-prior-request-not-complete.xml"))
            .AnswerInstead(IsChange, HttpStatusCode.ServiceUnavailable, string.Empty);
        var client = Retrying(network, maxRetries: 6);

        var info = await Clock.RunAsync(_time, () => client.UpsertAsync(zone, Batch(name, 90, 10), "c", CancellationToken.None), TimeSpan.FromSeconds(1));

        Assert.True(info.InSync);
        Assert.Equal(4, network.Requests.Count);

        // Each attempt is signed afresh, so a retry after a long backoff is not rejected as stale.
        Assert.True(string.CompareOrdinal(network.Requests[3].Headers["X-Amz-Date"], network.Requests[0].Headers["X-Amz-Date"]) > 0);
        Assert.Equal(2, (await _moto.Route53().ListWeightedRecordsAsync(zone, name, "A", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task RetriesANetworkFailure()
    {
        var (zone, name) = await NewZoneAsync();
        using var network = new FaultInjectingHandler().Refuse(r => r.Method == HttpMethod.Get);

        var records = await Clock.RunAsync(_time, () => Retrying(network, maxRetries: 2).ListWeightedRecordsAsync(zone, name, "A", CancellationToken.None), TimeSpan.FromSeconds(1));

        Assert.Empty(records);
        Assert.Equal(2, network.Requests.Count);
    }

    [Fact]
    public async Task GivesUp_OnThrottling_AfterTheConfiguredRetries_WithWhatToDo_AndNothingChanged()
    {
        var (zone, name) = await NewZoneAsync();
        using var network = new FaultInjectingHandler().AnswerInstead(IsChange, HttpStatusCode.BadRequest, TestFiles.Route53("error-throttling.xml"), times: 3);

        var error = await Assert.ThrowsAsync<Route53Exception>(() => Clock.RunAsync(_time, () => Retrying(network, maxRetries: 2).UpsertAsync(zone, Batch(name, 90, 10), "c", CancellationToken.None), TimeSpan.FromSeconds(1)));

        Assert.Equal("Throttling", error.Code);
        Assert.Equal($"Route53 answered ChangeResourceRecordSets on hosted zone {zone} with 400 Throttling. Route53 said: Rate exceeded. It was retried 2 times with backoff; wait and run the command again (it is safe to repeat).", error.Message);
        Assert.Equal(3, network.Requests.Count);
        Assert.Empty(await _moto.Route53().ListWeightedRecordsAsync(zone, name, "A", CancellationToken.None));
    }

    [Fact]
    public async Task GivesUp_OnA5xxFromAProxy_AfterTheConfiguredRetries_WithWhatToDo()
    {
        var (zone, name) = await NewZoneAsync();
        using var network = new FaultInjectingHandler().AnswerInstead(r => r.Method == HttpMethod.Get, HttpStatusCode.BadGateway, "<html>Bad Gateway</html>", times: 3, contentType: "text/html");

        var error = await Assert.ThrowsAsync<Route53Exception>(() => Clock.RunAsync(_time, () => Retrying(network, maxRetries: 2).ListWeightedRecordsAsync(zone, name, "A", CancellationToken.None), TimeSpan.FromSeconds(1)));

        Assert.Equal((502, "Unknown"), (error.StatusCode, error.Code));
        Assert.Equal($"Route53 answered ListResourceRecordSets on hosted zone {zone} with 502 Unknown. It was retried 2 times with backoff; wait and run the command again (it is safe to repeat).", error.Message);
    }

    [Fact]
    public async Task GivesUp_WhenTheEndpointCannotBeReached_NamingIt()
    {
        var (zone, name) = await NewZoneAsync();
        using var network = new FaultInjectingHandler().Refuse(_ => true, times: 3);

        var error = await Assert.ThrowsAsync<Route53Exception>(() => Clock.RunAsync(_time, () => Retrying(network, maxRetries: 2).ListWeightedRecordsAsync(zone, name, "A", CancellationToken.None), TimeSpan.FromSeconds(1)));

        Assert.StartsWith($"ListResourceRecordSets on hosted zone {zone} could not reach {_moto.Endpoint} after 2 retries: Connection refused (injected)", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Check the network and the endpoint (AWS_ENDPOINT_URL_ROUTE_53).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidChangeBatch_FromRoute53_IsNotRetried_AndSaysNothingChanged()
    {
        var (zone, name) = await NewZoneAsync();
        using var network = new FaultInjectingHandler();

        // A record outside the zone: moto refuses the batch as Route53 does.
        var error = await Assert.ThrowsAsync<Route53Exception>(() => Retrying(network, maxRetries: 6).UpsertAsync(zone, Batch("test.example.org", 90, 10), "c", CancellationToken.None));

        Assert.Equal(("InvalidChangeBatch", 400), (error.Code, error.StatusCode));
        Assert.StartsWith($"Route53 rejected the whole change batch (ChangeResourceRecordSets on hosted zone {zone}); nothing was changed. Route53 said: RRSet with DNS name test.example.org. is not permitted in zone {name}.", error.Message, StringComparison.Ordinal);
        Assert.Single(network.Requests);
        Assert.Empty(await _moto.Route53().ListWeightedRecordsAsync(zone, name, "A", CancellationToken.None));
    }

    [Fact]
    public async Task InvalidChangeBatch_InTheDocumentRoute53Sends_ListsEachMessage()
    {
        // Route53 answers a rejected batch with an <InvalidChangeBatch> document, one message per change (the API
        // reference's example); moto answers with an ErrorResponse instead, so the reference's document stands in for it.
        var (zone, name) = await NewZoneAsync();
        using var network = new FaultInjectingHandler().AnswerInstead(IsChange, HttpStatusCode.BadRequest, TestFiles.Route53("error-invalid-change-batch.xml"));

        var error = await Assert.ThrowsAsync<Route53Exception>(() => Retrying(network, maxRetries: 6).UpsertAsync(zone, Batch(name, 90, 10), "c", CancellationToken.None));

        Assert.Equal("InvalidChangeBatch", error.Code);
        Assert.Contains("but the alias target name does not lie within the target zone", Assert.Single(error.Details), StringComparison.Ordinal);
        Assert.Contains("nothing was changed. Route53 said: [Tried to create an alias", error.Message, StringComparison.Ordinal);
        Assert.Single(network.Requests);
    }

    [Fact]
    public async Task AZoneThatDoesNotExist_SaysToCheckTheZoneId()
    {
        var error = await Assert.ThrowsAsync<Route53Exception>(() => _moto.Route53().ListWeightedRecordsAsync("Z0NOSUCHZONE", "test.example.com", "A", CancellationToken.None));

        Assert.Equal("NoSuchHostedZone", error.Code);
        Assert.StartsWith("Route53 has no such hosted zone (ListResourceRecordSets on hosted zone Z0NOSUCHZONE). Route53 said: No hosted zone found with ID: Z0NOSUCHZONE", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Check dns.zoneId, or leave it out so the zone is found by name.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("error-access-denied.xml", "Grant the caller route53:ChangeResourceRecordSets, route53:ListResourceRecordSets and route53:GetChange on the service zone")]
    [InlineData("error-expired-token.xml", "Refresh them (e.g. aws sso login, or export fresh AWS_* variables) and run again.")]
    public async Task AnAnswerOnlyIamGives_IsNotRetried_AndSaysWhatToDo(string answer, string whatToDo)
    {
        var (zone, name) = await NewZoneAsync();
        using var network = new FaultInjectingHandler().AnswerInstead(IsChange, HttpStatusCode.Forbidden, TestFiles.Route53(answer));

        var error = await Assert.ThrowsAsync<Route53Exception>(() => Retrying(network, maxRetries: 6).UpsertAsync(zone, Batch(name, 90, 10), "c", CancellationToken.None));

        Assert.Equal(403, error.StatusCode);
        Assert.Contains(whatToDo, error.Message, StringComparison.Ordinal);
        Assert.Single(network.Requests);
    }

    [Fact]
    public async Task AnAnswerInAnotherNamespace_SaysTheEndpointMayNotBeRoute53()
    {
        var (zone, name) = await NewZoneAsync();
        using var network = new FaultInjectingHandler().Rewrite(IsChange, body => body.Replace("doc/2013-04-01/", "doc/2012-12-12/", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<Route53Exception>(() => _moto.Route53(network: network).UpsertAsync(zone, Batch(name, 90, 10), "c", CancellationToken.None));

        Assert.Contains("<ChangeResourceRecordSetsResponse> in namespace 'https://route53.amazonaws.com/doc/2012-12-12/'", error.Message, StringComparison.Ordinal);
        Assert.Contains("check that the endpoint is Route53", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswerWithAMisnamedElement_NamesTheElementItLacks()
    {
        var (zone, name) = await NewZoneAsync();
        using var network = new FaultInjectingHandler().Rewrite(IsChange, body => body.Replace("ChangeInfo>", "ChangeInformation>", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<Route53Exception>(() => _moto.Route53(network: network).UpsertAsync(zone, Batch(name, 90, 10), "c", CancellationToken.None));

        Assert.Contains("has no <ChangeInfo>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnHtmlPageInsteadOfAnAnswer_SaysItIsNotXml()
    {
        using var network = new FaultInjectingHandler().AnswerInstead(_ => true, HttpStatusCode.OK, "<html>proxy login", contentType: "text/html");

        var error = await Assert.ThrowsAsync<Route53Exception>(() => _moto.Route53(network: network).GetChangeAsync("C1", CancellationToken.None));

        Assert.Contains("not XML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_AZoneIdThatWouldChangeThePath_AndSendsNothing()
    {
        using var network = new FaultInjectingHandler();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _moto.Route53(network: network).UpsertAsync("Z123/../x", Batch("test.example.com", 90, 10), "c", CancellationToken.None));

        Assert.Contains("not a Route53 hosted zone id", error.Message, StringComparison.Ordinal);
        Assert.Empty(network.Requests);
    }

    [Fact]
    public async Task Rejects_AnEmptyBatch_AndSendsNothing()
    {
        using var network = new FaultInjectingHandler();

        await Assert.ThrowsAsync<ArgumentException>(() => _moto.Route53(network: network).UpsertAsync("Z123", [], "c", CancellationToken.None));

        Assert.Empty(network.Requests);
    }

    internal static WeightedRecord[] Batch(string name, int blue, int green) =>
        [new(name, "A", "blue", blue, Route53XmlTests.BlueAlb), new(name, "A", "green", green, Route53XmlTests.GreenAlb)];

    private static bool IsChange(RecordedRequest request) => request.Is(HttpMethod.Post, "/rrset/");

    private Route53RestClient Retrying(FaultInjectingHandler network, int maxRetries) =>
        _moto.Route53(_time, new Route53ClientOptions { MaxRetries = maxRetries, Randomizer = new Random(7).NextDouble }, network);

    private async Task<(string Zone, string Name)> NewZoneAsync()
    {
        var name = MotoFixture.NewName("svc") + ".example.com";
        return (await _moto.CreateZoneAsync(name), name);
    }
}
