using SampleApp.Users;

namespace SampleApp.Tests.Users;

public sealed class UserIdsTests
{
    [Theory]
    [InlineData("user-00001")]
    [InlineData("a")]
    [InlineData("alice@example.com")]
    [InlineData("tenant:42_x.y")]
    public void Accepts_WellFormedIds(string id) => Assert.True(UserIds.IsWellFormed(id));

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("üser")]
    [InlineData("a/b")]
    [InlineData("line\nbreak")]
    [InlineData("user-1\n")]
    [InlineData("\nuser-1")]
    public void Rejects_MalformedIds(string id) => Assert.False(UserIds.IsWellFormed(id));

    [Fact]
    public void Rejects_IdsLongerThan128()
    {
        Assert.True(UserIds.IsWellFormed(new string('a', 128)));
        Assert.False(UserIds.IsWellFormed(new string('a', 129)));
        Assert.False(UserIds.IsWellFormed(new string('a', 128) + "\n"));
    }
}
