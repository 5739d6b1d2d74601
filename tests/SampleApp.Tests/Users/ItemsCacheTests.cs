using System.Net;
using System.Text.Json;
using BlueGreen.Sandbox.Database;
using SampleApp.Tests.Hosting;

namespace SampleApp.Tests.Users;

/// <summary><c>GET /</c> reuses one scan for <c>BLUEGREEN_ITEMS_CACHE</c>; zero scans on every request.</summary>
public sealed class ItemsCacheTests : IAsyncLifetime
{
    private DynaliteServer _database = null!;

    public async Task InitializeAsync()
    {
        _database = await DynaliteServer.StartAsync(new DynaliteOptions());
        await _database.CreateTableAndSeedAsync(2);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task WithinTheCacheTime_AnItemAddedLater_IsNotYetShown_AndTheBodyIsTheSame()
    {
        await using var app = await AppProcess.StartAsync(AppEnvironment.For(_database, ("BLUEGREEN_ITEMS_CACHE", "1m")));
        var first = await GetBodyAsync(app);

        await _database.SeedAsync(3);

        Assert.Equal(first, await GetBodyAsync(app));
        Assert.Equal(2, JsonDocument.Parse(first).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task CacheZero_ScansOnEveryRequest()
    {
        await using var app = await AppProcess.StartAsync(AppEnvironment.For(_database, ("BLUEGREEN_ITEMS_CACHE", "0s")));
        var before = JsonDocument.Parse(await GetBodyAsync(app)).RootElement.GetArrayLength();

        await _database.SeedAsync(3);

        Assert.Equal(2, before);
        Assert.Equal(3, JsonDocument.Parse(await GetBodyAsync(app)).RootElement.GetArrayLength());
    }

    private static async Task<string> GetBodyAsync(AppProcess app)
    {
        using var response = await app.Client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }
}
