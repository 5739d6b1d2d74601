using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using BlueGreen.Sandbox.Faults;
using BlueGreen.Sandbox.Load;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Model;

namespace BlueGreen.Sandbox.Proxy;

/// <summary>
/// A colour's load balancer: a YARP reverse proxy on the colour's own loopback address that
/// spreads requests over the colour's app instances and actively checks their /readyz.
/// </summary>
public sealed class ColourProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IProxyStateLookup _state;

    private ColourProxy(ColourProxyOptions options, WebApplication app)
    {
        Options = options;
        _app = app;
        _state = app.Services.GetRequiredService<IProxyStateLookup>();
    }

    public ColourProxyOptions Options { get; }

    public IPEndPoint Endpoint => new(Options.Address, Options.Port);

    /// <summary>Destinations whose last active health checks passed.</summary>
    public int HealthyDestinations =>
        _state.TryGetCluster(Options.Colour, out var cluster)
            ? cluster.Destinations.Values.Count(d => d.Health.Active == DestinationHealth.Healthy)
            : 0;

    /// <summary>Starts listening; throws <see cref="IOException"/> when the address and port are taken.</summary>
    public static async Task<ColourProxy> StartAsync(ColourProxyOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IPAddress.IsLoopback(options.Address))
        {
            throw new ArgumentException($"The {options.Colour} load balancer only listens on loopback addresses, not {options.Address}.", nameof(options));
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(options.Address, options.Port));
        builder.Services.AddReverseProxy().LoadFromMemory([Route(options)], [Cluster(options)]);
        var app = builder.Build();
        if (options.Faults is { } faults)
        {
            app.Use(next => context => InjectFaultAsync(context, next, faults, options.Colour));
        }

        app.MapReverseProxy();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new ColourProxy(options, app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task InjectFaultAsync(HttpContext context, RequestDelegate next, FaultSwitch faults, string colour)
    {
        var latency = faults.LatencyNow;
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, context.RequestAborted).ConfigureAwait(false);
        }

        if (faults.FailNow())
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers[ServedBy.HeaderName] = $"{colour}/fault";
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private static RouteConfig Route(ColourProxyOptions options) => new()
    {
        RouteId = options.Colour,
        ClusterId = options.Colour,
        Match = new RouteMatch { Path = "{**catch-all}" },
    };

    private static ClusterConfig Cluster(ColourProxyOptions options) => new()
    {
        ClusterId = options.Colour,
        LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
        HealthCheck = new HealthCheckConfig
        {
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = options.HealthInterval,
                Timeout = options.HealthTimeout,
                Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                Path = options.HealthPath,
            },
            Passive = new PassiveHealthCheckConfig
            {
                Enabled = true,
                Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
                ReactivationPeriod = TimeSpan.FromSeconds(5),
            },
            AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
        },
        Destinations = options.Destinations
            .Select((uri, i) => (Key: $"{options.Colour}-{i + 1}", Value: new DestinationConfig { Address = uri.ToString() }))
            .ToDictionary(d => d.Key, d => d.Value),
    };
}
