using BlueGreen.Aws.Route53;
using BlueGreen.Aws.Tests.Fakes;
using BlueGreen.Aws.Tests.Moto;
using BlueGreen.Core.Traffic;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Aws.Tests.Route53;

/// <summary>The router on moto's Route53: the weights it writes are the ones read back; PENDING changes come from rewriting moto's answer.</summary>
public sealed class Route53WeightedRouterTests : IClassFixture<MotoFixture>
{
    private readonly MotoFixture _moto;
    private readonly FakeTimeProvider _time = new(Clock.Start);

    public Route53WeightedRouterTests(MotoFixture moto)
    {
        _moto = moto;
    }

    [Fact]
    public async Task SetWeights_WritesOneUpsertBatchForEveryColour_ThatReadsBack()
    {
        var (zone, name) = await NewZoneAsync();
        using var network = new FaultInjectingHandler();

        await Router(zone, name, network).SetWeightsAsync(Weights.ForShare("blue", "green", 10), CancellationToken.None);

        var batch = Assert.Single(network.Requests);
        Assert.True(batch.Is(HttpMethod.Post, "/rrset/"));
        Assert.Contains("<Comment>bluegreen: blue=90 green=10</Comment>", batch.Body, StringComparison.Ordinal);
        Assert.Equal(2, batch.Body.Split("<Action>UPSERT</Action>").Length - 1);
        Assert.Equal(new Weights([new("blue", 90), new("green", 10)]), await Router(zone, name).GetWeightsAsync(CancellationToken.None));
        var stored = await _moto.Route53().ListWeightedRecordsAsync(zone, name, "A", CancellationToken.None);
        Assert.True(stored.Single(r => r.SetIdentifier == "green").Target.SameTargetAs(Route53XmlTests.GreenAlb));
    }

    [Fact]
    public async Task SetWeights_PollsGetChange_WhileRoute53SaysPending()
    {
        var (zone, name) = await NewZoneAsync();
        using var network = new FaultInjectingHandler()
            .Rewrite(r => r.Is(HttpMethod.Post, "/rrset/"), Pending)
            .Rewrite(r => r.Is(HttpMethod.Get, "/change/"), Pending);

        await Clock.RunAsync(_time, () => Router(zone, name, network).SetWeightsAsync(Weights.ForShare("blue", "green", 25), CancellationToken.None), TimeSpan.FromSeconds(1));

        Assert.True(network.Requests[0].Is(HttpMethod.Post, "/rrset/"));
        var polls = network.Requests.Skip(1).Select(r => r.ToString()).ToList();
        Assert.Equal(2, polls.Count);
        Assert.StartsWith("GET /2013-04-01/change/C", Assert.Single(polls.Distinct()), StringComparison.Ordinal);
        Assert.True(_time.GetUtcNow() - Clock.Start >= TimeSpan.FromSeconds(2 + 4), "The second poll waits twice the first interval.");
        Assert.True(await Router(zone, name).VerifyWeightsAsync(Weights.ForShare("blue", "green", 25), CancellationToken.None));
    }

