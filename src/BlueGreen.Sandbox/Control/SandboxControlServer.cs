using System.Net;
using BlueGreen.Core.Metrics;
using BlueGreen.Core.Text;
using BlueGreen.Core.Traffic;
using BlueGreen.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace BlueGreen.Sandbox.Control;

/// <summary>
/// The running sandbox's control API on 127.0.0.1: other <c>bluegreen</c> processes read and set
/// the weights, read metrics and readiness, and stop a colour through it.
/// </summary>
public sealed class SandboxControlServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxControlServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<SandboxControlServer> StartAsync(SandboxHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();

        // Port 0: the kernel picks a free port at bind time, so no other process can take it between choosing and binding.
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        Map(app, host);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new SandboxException($"The sandbox's control API cannot listen on 127.0.0.1: {Sentences.Clause(e.Message)}. Check that loopback works on this machine and try again.", e);
        }

        var address = app.Urls.Single();
        return new SandboxControlServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static void Map(WebApplication app, SandboxHost host)
    {
        app.MapGet("/weights", Results<Ok<IReadOnlyDictionary<string, int>>, NotFound> () =>
            host.Zone.Records.ToWeights() is { } weights ? TypedResults.Ok(weights.ByColour) : TypedResults.NotFound());

        app.MapPut("/weights", async Task<Results<NoContent, BadRequest<string>>> (Dictionary<string, int> body, CancellationToken cancellationToken) =>
        {
            try
            {
                await host.Router.SetWeightsAsync(new Weights(body), cancellationToken).ConfigureAwait(false);
                return TypedResults.NoContent();
            }
            catch (ArgumentException e)
            {
                return TypedResults.BadRequest(e.Message);
            }
        });

        app.MapGet("/metrics", async (string colour, MetricScope scope, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        {
            var metrics = await host.Metrics.GetAsync(colour, scope, start, end, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new MetricsBody(metrics.Requests, metrics.Failures, metrics.P99?.TotalMilliseconds));
        });

        app.MapGet("/readiness/{colour}", async (string colour, CancellationToken cancellationToken) =>
        {
            var readiness = await host.Probe.CheckAsync(colour, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new ReadinessBody(readiness.Ready, readiness.Problems));
        });

        app.MapPost("/colours/{colour}/stop", async Task<Results<NoContent, NotFound<string>>> (string colour) =>
        {
            if (!host.Colours.ContainsKey(colour))
            {
                return TypedResults.NotFound($"The sandbox has no colour '{colour}'.");
            }

            await host.StopColourAsync(colour).ConfigureAwait(false);
            return TypedResults.NoContent();
        });
    }

    /// <summary>The JSON of an interval's metrics.</summary>
    public sealed record MetricsBody(long Requests, long Failures, double? P99Ms);

    /// <summary>The JSON of a colour's readiness.</summary>
    public sealed record ReadinessBody(bool Ready, IReadOnlyList<string> Problems);
}
