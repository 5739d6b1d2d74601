using System.Net;
using System.Text.Json;
using BlueGreen.Sandbox.Database;
using SampleApp.Tests.Hosting;

namespace SampleApp.Tests.Users;

[Collection(SeededAppsCollection.Name)]
public sealed class ItemsEndpointTests(SeededApps apps)
{
    [Fact]
    public async Task EmptyTable_ReturnsEmptyArray()
    {
        var items = await GetItemsAsync(apps.Empty);

        Assert.Empty(items);
    }

    [Fact]
    public async Task OneItem_ReturnsItInAttributeValueForm()
    {
        var item = Assert.Single(await GetItemsAsync(apps.One));

        Assert.Equal("user-00001", item.GetProperty("UserId").GetProperty("S").GetString());
        Assert.Equal("User 1", item.GetProperty("Name").GetProperty("S").GetString());
        Assert.Equal("1", item.GetProperty("Visits").GetProperty("N").GetString());
        Assert.Equal(4, item.EnumerateObject().Count());
    }

    [Fact]
    public async Task ManyItems_PagedInSmallPages_ReturnsEachExactlyOnce()
    {
        var items = await GetItemsAsync(apps.Many);

        var ids = items.Select(item => item.GetProperty("UserId").GetProperty("S").GetString()).ToList();
        Assert.Equal(SeededApps.ManyCount, ids.Count);
        Assert.Equal(
            Enumerable.Range(1, SeededApps.ManyCount).Select(SeedItems.IdOf).Order(StringComparer.Ordinal),
            ids.Order(StringComparer.Ordinal));
    }

    private static async Task<List<JsonElement>> GetItemsAsync(AppProcess app)
    {
        using var response = await app.Client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Problems.AssertServedBy(response, AppEnvironment.Colour);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(JsonValueKind.Array, body.ValueKind);
        return body.EnumerateArray().Select(item => item.Clone()).ToList();
    }
}
