using System.Diagnostics;
using System.Net;
using BlueGreen.Sandbox.Database;
using SampleApp.Tests.Hosting;

namespace SampleApp.Tests.Health;

public sealed class GracefulShutdownTests
{
    private const int InFlight = 50;

    // Generous on purpose, for a busy 2-core machine: all 50 requests must be in flight together
    // before the first one's latency runs out, and /readyz must be polled before the delay ends
    // and the server stops accepting connections. Neither bound weakens what the test proves.
    private const string LatencyFault = "latency=20s";
    private const string ShutdownDelay = "10s";
    private static readonly TimeSpan Latency = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Sigterm_TurnsReadinessFalseFirst_AndLosesNoneOf50InFlightRequests()
    {
        await using var database = await DynaliteServer.StartAsync(new DynaliteOptions());
        await database.CreateTableAndSeedAsync(InFlight);
        // Each request is held by injected latency so all 50 are surely in flight at SIGTERM.
        await using var app = await AppProcess.StartAsync(AppEnvironment.For(
            database,
            ("BLUEGREEN_FAULTS", LatencyFault),
            ("BLUEGREEN_SHUTDOWN_DELAY", ShutdownDelay),
            ("BLUEGREEN_SHUTDOWN_TIMEOUT", "60s")));
        await app.WaitUntilReadyAsync();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = InFlight + 10 };
        using var client = new HttpClient(handler) { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        var requests = Enumerable.Range(1, InFlight)
            .Select(index => client.GetAsync(new Uri("/users/" + SeedItems.IdOf(index), UriKind.Relative)))
            .ToList();
        var sent = Stopwatch.StartNew();
        await WaitForActiveRequestsAsync(client, InFlight);
        // Were the first request already answered, it was not in flight at SIGTERM: the run proves nothing.
        Assert.True(sent.Elapsed < Latency, $"the requests took {sent.Elapsed} to become active, longer than their latency");
        Assert.DoesNotContain(requests, request => request.IsCompleted);

        app.Terminate();

        await app.WaitUntilNotReadyAsync();
        var responses = await Task.WhenAll(requests);
        try
        {
            Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
            var bodies = await Task.WhenAll(responses.Select(response => response.Content.ReadAsStringAsync()));
            Assert.All(bodies.Select((body, index) => (body, index)), pair => Assert.Contains(SeedItems.IdOf(pair.index + 1), pair.body, StringComparison.Ordinal));
            Assert.Equal(0, await app.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    /// <summary>Waits until the server itself counts the requests as active (the scrape is one more).</summary>
    private static async Task WaitForActiveRequestsAsync(HttpClient client, int expected)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var exposition = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            if (PrometheusText.Sum(exposition, "http_server_active_requests") >= expected + 1)
            {
                return;
            }

            Assert.True(watch.Elapsed < Latency, "the requests never became active together");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}
