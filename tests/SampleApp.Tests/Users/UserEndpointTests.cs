using System.Net;
using System.Text.Json;
using SampleApp.Tests.Hosting;

namespace SampleApp.Tests.Users;

[Collection(SeededAppsCollection.Name)]
public sealed class UserEndpointTests(SeededApps apps)
{
    [Fact]
    public async Task Found_ReturnsTheItem()
    {
        using var response = await apps.Many.Client.GetAsync(new Uri("/users/user-00123", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Problems.AssertServedBy(response, AppEnvironment.Colour);
        var item = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("user-00123", item.GetProperty("UserId").GetProperty("S").GetString());
        Assert.Equal("123", item.GetProperty("Visits").GetProperty("N").GetString());
    }

    [Fact]
    public async Task Missing_Returns404Problem()
    {
        using var response = await apps.Many.Client.GetAsync(new Uri("/users/user-99999", UriKind.Relative));

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Problems.AssertServedBy(response, AppEnvironment.Colour);
        Assert.Contains("user-99999", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("two%20words")]
    [InlineData("semi;colon")]
    [InlineData("%C3%BCser")]
    [InlineData("x0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task Malformed_Returns400Problem(string id)
    {
        using var response = await apps.Many.Client.GetAsync(new Uri("/users/" + id, UriKind.Relative));

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Problems.AssertServedBy(response, AppEnvironment.Colour);
        Assert.Contains("1 to 128 letters", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/version")]
    [InlineData("/metrics")]
    [InlineData("/no-such-route")]
    public async Task EveryResponse_CarriesServedBy(string path)
    {
        using var response = await apps.Many.Client.GetAsync(new Uri(path, UriKind.Relative));

        Problems.AssertServedBy(response, AppEnvironment.Colour);
    }

    [Fact]
    public async Task Version_NamesColourAppAndKubernetesVersion()
    {
        using var response = await apps.Many.Client.GetAsync(new Uri("/version", UriKind.Relative));

        var version = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(AppEnvironment.Colour, version.GetProperty("colour").GetString());
        Assert.Equal("1.33", version.GetProperty("kubernetesVersion").GetString());
        Assert.StartsWith("0.1.0", version.GetProperty("version").GetString(), StringComparison.Ordinal);
    }
}
