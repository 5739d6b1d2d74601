using System.Diagnostics;
using System.Net;
using BlueGreen.Sandbox.Database;
using SampleApp.Tests.Hosting;

namespace SampleApp.Tests.Faults;

public sealed class FaultInjectionTests : IAsyncLifetime
{
    private DynaliteServer _database = null!;

    public async Task InitializeAsync()
    {
        _database = await DynaliteServer.StartAsync(new DynaliteOptions());
        await _database.CreateTableAndSeedAsync(3);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task FullErrorRate_Fails_AppRoutes_ButNotProbesOrMetrics()
    {
        await using var app = await AppProcess.StartAsync(AppEnvironment.For(_database, ("BLUEGREEN_FAULTS", "errors=100%")));

        foreach (var path in new[] { "/", "/users/user-00001" })
        {
            using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative));
            var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.InternalServerError);
            Assert.Equal("Injected fault", problem.GetProperty("title").GetString());
            Problems.AssertServedBy(response, AppEnvironment.Colour);
        }

        foreach (var path in new[] { "/healthz", "/readyz", "/version", "/metrics" })
        {
            using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task SeededErrorRate_FailsExactlyTheRequestsTheSeedSays()
    {
        const int Requests = 200;
        const int Seed = 42;
        await using var app = await AppProcess.StartAsync(AppEnvironment.For(_database, ("BLUEGREEN_FAULTS", $"errors=30%,seed={Seed}")));
        var dice = new Random(Seed);
        var expected = Enumerable.Range(0, Requests).Count(_ => dice.NextDouble() < 0.3);

        var failures = 0;
        for (var i = 0; i < Requests; i++)
        {
            using var response = await app.Client.GetAsync(new Uri("/users/user-00001", UriKind.Relative));
            failures += response.StatusCode == HttpStatusCode.InternalServerError ? 1 : 0;
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.InternalServerError });
        }

        Assert.Equal(expected, failures);
    }

    [Fact]
    public async Task Latency_DelaysAppRoutes()
    {
        await using var app = await AppProcess.StartAsync(AppEnvironment.For(_database, ("BLUEGREEN_FAULTS", "latency=300ms")));
        using (await app.Client.GetAsync(new Uri("/users/user-00001", UriKind.Relative)))
        {
            // The first request also pays for start-up; measure the next one.
        }

        var watch = Stopwatch.StartNew();
        using var response = await app.Client.GetAsync(new Uri("/users/user-00001", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(300), $"answered after {watch.Elapsed.TotalMilliseconds} ms");
    }
}
