using System.Net;
using BlueGreen.Core.Traffic;
using BlueGreen.Sandbox.Dns;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Sandbox.Tests.Dns;

public sealed class DnsTrafficRouterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly SandboxZone _zone;
    private readonly DnsTrafficRouter _router;

    public DnsTrafficRouterTests()
    {
        _zone = new SandboxZone("test.bluegreen.internal", 1, new Dictionary<string, IPAddress>
        {
            ["blue"] = IPAddress.Parse("127.0.0.2"),
            ["green"] = IPAddress.Parse("127.0.0.3"),
        }, new Random(1), _time);
        _router = new DnsTrafficRouter(_zone);
    }

    [Fact]
    public async Task SetWeights_ReplacesEveryRecordInOneChange()
    {
        await _router.SetWeightsAsync(Weights.ForShare("blue", "green", 25), CancellationToken.None);

        var change = Assert.Single(_zone.History);
        Assert.Equal(75, change.Records.WeightOf("blue"));
        Assert.Equal(25, change.Records.WeightOf("green"));
        Assert.Equal(_time.GetUtcNow(), change.At);
    }

    [Fact]
    public async Task SetWeights_IsIdempotent()
    {
        var weights = Weights.ForShare("blue", "green", 10);

        await _router.SetWeightsAsync(weights, CancellationToken.None);
        await _router.SetWeightsAsync(weights, CancellationToken.None);

        Assert.Single(_zone.History);
    }

    [Fact]
    public async Task GetWeights_ReadsWhatWasSet()
    {
        var weights = Weights.ForShare("blue", "green", 50);
        await _router.SetWeightsAsync(weights, CancellationToken.None);

        Assert.Equal(weights, await _router.GetWeightsAsync(CancellationToken.None));
        Assert.True(await _router.VerifyWeightsAsync(weights, CancellationToken.None));
        Assert.False(await _router.VerifyWeightsAsync(Weights.ForShare("blue", "green", 10), CancellationToken.None));
    }

    [Fact]
    public async Task GetWeights_WithoutRecords_SaysSo()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _router.GetWeightsAsync(CancellationToken.None));

        Assert.Contains("test.bluegreen.internal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_ColourWithoutLoadBalancer()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _router.SetWeightsAsync(Weights.ForShare("blue", "purple", 10), CancellationToken.None));

        Assert.Contains("purple", error.Message, StringComparison.Ordinal);
        Assert.Empty(_zone.History);
    }
}
