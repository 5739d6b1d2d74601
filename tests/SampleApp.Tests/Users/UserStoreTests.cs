using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using BlueGreen.Sandbox.Database;
using SampleApp.Settings;
using SampleApp.Users;

namespace SampleApp.Tests.Users;

[Collection(SeededAppsCollection.Name)]
public sealed class UserStoreTests(SeededApps apps)
{
    [Fact]
    public async Task ScanAll_FollowsLastEvaluatedKey_UntilTheLastPage()
    {
        using var client = new ScanCountingClient(apps.Database);
        var store = new UserStore(client, new AppSettings { TableName = "many-users", ScanPageSize = SeededApps.PageSize });

        var items = await store.ScanAllAsync(CancellationToken.None);

        Assert.Equal(SeededApps.ManyCount, items.Count);
        // 250 items in pages of 7: 36 pages, the last of which may be followed by one empty page.
        Assert.InRange(client.Scans, 36, 37);
    }

    [Fact]
    public async Task ScanAll_WithoutPageSize_ReadsASmallTableInOneCall()
    {
        using var client = new ScanCountingClient(apps.Database);
        var store = new UserStore(client, new AppSettings { TableName = "many-users" });

        var items = await store.ScanAllAsync(CancellationToken.None);

        Assert.Equal(SeededApps.ManyCount, items.Count);
        Assert.Equal(1, client.Scans);
    }

    [Fact]
    public async Task Find_ReturnsNull_ForAMissingUser()
    {
        using var client = apps.Database.CreateClient();
        var store = new UserStore(client, new AppSettings { TableName = "one-user" });

        Assert.Null(await store.FindAsync("user-99999", CancellationToken.None));
        Assert.Equal("user-00001", (await store.FindAsync(SeedItems.IdOf(1), CancellationToken.None))!["UserId"].S);
    }

    [Fact]
    public async Task CheckTable_Throws_WhenTheTableIsMissing()
    {
        using var client = apps.Database.CreateClient();
        var store = new UserStore(client, new AppSettings { TableName = "no-such-table" });

        await Assert.ThrowsAsync<ResourceNotFoundException>(() => store.CheckTableAsync(CancellationToken.None));
        Assert.Null(await new UserStore(client, new AppSettings { TableName = "one-user" }).CheckTableAsync(CancellationToken.None));
    }

    /// <summary>A real client that counts its Scan calls.</summary>
    private sealed class ScanCountingClient(DynaliteServer database) : AmazonDynamoDBClient(
        new BasicAWSCredentials("local", "local"),
        new AmazonDynamoDBConfig { ServiceURL = database.Endpoint.ToString(), AuthenticationRegion = database.Options.Region })
    {
        private int _scans;

        public int Scans => _scans;

        public override Task<ScanResponse> ScanAsync(ScanRequest request, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _scans);
            return base.ScanAsync(request, cancellationToken);
        }
    }
}
