using BlueGreen.Cli.Arguments;

namespace BlueGreen.Cli.Tests.Arguments;

public sealed class NearestNameTests
{
    private static readonly string[] RehearseOptions = ["config", "output", "fault", "report"];

    [Theory]
    [InlineData("fualt", "fault")]
    [InlineData("falt", "fault")]
    [InlineData("faultt", "fault")]
    [InlineData("fauld", "fault")]
    [InlineData("Fault", "fault")]
    [InlineData("conf", "config")]
    [InlineData("ouptut", "output")]
    [InlineData("reprot", "report")]
    public void ASlipOfTheKeyboard_FindsTheMeantName(string typed, string meant) =>
        Assert.Equal(meant, NearestName.Find(typed, RehearseOptions));

    [Theory]
    [InlineData("bogus-flag")]
    [InlineData("xy")]
    [InlineData("")]
    [InlineData("timeout")]
    public void ANameFarFromEveryKnownOne_FindsNothing(string typed) =>
        Assert.Null(NearestName.Find(typed, RehearseOptions));

    [Fact]
    public void OfSeveralCloseNames_TheClosestWins() =>
        Assert.Equal("out", NearestName.Find("oot", ["output", "out"]));

    [Fact]
    public void OfTwoEquallyCloseNames_TheFirstWins() =>
        Assert.Equal("zone-id", NearestName.Find("zone-ix", ["zone-id", "zone-ip"]));

    [Theory]
    [InlineData("fault", "fault", 0)]
    [InlineData("fualt", "fault", 1)]
    [InlineData("dry-rnu", "dry-run", 1)]
    [InlineData("dryrun", "dry-run", 1)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ca", "abc", 3)]
    public void Distance_CountsASwapAsOneEdit(string a, string b, int expected)
    {
        Assert.Equal(expected, NearestName.Distance(a, b));
        Assert.Equal(expected, NearestName.Distance(b, a));
    }
}
