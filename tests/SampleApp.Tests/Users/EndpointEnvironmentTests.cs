using System.Net;
using BlueGreen.Sandbox.Database;
using SampleApp.Tests.Hosting;

namespace SampleApp.Tests.Users;

/// <summary>
/// The app has no switch for a local database: the AWS SDK itself honours the standard
/// service-specific and global endpoint variables, and these tests hold it to that.
/// </summary>
public sealed class EndpointEnvironmentTests : IAsyncLifetime
{
    private DynaliteServer _database = null!;

    public async Task InitializeAsync()
    {
        _database = await DynaliteServer.StartAsync(new DynaliteOptions());
        await _database.CreateTableAndSeedAsync(3);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task GlobalEndpointVariable_SelectsTheDatabase()
    {
        var environment = AppEnvironment.For(_database);
        environment.Remove("AWS_ENDPOINT_URL_DYNAMODB");
        environment["AWS_ENDPOINT_URL"] = _database.Endpoint.ToString().TrimEnd('/');

        await AssertServesSeededUserAsync(environment);
    }

    [Fact]
    public async Task ServiceSpecificVariable_WinsOverTheGlobalOne()
    {
        var environment = AppEnvironment.For(_database);
        // Nothing listens on the discard port: if the SDK chose the global variable, every call would fail.
        environment["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9";

        await AssertServesSeededUserAsync(environment);
    }

    private static async Task AssertServesSeededUserAsync(Dictionary<string, string> environment)
    {
        await using var app = await AppProcess.StartAsync(environment);

        using var response = await app.Client.GetAsync(new Uri("/users/user-00002", UriKind.Relative));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
