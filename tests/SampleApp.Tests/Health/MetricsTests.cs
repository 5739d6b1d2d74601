using System.Diagnostics;
using SampleApp.Tests.Hosting;
using SampleApp.Tests.Users;

namespace SampleApp.Tests.Health;

[Collection(SeededAppsCollection.Name)]
public sealed class MetricsTests(SeededApps apps)
{
    private const string Duration = "http_server_request_duration_seconds_count";

    [Fact]
    public async Task Metrics_CountRequestsByRouteAndStatus()
    {
        var client = apps.Metered.Client;
        foreach (var path in new[] { "/users/user-00001", "/users/user-00002", "/users/user-00003", "/users/nobody", "/users/nobody-else", "/users/bad%20id", "/" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        }

        // The server records a request after its response is sent, so a scrape may trail it briefly.
        var watch = Stopwatch.StartNew();
        string exposition;
        do
        {
            exposition = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        }
        while (PrometheusText.Sum(exposition, Duration, ("http_route", "/users/{id}")) + PrometheusText.Sum(exposition, Duration, ("http_route", "/")) < 7
            && watch.Elapsed < TimeSpan.FromSeconds(20));

        Assert.Equal(3, PrometheusText.Sum(exposition, Duration, ("http_route", "/users/{id}"), ("http_response_status_code", "200")));
        Assert.Equal(2, PrometheusText.Sum(exposition, Duration, ("http_route", "/users/{id}"), ("http_response_status_code", "404")));
        Assert.Equal(1, PrometheusText.Sum(exposition, Duration, ("http_route", "/users/{id}"), ("http_response_status_code", "400")));
        Assert.Equal(1, PrometheusText.Sum(exposition, Duration, ("http_route", "/"), ("http_response_status_code", "200")));
        Assert.Contains("http_server_request_duration_seconds_bucket{", exposition, StringComparison.Ordinal);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", exposition, StringComparison.Ordinal);
    }
}