    [Fact]
    public async Task SetWeights_ReportsAChangeThatStaysPending_ByItsId()
    {
        var (zone, name) = await NewZoneAsync();
        using var network = new FaultInjectingHandler().Rewrite(r => r.Method == HttpMethod.Post || r.Is(HttpMethod.Get, "/change/"), Pending, times: 1000);

        var error = await Assert.ThrowsAsync<Route53Exception>(() => Clock.RunAsync(_time, () => Router(zone, name, network).SetWeightsAsync(Weights.ForShare("blue", "green", 10), CancellationToken.None), TimeSpan.FromSeconds(5)));

        var id = network.Requests.Last().Uri.AbsolutePath.Split('/')[^1];
        Assert.Contains($"Route53 accepted change {id} at ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"but it was not INSYNC after 300 s. The change is atomic and will still apply; check it with `aws route53 get-change --id {id}`", error.Message, StringComparison.Ordinal);
        Assert.True(_time.GetUtcNow() - Clock.Start >= TimeSpan.FromMinutes(5));

        // moto applied the batch: the change will still apply, as the message says.
        Assert.Equal(new Weights([new("blue", 90), new("green", 10)]), await Router(zone, name).GetWeightsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SetWeights_MovesEverythingAway_WithAZeroWeightRecord_NotADelete()
    {
        var (zone, name) = await NewZoneAsync();
        using var network = new FaultInjectingHandler();
        var router = Router(zone, name, network);
        await router.SetWeightsAsync(Weights.ForShare("blue", "green", 50), CancellationToken.None);

        await router.SetWeightsAsync(Weights.AllTo("green", ["blue"]), CancellationToken.None);

        Assert.Equal(new Dictionary<string, int> { ["blue"] = 0, ["green"] = 100 }, (await router.ReadRecordedWeightsAsync(CancellationToken.None))!.ByColour);
        Assert.All(network.Requests.Where(r => r.Method == HttpMethod.Post), post => Assert.DoesNotContain("DELETE", post.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SetWeights_WhenAColoursLoadBalancerCannotBeLookedUp_KeepsTheTargetItsRecordHas()
    {
        var (zone, name) = await NewZoneAsync();
        await Router(zone, name).SetWeightsAsync(Weights.AllTo("blue", ["green"]), CancellationToken.None);
        var before = (await _moto.Route53().ListWeightedRecordsAsync(zone, name, "A", CancellationToken.None)).Single(r => r.SetIdentifier == "green").Target;
        var router = new Route53WeightedRouter(_moto.Route53(_time), new AlbAliasTargets((c, _) => Task.FromResult<string?>(c == "blue" ? BlueHostname : null)), Options(zone, name), _time);

        await Clock.RunAsync(_time, () => router.SetWeightsAsync(Weights.ForShare("blue", "green", 10), CancellationToken.None), TimeSpan.FromSeconds(1));

        var green = (await _moto.Route53().ListWeightedRecordsAsync(zone, name, "A", CancellationToken.None)).Single(r => r.SetIdentifier == "green");
        Assert.Equal(10, green.Weight);
        Assert.True(green.Target.SameTargetAs(before), green.Target.ToString());
        Assert.Contains("green: its load balancer could not be looked up", Assert.Single(router.LastFallbacks), StringComparison.Ordinal);
        Assert.True(await router.VerifyWeightsAsync(Weights.ForShare("blue", "green", 10), CancellationToken.None));
    }

    [Fact]
    public async Task SetWeights_SendsNothing_WhenAColourToGetTrafficHasNeitherALoadBalancerNorARecord()
    {
        var (zone, name) = await NewZoneAsync();
        using var network = new FaultInjectingHandler();
        var router = new Route53WeightedRouter(_moto.Route53(_time, network: network), new AlbAliasTargets((c, _) => Task.FromResult<string?>(c == "blue" ? BlueHostname : null)), Options(zone, name), _time);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => router.SetWeightsAsync(Weights.ForShare("blue", "green", 10), CancellationToken.None));

        Assert.Contains("green is to get weight 10, but its load balancer could not be looked up (The green cluster's Ingress has no load balancer hostname yet", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(network.Requests, r => r.Method == HttpMethod.Post);
        Assert.Null(await Router(zone, name).ReadWeightsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SetWeights_AtWeightZero_LeavesAColourWithNeitherALoadBalancerNorARecord_WithoutOne()
    {
        var (zone, name) = await NewZoneAsync();
        var router = new Route53WeightedRouter(_moto.Route53(_time), new AlbAliasTargets((c, _) => Task.FromResult<string?>(c == "blue" ? BlueHostname : null)), Options(zone, name), _time);

        await Clock.RunAsync(_time, () => router.SetWeightsAsync(Weights.AllTo("blue", ["green"]), CancellationToken.None), TimeSpan.FromSeconds(1));

        Assert.Equal(["blue"], (await _moto.Route53().ListWeightedRecordsAsync(zone, name, "A", CancellationToken.None)).Select(r => r.SetIdentifier));
        Assert.True(await router.VerifyWeightsAsync(Weights.AllTo("blue", ["green"]), CancellationToken.None));
        Assert.False(await router.VerifyWeightsAsync(Weights.ForShare("blue", "green", 10), CancellationToken.None));
    }

    [Fact]
    public async Task SetWeights_Rejects_AColourItDoesNotOwn_AndSendsNothing()
    {
        var (zone, name) = await NewZoneAsync();
        using var network = new FaultInjectingHandler();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Router(zone, name, network).SetWeightsAsync(Weights.ForShare("blue", "red", 10), CancellationToken.None));

        Assert.StartsWith("The weights name colours this router does not own: red. Known colours: blue, green.", error.Message, StringComparison.Ordinal);
        Assert.Empty(network.Requests);
    }

    [Fact]
    public async Task SetWeights_OfANameOutsideTheZone_IsRejectedByRoute53_AndChangesNothing()
    {
        var (zone, _) = await NewZoneAsync();

        var error = await Assert.ThrowsAsync<Route53Exception>(() => Router(zone, "test.example.org").SetWeightsAsync(Weights.ForShare("blue", "green", 10), CancellationToken.None));

        Assert.Equal("InvalidChangeBatch", error.Code);
        Assert.Contains("nothing was changed", error.Message, StringComparison.Ordinal);
        Assert.Null(await Router(zone, "test.example.org").ReadWeightsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GetWeights_ReadsEachColoursRecord_AndNothingElse()
    {
        var (zone, name) = await NewZoneAsync();
        var writer = _moto.Route53();
        await writer.UpsertAsync(zone, [.. Route53RestClientTests.Batch(name, 75, 25), new WeightedRecord(name, "A", "canary", 9, Route53XmlTests.GreenAlb)], "c", CancellationToken.None);
        await writer.UpsertAsync(zone, [new WeightedRecord(name, "AAAA", "blue", 1, Route53XmlTests.BlueAlb), new WeightedRecord("a." + name, "A", "green", 1, Route53XmlTests.GreenAlb)], "around", CancellationToken.None);
        await new Route53Setup(_moto).AddPlainRecordAsync(zone, name, "TXT", "\"owner=bluegreen\"");

        var weights = await Router(zone, name).GetWeightsAsync(CancellationToken.None);

        Assert.Equal(new Weights([new("blue", 75), new("green", 25)]), weights);
    }

    [Fact]
    public async Task SetAndVerify_OverSmallPages_InAZoneFullOfOtherRecords()
    {
        var (zone, name) = await NewZoneAsync();
        var writer = _moto.Route53();
        await writer.UpsertAsync(zone, [.. Enumerable.Range(0, 20).Select(i => new WeightedRecord($"n{i}.{name}", "A", "blue", i, Route53XmlTests.BlueAlb))], "neighbours", CancellationToken.None);
        await writer.UpsertAsync(zone, [new WeightedRecord(name, "AAAA", "green", 1, Route53XmlTests.GreenAlb)], "same name, other type", CancellationToken.None);
        using var network = new FaultInjectingHandler();
        var client = _moto.Route53(_time, new Route53ClientOptions { MaxRetries = 0, PageSize = 2 }, network);
        var router = new Route53WeightedRouter(client, Targets(), Options(zone, name), _time);

        await router.SetWeightsAsync(Weights.ForShare("blue", "green", 50), CancellationToken.None);

        Assert.True(await router.VerifyWeightsAsync(Weights.ForShare("blue", "green", 50), CancellationToken.None));
        Assert.Equal(new Weights([new("blue", 50), new("green", 50)]), await router.GetWeightsAsync(CancellationToken.None));
        Assert.All(network.Requests.Where(r => r.Method == HttpMethod.Get), list => Assert.EndsWith($"rrset?name={name}.&type=A&maxitems=2", list.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetWeights_GivesAColourWithoutRecordZero_AndRecordedWeightsLeaveItOut()
    {
        var (zone, name) = await NewZoneAsync();
        await _moto.Route53().UpsertAsync(zone, [new WeightedRecord(name, "A", "blue", 100, Route53XmlTests.BlueAlb)], "c", CancellationToken.None);
        var router = Router(zone, name);

        Assert.Equal(0, (await router.GetWeightsAsync(CancellationToken.None))["green"]);
        Assert.Equal(new Dictionary<string, int> { ["blue"] = 100 }, (await router.ReadRecordedWeightsAsync(CancellationToken.None))!.ByColour);
    }

    [Fact]
    public async Task WithoutRecords_ReadsGiveNull_AndGetWeightsSaysHowToCreateThem()
    {
        var (zone, name) = await NewZoneAsync();
        await new Route53Setup(_moto).AddPlainRecordAsync(zone, name, "A", "192.0.2.10");
        var router = Router(zone, name);

        Assert.Null(await router.ReadWeightsAsync(CancellationToken.None));
        Assert.Null(await router.ReadRecordedWeightsAsync(CancellationToken.None));
        var error = await Assert.ThrowsAsync<Route53Exception>(() => router.GetWeightsAsync(CancellationToken.None));
        Assert.Equal($"The hosted zone {zone} has no weighted A record for {name} with a colour as its set identifier (blue, green). Run `bluegreen shift` with the live colour at 100 to create them.", error.Message);
    }

    [Fact]
    public async Task Verify_IsTrue_AfterSet_AndFalseForOtherWeights()
    {
        var (zone, name) = await NewZoneAsync();
        var router = Router(zone, name);
        await router.SetWeightsAsync(Weights.ForShare("blue", "green", 25), CancellationToken.None);

        Assert.True(await router.VerifyWeightsAsync(Weights.ForShare("blue", "green", 25), CancellationToken.None));
        Assert.False(await router.VerifyWeightsAsync(Weights.ForShare("blue", "green", 50), CancellationToken.None));
    }

    [Fact]
    public async Task Verify_IsFalse_WhenARecordPointsElsewhere()
    {
        var (zone, name) = await NewZoneAsync();
        await _moto.Route53().UpsertAsync(zone, [new WeightedRecord(name, "A", "blue", 90, Route53XmlTests.BlueAlb), new WeightedRecord(name, "A", "green", 10, Route53XmlTests.BlueAlb)], "c", CancellationToken.None);

        Assert.False(await Router(zone, name).VerifyWeightsAsync(Weights.ForShare("blue", "green", 10), CancellationToken.None));
    }

    [Fact]
    public async Task Verify_IsFalse_WhenAColourHasNoRecord()
    {
        var (zone, name) = await NewZoneAsync();
        await _moto.Route53().UpsertAsync(zone, [new WeightedRecord(name, "A", "blue", 100, Route53XmlTests.BlueAlb)], "c", CancellationToken.None);

        Assert.False(await Router(zone, name).VerifyWeightsAsync(Weights.AllTo("blue", ["green"]), CancellationToken.None));
    }

    private const string BlueHostname = "k8s-app-app-blue0a1b2c-1234567890.ap-northeast-1.elb.amazonaws.com";

    private static string Pending(string body) => body.Replace("<Status>INSYNC</Status>", "<Status>PENDING</Status>", StringComparison.Ordinal);

    private Route53WeightedRouter Router(string zone, string name, FaultInjectingHandler? network = null) =>
        new(_moto.Route53(_time, network: network), Targets(), Options(zone, name), _time);

    private static Route53RouterOptions Options(string zone, string name) => new() { HostedZoneId = zone, RecordName = name, Colours = ["blue", "green"] };

    // Hostnames as the Ingress status gives them: green's in upper case with a final dot, which the router normalizes.
    private static AlbAliasTargets Targets() => new((colour, _) => Task.FromResult<string?>(colour switch
    {
        "blue" => BlueHostname,
        "green" => "K8S-app-app-green3d4e-987654321.ap-northeast-1.elb.amazonaws.com.",
        _ => null,
    }));

    private async Task<(string Zone, string Name)> NewZoneAsync()
    {
        var name = MotoFixture.NewName("svc") + ".example.com";
        return (await _moto.CreateZoneAsync(name), name);
    }
}
