using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Time.Testing;
using SampleApp.Health;

namespace SampleApp.Tests.Health;

public sealed class ReadinessProbeTests
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _time = new();
    private int _checks;
    private Func<CancellationToken, Task<string?>> _answer = _ => Task.FromResult<string?>(null);

    [Fact]
    public async Task ReusesAnAnswer_WithinTheCacheWindow()
    {
        using var probe = CreateProbe();

        Assert.True((await probe.CheckAsync(CancellationToken.None)).IsReady);
        _time.Advance(CacheFor - TimeSpan.FromMilliseconds(1));
        Assert.True((await probe.CheckAsync(CancellationToken.None)).IsReady);

        Assert.Equal(1, _checks);
    }

    [Fact]
    public async Task AsksAgain_AfterTheCacheWindow()
    {
        using var probe = CreateProbe();
        await probe.CheckAsync(CancellationToken.None);
        _answer = _ => Task.FromResult<string?>("table 'x' is CREATING");

        _time.Advance(CacheFor);
        var result = await probe.CheckAsync(CancellationToken.None);

        Assert.False(result.IsReady);
        Assert.Equal("table 'x' is CREATING", result.Reason);
        Assert.Equal(2, _checks);
    }

    [Fact]
    public async Task ReportedFailure_TurnsNotReadyAtOnce_UntilAFreshCheckPasses()
    {
        using var probe = CreateProbe();
        await probe.CheckAsync(CancellationToken.None);

        probe.ReportFailure("the database is unreachable");

        Assert.Equal("the database is unreachable", (await probe.CheckAsync(CancellationToken.None)).Reason);
        _time.Advance(CacheFor);
        Assert.True((await probe.CheckAsync(CancellationToken.None)).IsReady);
    }

    [Fact]
    public async Task ShuttingDown_IsNotReady_WithoutAskingTheTable()
    {
        using var probe = CreateProbe();

        probe.MarkShuttingDown();
        var result = await probe.CheckAsync(CancellationToken.None);

        Assert.False(result.IsReady);
        Assert.Equal("shutting down", result.Reason);
        Assert.Equal(0, _checks);
        Assert.True(probe.IsShuttingDown);
    }

    [Fact]
    public async Task MissingTable_IsNotReady_WithTheTableNamed()
    {
        _answer = _ => throw new ResourceNotFoundException("not found");
        using var probe = CreateProbe();

        var result = await probe.CheckAsync(CancellationToken.None);

        Assert.Equal("table 'users' does not exist", result.Reason);
    }

    [Fact]
    public async Task SlowTable_IsNotReady_AfterTheCheckTimeout()
    {
        _answer = async token =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, token);
            return null;
        };
        using var probe = CreateProbe();

        var pending = probe.CheckAsync(CancellationToken.None);
        Assert.False(pending.IsCompleted);
        _time.Advance(CheckTimeout);
        var result = await pending;

        Assert.Equal("the database did not answer in time", result.Reason);
    }

    [Fact]
    public async Task ProgrammingError_IsNotSwallowed()
    {
        _answer = _ => throw new InvalidOperationException("bug");
        using var probe = CreateProbe();

        await Assert.ThrowsAsync<InvalidOperationException>(() => probe.CheckAsync(CancellationToken.None));
    }

    private ReadinessProbe CreateProbe() => new(
        token =>
        {
            Interlocked.Increment(ref _checks);
            return _answer(token);
        },
        _time,
        CacheFor,
        CheckTimeout,
        "users");
}
