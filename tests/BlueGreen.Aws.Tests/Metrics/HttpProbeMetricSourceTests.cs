using System.Net;
using BlueGreen.Aws.Metrics;
using BlueGreen.Aws.Tests.Fakes;
using BlueGreen.Core.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Aws.Tests.Metrics;

public sealed class HttpProbeMetricSourceTests : IDisposable
{
    private static readonly Uri Green = new("https://green.test.example.com");
    private static readonly Uri Blue = new("https://blue.test.example.com");

    private readonly FakeTimeProvider _time = new(Clock.Start);
    private readonly ScriptedSite _site;
    private readonly HttpClient _http;

    public HttpProbeMetricSourceTests()
    {
        _site = new ScriptedSite(_time);
        _http = new HttpClient(_site);
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task CountsRequestsAndFailures_InTheWindow()
    {
        var source = Source();
        _site.Answer(HttpStatusCode.OK, TimeSpan.FromMilliseconds(20));
        await source.ProbeAsync("green", Green, CancellationToken.None);
        _site.Answer(HttpStatusCode.ServiceUnavailable, TimeSpan.FromMilliseconds(5));
        await source.ProbeAsync("green", Green, CancellationToken.None);
        _site.Answer(HttpStatusCode.NotFound, TimeSpan.FromMilliseconds(5));
        await source.ProbeAsync("green", Green, CancellationToken.None);

        var metrics = await source.GetAsync("green", MetricScope.DirectProbes, Clock.Start, _time.GetUtcNow().AddTicks(1), CancellationToken.None);

        // A 404 is an answer (the app serves); only 5xx, errors and timeouts fail.
        var latencies = LatencyHistogram.Of([TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(5)]);
        Assert.Equal(new IntervalMetrics(3, 1, TimeSpan.FromMilliseconds(20)) { Latencies = latencies }, metrics);
    }

    [Fact]
    public async Task AConnectionError_Fails()
    {
        var source = Source();
        _site.Refuse();

        var sample = await source.ProbeAsync("green", Green, CancellationToken.None);

        Assert.True(sample.Failed);
    }

    [Fact]
    public async Task ASlowAnswer_FailsAsATimeout()
    {
        var source = Source();
        _site.Answer(HttpStatusCode.OK, TimeSpan.FromSeconds(6));

        var sample = await source.ProbeAsync("green", Green, CancellationToken.None);

        Assert.True(sample.Failed);
    }

    [Fact]
    public async Task P99_IsTheNearestRank()
    {
        var source = Source();
        for (var i = 1; i <= 200; i++)
        {
            _site.Answer(HttpStatusCode.OK, TimeSpan.FromMilliseconds(i));
            await source.ProbeAsync("green", Green, CancellationToken.None);
        }

        var metrics = await source.GetAsync("green", MetricScope.UserTraffic, Clock.Start, _time.GetUtcNow().AddTicks(1), CancellationToken.None);

        Assert.Equal(TimeSpan.FromMilliseconds(198), metrics.P99);
    }

    [Fact]
    public async Task AnEmptyWindow_IsEmpty()
    {
        var source = Source();
        _site.Answer(HttpStatusCode.OK, TimeSpan.FromMilliseconds(1));
        await source.ProbeAsync("green", Green, CancellationToken.None);

        Assert.Equal(IntervalMetrics.Empty, await source.GetAsync("green", MetricScope.DirectProbes, _time.GetUtcNow().AddMinutes(1), _time.GetUtcNow().AddMinutes(2), CancellationToken.None));
    }

    [Fact]
    public async Task ColoursAreKeptApart()
    {
        var source = Source();
        _site.Answer(HttpStatusCode.InternalServerError, TimeSpan.Zero);
        await source.ProbeAsync("blue", Blue, CancellationToken.None);

        var green = await source.GetAsync("green", MetricScope.DirectProbes, Clock.Start, _time.GetUtcNow().AddTicks(1), CancellationToken.None);

        Assert.Equal(IntervalMetrics.Empty, green);
    }

    [Fact]
    public async Task Run_ProbesEachColour_AlternatingPaths_AtTheRate()
    {
        var source = Source();
        _site.AnswerAlways(HttpStatusCode.OK);
        using var stop = new CancellationTokenSource();
        var running = source.RunAsync(stop.Token);

        // Two probes a second for three seconds: six rounds. The timer exists once RunAsync returns its task,
        // and it keeps a tick that fires while a round is still running, so each advance yields one round.
        for (var i = 0; i < 6; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(500));
            await _site.WaitForRequestsAsync(2 * (i + 1));
        }

        await stop.CancelAsync();
        await running;
        Assert.Equal(
            ["/readyz", "/", "/readyz", "/", "/readyz", "/"],
            _site.Requests.Where(r => r.Host == Green.Host).Take(6).Select(r => r.AbsolutePath));
    }

    [Fact]
    public async Task AnUnknownColour_IsRejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Source().GetAsync("red", MetricScope.DirectProbes, Clock.Start, Clock.Start, CancellationToken.None));
    }

    private HttpProbeMetricSource Source() =>
        new(_http, new HttpProbeOptions { Colours = new Dictionary<string, Uri> { ["blue"] = Blue, ["green"] = Green }, Rate = 2 }, _time);
}
