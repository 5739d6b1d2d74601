using BlueGreen.Sandbox.Database;

namespace BlueGreen.Sandbox.Tests.Database;

public sealed class SeedItemsTests
{
    [Fact]
    public void Ids_ArePaddedSoTheySortInSeedOrder()
    {
        Assert.Equal("user-00001", SeedItems.IdOf(1));
        Assert.Equal("user-00250", SeedItems.IdOf(250));
    }

    [Fact]
    public void Item_CarriesTheKeyUnderTheConfiguredName()
    {
        var item = SeedItems.Create("Id", 7);

        Assert.Equal("user-00007", item["Id"].S);
        Assert.Equal("7", item["Visits"].N);
        Assert.Equal("user-00007@example.com", item["Email"].S);
    }
}
