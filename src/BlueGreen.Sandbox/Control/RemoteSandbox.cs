using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using BlueGreen.Core.Clusters;
using BlueGreen.Core.Metrics;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Sandbox.Control;

/// <summary>
/// A sandbox running in another process (<c>bluegreen sandbox up</c>), reached through its control
/// API: the engine's traffic router, metric source and cluster probe for <c>bluegreen upgrade</c>.
/// </summary>
public sealed class RemoteSandbox(Uri control, TimeSpan timeout) : ITrafficRouter, IMetricSource, IClusterProbe, IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = control, Timeout = timeout };

    public RemoteSandbox(Uri control)
        : this(control, TimeSpan.FromSeconds(10))
    {
    }

    public async Task<Weights> GetWeightsAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => _http.GetAsync(new Uri("weights", UriKind.Relative), cancellationToken), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new SandboxUnreachableException($"The sandbox at {control} has no weighted records for its service name, so it cannot route traffic. Stop `bluegreen sandbox up` (Ctrl+C) and start it again.");
        }

        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, int>>(cancellationToken).ConfigureAwait(false);
        return new Weights(body!);
    }

    public async Task SetWeightsAsync(Weights weights, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(weights);
        using var response = await SendAsync(() => _http.PutAsJsonAsync(new Uri("weights", UriKind.Relative), weights.ByColour, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            throw new ArgumentException(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), nameof(weights));
        }

        response.EnsureSuccessStatusCode();
    }

    public async Task<bool> VerifyWeightsAsync(Weights expected, CancellationToken cancellationToken) =>
        expected.Equals(await GetWeightsAsync(cancellationToken).ConfigureAwait(false));

    public async Task<IntervalMetrics> GetAsync(string colour, MetricScope scope, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"metrics?colour={Uri.EscapeDataString(colour)}&scope={scope}&start={Uri.EscapeDataString(start.ToString("O", CultureInfo.InvariantCulture))}&end={Uri.EscapeDataString(end.ToString("O", CultureInfo.InvariantCulture))}");
        using var response = await SendAsync(() => _http.GetAsync(new Uri(query, UriKind.Relative), cancellationToken), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<SandboxControlServer.MetricsBody>(cancellationToken).ConfigureAwait(false);
        return new IntervalMetrics(body!.Requests, body.Failures, body.P99Ms is { } p99 ? TimeSpan.FromMilliseconds(p99) : null);
    }

    public async Task<ClusterReadiness> CheckAsync(string colour, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => _http.GetAsync(new Uri("readiness/" + Uri.EscapeDataString(colour), UriKind.Relative), cancellationToken), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<SandboxControlServer.ReadinessBody>(cancellationToken).ConfigureAwait(false);
        return new ClusterReadiness(body!.Ready, body.Problems);
    }

    /// <summary>Stops a colour of the sandbox (its load balancer, then its instances).</summary>
    public async Task StopColourAsync(string colour, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => _http.PostAsync(new Uri($"colours/{Uri.EscapeDataString(colour)}/stop", UriKind.Relative), null, cancellationToken), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new SandboxUnreachableException($"The sandbox at {control} does not answer ({e.Message}). Is `bluegreen sandbox up` still running?", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // The client's own timeout, not the caller's cancellation: the sandbox hangs or is overloaded.
            throw new SandboxUnreachableException($"The sandbox at {control} did not answer within {_http.Timeout.TotalSeconds:0.#} s. Is `bluegreen sandbox up` still running and responsive?", e);
        }
    }
}
