using System.Net;
using BlueGreen.Sandbox.Database;
using SampleApp.Tests.Hosting;

namespace SampleApp.Tests.Http;

/// <summary>The real app against a table whose key it misnames: the database rejects each lookup, yet it stays healthy.</summary>
public sealed class RejectedRequestTests
{
    [Fact]
    public async Task WrongPartitionKey_Answers500Problem_WhileReadinessStaysTrue()
    {
        await using var database = await DynaliteServer.StartAsync(new DynaliteOptions());
        await database.CreateTableAndSeedAsync(3);
        await using var app = await AppProcess.StartAsync(AppEnvironment.For(database, ("BLUEGREEN_PARTITION_KEY", "NotTheKey")));
        await app.WaitUntilReadyAsync();

        using (var response = await app.Client.GetAsync(new Uri("/users/user-00001", UriKind.Relative)))
        {
            var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.InternalServerError);
            Assert.Equal("Request rejected by the database", problem.GetProperty("title").GetString());
            Assert.Contains("(Validation, HTTP 400)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using var ready = await app.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}
