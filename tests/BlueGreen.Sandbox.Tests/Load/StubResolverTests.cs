using System.Net;
using BlueGreen.Core.Traffic;
using BlueGreen.Sandbox.Dns;
using BlueGreen.Sandbox.Load;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Sandbox.Tests.Load;

public sealed class StubResolverTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly SandboxZone _zone;
    private readonly SandboxDnsServer _server;
    private readonly StubResolver _resolver;

    public StubResolverTests()
    {
        _zone = new SandboxZone("test.bluegreen.internal", 2, new Dictionary<string, IPAddress>
        {
            ["blue"] = IPAddress.Parse("127.0.0.2"),
            ["green"] = IPAddress.Parse("127.0.0.3"),
        }, new Random(3), _time);
        _zone.Replace(WeightedRecordSet.From(Weights.AllTo("blue", ["green"])));
        _server = SandboxDnsServer.Start(_zone, IPAddress.Loopback);
        _resolver = new StubResolver(_server.Endpoint, "test.bluegreen.internal", _time);
    }

    [Fact]
    public async Task CachesTheAnswer_ForItsTtl()
    {
        var first = await _resolver.ResolveAsync(CancellationToken.None);
        _zone.Replace(WeightedRecordSet.From(Weights.AllTo("green", ["blue"])));
        _time.Advance(TimeSpan.FromSeconds(1.9));

        var cached = await _resolver.ResolveAsync(CancellationToken.None);

        Assert.Same(first, cached);
        Assert.Equal(IPAddress.Parse("127.0.0.2"), cached.Address);
        Assert.Equal(1, _resolver.Queries);
    }

    [Fact]
    public async Task AsksAgain_OnceTheTtlRunsOut()
    {
        var first = await _resolver.ResolveAsync(CancellationToken.None);
        _zone.Replace(WeightedRecordSet.From(Weights.AllTo("green", ["blue"])));
        _time.Advance(TimeSpan.FromSeconds(2));

        var fresh = await _resolver.ResolveAsync(CancellationToken.None);

        Assert.NotEqual(first.Id, fresh.Id);
        Assert.Equal(IPAddress.Parse("127.0.0.3"), fresh.Address);
        Assert.Equal(first.At + TimeSpan.FromSeconds(2), first.Expires);
        Assert.Equal(2, _resolver.Queries);
    }

    [Fact]
    public async Task EmptyAnswer_IsNotCached()
    {
        _zone.Replace(WeightedRecordSet.Empty);

        var empty = await _resolver.ResolveAsync(CancellationToken.None);
        _zone.Replace(WeightedRecordSet.From(Weights.AllTo("blue", ["green"])));
        var next = await _resolver.ResolveAsync(CancellationToken.None);

        Assert.Null(empty.Address);
        Assert.Equal(IPAddress.Parse("127.0.0.2"), next.Address);
    }

    public void Dispose()
    {
        _resolver.Dispose();
        _server.Dispose();
    }
}
