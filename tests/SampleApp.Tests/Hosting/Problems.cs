using System.Net;
using System.Text.Json;

namespace SampleApp.Tests.Hosting;

/// <summary>Asserts that a response is an RFC 9457 problem-details answer without internals.</summary>
internal static class Problems
{
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    public static void AssertServedBy(HttpResponseMessage response, string colour) =>
        Assert.Equal(colour, Assert.Single(response.Headers.GetValues("X-Served-By")));
}
