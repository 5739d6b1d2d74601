using BlueGreen.Aws.Route53;
using BlueGreen.Aws.Tests.Fakes;
using BlueGreen.Core.Traffic;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Aws.Tests.Route53;

public sealed class Route53WeightedRouterTests
{
    private const string Zone = "Z0123456789TESTZONE";

    private readonly FakeTimeProvider _time = new(Clock.Start);

    [Fact]
    public async Task SetWeights_SendsOneUpsertBatchForEveryColour_ThenPollsUntilInSync()
    {
        var route53 = new FakeRoute53(pollsUntilInSync: 2);

        await Clock.RunAsync(_time, () => Router(route53).SetWeightsAsync(Weights.ForShare("blue", "green", 10), CancellationToken.None), TimeSpan.FromSeconds(1));

        Assert.Equal([$"Upsert {Zone} 2", "GetChange C1", "GetChange C1"], route53.Calls);
        var batch = Assert.Single(route53.Batches);
        Assert.Equal(
            [new WeightedRecord("test.example.com", "A", "blue", 90, Route53XmlTests.BlueAlb), new WeightedRecord("test.example.com", "A", "green", 10, Route53XmlTests.GreenAlb)],
            batch);
    }

    [Fact]
    public async Task SetWeights_MovesEverythingAway_WithAZeroWeightRecord_NotADelete()
    {
        var route53 = new FakeRoute53(pollsUntilInSync: 0);

        await Router(route53).SetWeightsAsync(Weights.AllTo("green", ["blue"]), CancellationToken.None);

        Assert.Equal([("blue", 0), ("green", 100)], route53.Batches.Single().Select(r => (r.SetIdentifier, r.Weight)));
    }

    [Fact]
    public async Task SetWeights_SendsNothing_WhenAColourHasNoLoadBalancer()
    {
        var route53 = new FakeRoute53();
        var router = new Route53WeightedRouter(route53, new AlbAliasTargets((c, _) => Task.FromResult<string?>(c == "blue" ? "k8s-app-app-blue0a1b2c-1234567890.ap-northeast-1.elb.amazonaws.com" : null)), Options(), _time);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => router.SetWeightsAsync(Weights.ForShare("blue", "green", 10), CancellationToken.None));

        Assert.Contains("green cluster's Ingress has no load balancer hostname", error.Message, StringComparison.Ordinal);
        Assert.Empty(route53.Calls);
    }

    [Fact]
    public async Task SetWeights_Rejects_AColourItDoesNotOwn()
    {
        var route53 = new FakeRoute53();

        await Assert.ThrowsAsync<ArgumentException>(() => Router(route53).SetWeightsAsync(Weights.ForShare("blue", "red", 10), CancellationToken.None));
        Assert.Empty(route53.Calls);
    }

    [Fact]
    public async Task SetWeights_ReportsAChangeThatStaysPending_ByItsId()
    {
        var route53 = new FakeRoute53(pollsUntilInSync: int.MaxValue);

        var error = await Assert.ThrowsAsync<Route53Exception>(() => Clock.RunAsync(_time, () => Router(route53).SetWeightsAsync(Weights.ForShare("blue", "green", 10), CancellationToken.None), TimeSpan.FromSeconds(5)));

        Assert.Contains("change C1", error.Message, StringComparison.Ordinal);
        Assert.Contains("aws route53 get-change --id C1", error.Message, StringComparison.Ordinal);
        Assert.True(_time.GetUtcNow() - Clock.Start >= TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task GetWeights_ReadsEachColoursRecord()
    {
        var route53 = new FakeRoute53(0, new WeightedRecord("test.example.com.", "A", "blue", 75, Route53XmlTests.BlueAlb), new WeightedRecord("test.example.com.", "A", "green", 25, Route53XmlTests.GreenAlb), new WeightedRecord("test.example.com.", "A", "canary", 9, Route53XmlTests.GreenAlb));

        var weights = await Router(route53).GetWeightsAsync(CancellationToken.None);

        Assert.Equal(new Weights([new("blue", 75), new("green", 25)]), weights);
    }

    [Fact]
    public async Task GetWeights_GivesAColourWithoutRecordZero()
    {
        var route53 = new FakeRoute53(0, new WeightedRecord("test.example.com.", "A", "blue", 100, Route53XmlTests.BlueAlb));

        Assert.Equal(0, (await Router(route53).GetWeightsAsync(CancellationToken.None))["green"]);
    }

    [Fact]
    public async Task RecordedWeights_LeaveOutAColourWithoutRecord()
    {
        var route53 = new FakeRoute53(0, new WeightedRecord("test.example.com.", "A", "blue", 0, Route53XmlTests.BlueAlb));

        var recorded = await Router(route53).ReadRecordedWeightsAsync(CancellationToken.None);

        Assert.Equal(new Dictionary<string, int> { ["blue"] = 0 }, recorded!.ByColour);
        Assert.Null(await Router(new FakeRoute53()).ReadRecordedWeightsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GetWeights_SaysHowToCreateTheRecords_WhenThereAreNone()
    {
        var error = await Assert.ThrowsAsync<Route53Exception>(() => Router(new FakeRoute53()).GetWeightsAsync(CancellationToken.None));

        Assert.Contains("no weighted A record for test.example.com", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_IsTrue_AfterSet()
    {
        var route53 = new FakeRoute53(pollsUntilInSync: 0);
        var router = Router(route53);
        var weights = Weights.ForShare("blue", "green", 25);
        await router.SetWeightsAsync(weights, CancellationToken.None);

        Assert.True(await router.VerifyWeightsAsync(weights, CancellationToken.None));
        Assert.False(await router.VerifyWeightsAsync(Weights.ForShare("blue", "green", 50), CancellationToken.None));
    }

    [Fact]
    public async Task Verify_IsFalse_WhenARecordPointsElsewhere()
    {
        var route53 = new FakeRoute53(0, new WeightedRecord("test.example.com.", "A", "blue", 90, Route53XmlTests.BlueAlb), new WeightedRecord("test.example.com.", "A", "green", 10, Route53XmlTests.BlueAlb));

        Assert.False(await Router(route53).VerifyWeightsAsync(Weights.ForShare("blue", "green", 10), CancellationToken.None));
    }

    [Fact]
    public async Task Verify_IsFalse_WhenAColourHasNoRecord()
    {
        var route53 = new FakeRoute53(0, new WeightedRecord("test.example.com.", "A", "blue", 100, Route53XmlTests.BlueAlb));

        Assert.False(await Router(route53).VerifyWeightsAsync(Weights.AllTo("blue", ["green"]), CancellationToken.None));
    }

    private Route53WeightedRouter Router(FakeRoute53 route53) => new(route53, Targets(), Options(), _time);

    private static Route53RouterOptions Options() => new() { HostedZoneId = Zone, RecordName = "test.example.com", Colours = ["blue", "green"] };

    private static AlbAliasTargets Targets() => new((colour, _) => Task.FromResult<string?>(colour switch
    {
        "blue" => "k8s-app-app-blue0a1b2c-1234567890.ap-northeast-1.elb.amazonaws.com",
        "green" => "K8S-app-app-green3d4e-987654321.ap-northeast-1.elb.amazonaws.com.",
        _ => null,
    }));
}
