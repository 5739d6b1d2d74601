using System.Net;
using BlueGreen.Sandbox.Database;
using SampleApp.Tests.Hosting;

namespace SampleApp.Tests.Health;

[Collection(PortReuseCollection.Name)]
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task DatabaseStopped_Answers503AndNotReady_ThenRecovers()
    {
        var database = await DynaliteServer.StartAsync(new DynaliteOptions());
        try
        {
            await database.CreateTableAndSeedAsync(5);
            await using var app = await AppProcess.StartAsync(AppEnvironment.For(
                database, ("BLUEGREEN_READINESS_CACHE", "200ms"), ("BLUEGREEN_DATABASE_TIMEOUT", "2s")));
            await app.WaitUntilReadyAsync();
            var port = database.Port;

            // Given the database goes away mid-run
            await database.DisposeAsync();

            // Then requests get 503 problem details and readiness turns false
            using (var response = await app.Client.GetAsync(new Uri("/", UriKind.Relative)))
            {
                var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
                Problems.AssertServedBy(response, AppEnvironment.Colour);
                Assert.Contains("unreachable", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            }

            using (var response = await app.Client.GetAsync(new Uri("/readyz", UriKind.Relative)))
            {
                await Problems.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
            }

            using (var health = await app.Client.GetAsync(new Uri("/healthz", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            }

            // When it comes back empty, the missing table is named
            database = await PortReuse.StartOnAsync(port);
            await WaitForStatusAsync(app, "/users/user-00001", HttpStatusCode.ServiceUnavailable, "table 'test-dynamodb' does not exist");
            await app.WaitUntilNotReadyAsync();

            // And once the table is back, the app serves again without a restart
            await database.CreateTableAndSeedAsync(5);
            await app.WaitUntilReadyAsync();
            using var recovered = await app.Client.GetAsync(new Uri("/users/user-00001", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static async Task WaitForStatusAsync(AppProcess app, string path, HttpStatusCode status, string detail)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == status && body.Contains(detail, StringComparison.Ordinal))
            {
                await Problems.AssertProblemAsync(response, status);
                return;
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"{path} kept answering {(int)response.StatusCode}: {body}");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
