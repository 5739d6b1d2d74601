using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using BlueGreen.Core.Metrics;

namespace BlueGreen.Sandbox.Load;

/// <summary>
/// Calls the service like its users do: each client resolves the service name through the
/// sandbox DNS server (caching the answer for its TTL), calls the address it got, and records
/// the outcome. Open loop: requests leave on schedule whether or not earlier ones have answered,
/// so a slow colour does not lower the offered rate. Also probes each colour's own name.
/// </summary>
public sealed class LoadGenerator : IAsyncDisposable
{
    private readonly LoadOptions _options;
    private readonly RequestLog _log;
    private readonly Func<IPAddress, string?> _colourAt;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly List<Task> _loops = [];
    private readonly List<StubResolver> _resolvers = [];
    private readonly ConcurrentDictionary<string, byte> _unprobed = new(StringComparer.Ordinal);
    private readonly List<SemaphoreSlim> _semaphores = [];
    private long _requestCount;

    public LoadGenerator(LoadOptions options, RequestLog log, Func<IPAddress, string?> colourAt, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.RequestRate < 1 || options.Clients < 1)
        {
            throw new ArgumentException("The load generator needs a request rate and a number of clients of at least 1.", nameof(options));
        }

        _options = options;
        _log = log;
        _colourAt = colourAt;
        _time = time;
        _http = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = options.RequestTimeout,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(10),
            UseProxy = false,
        })
        { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>DNS queries sent so far by every client (the resolver caches' misses).</summary>
    public long DnsQueries => _resolvers.Sum(r => r.Queries);

    /// <summary>Starts every client and prober.</summary>
    public void Start()
    {
        var period = TimeSpan.FromSeconds((double)_options.Clients / _options.RequestRate);
        for (var i = 0; i < _options.Clients; i++)
        {
            var resolver = NewResolver(_options.ServiceName);
            var offset = period * i / _options.Clients;
            _loops.Add(RunAsync(resolver, MetricScope.UserTraffic, null, period, offset));
        }

        if (_options.ProbeRate > 0)
        {
            var probePeriod = TimeSpan.FromSeconds(1.0 / _options.ProbeRate);
            foreach (var (colour, host) in _options.ColourHosts)
            {
                _loops.Add(RunAsync(NewResolver(host), MetricScope.DirectProbes, colour, probePeriod, TimeSpan.Zero));
            }
        }
    }

    /// <summary>Stops probing <paramref name="colour"/>'s own name (the colour was stopped).</summary>
    public void StopProbing(string colour) => _unprobed.TryAdd(colour, 0);

    /// <summary>Stops sending and waits for the requests in flight.</summary>
    public async Task StopAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_loops).ConfigureAwait(false);
        await Task.WhenAll(_inFlight.Keys).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _http.Dispose();
        foreach (var resolver in _resolvers)
        {
            resolver.Dispose();
        }

        foreach (var semaphore in _semaphores)
        {
            semaphore.Dispose();
        }

        _stop.Dispose();
    }

    private StubResolver NewResolver(string name)
    {
        var resolver = new StubResolver(_options.DnsServer, name, _time);
        _resolvers.Add(resolver);
        return resolver;
    }

    private async Task RunAsync(StubResolver resolver, MetricScope scope, string? probedColour, TimeSpan period, TimeSpan offset)
    {
        // One resolution at a time per client, as a stub resolver coalesces concurrent lookups.
        // Requests in flight outlive this loop, so the generator disposes the semaphore at the end.
        var resolving = new SemaphoreSlim(1, 1);
        lock (_semaphores)
        {
            _semaphores.Add(resolving);
        }

        var next = _time.GetUtcNow() + offset;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var wait = next - _time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, _stop.Token).ConfigureAwait(false);
                }

                if (probedColour is not null && _unprobed.ContainsKey(probedColour))
                {
                    return;
                }

                var request = SendAsync(resolver, resolving, scope, probedColour);
                _inFlight.TryAdd(request, 0);
                _ = request.ContinueWith(t => _inFlight.TryRemove(t, out _), TaskScheduler.Default);

                // A loop that fell behind (a busy machine) resumes the schedule instead of bursting.
                next = Later(next + period, _time.GetUtcNow() - period);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    // A request's task never faults: the generator awaits them all on stop, and one unexpected
    // failure must neither break that nor go unrecorded.
    private async Task SendAsync(StubResolver resolver, SemaphoreSlim resolving, MetricScope scope, string? probedColour)
    {
        var started = _time.GetUtcNow();
        try
        {
            await SendCoreAsync(resolver, resolving, scope, probedColour, started).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Recorded as a failed request with no answer, so the gates still see it.
            var now = _time.GetUtcNow();
            _log.Add(new RequestRecord(scope, started, now, probedColour, null, RequestOutcome.ConnectionError, new Resolution(-1, now, now, null)));
        }
    }

    private async Task SendCoreAsync(StubResolver resolver, SemaphoreSlim resolving, MetricScope scope, string? probedColour, DateTimeOffset started)
    {
        Resolution resolution;
        await resolving.WaitAsync().ConfigureAwait(false);
        try
        {
            resolution = await resolver.ResolveAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            resolving.Release();
        }

        var resolvedColour = resolution.Address is null ? null : _colourAt(resolution.Address);
        if (resolution.Address is null)
        {
            _log.Add(new RequestRecord(scope, started, _time.GetUtcNow(), probedColour, null, RequestOutcome.NoAddress, resolution));
            return;
        }

        var (outcome, servedBy) = await CallAsync(resolution.Address).ConfigureAwait(false);
        _log.Add(new RequestRecord(scope, started, _time.GetUtcNow(), resolvedColour, servedBy, outcome, resolution));
    }

    private async Task<(RequestOutcome Outcome, string? ServedBy)> CallAsync(IPAddress address)
    {
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        var path = _options.Paths[(int)(Interlocked.Increment(ref _requestCount) % _options.Paths.Count)];
        using var request = new HttpRequestMessage(HttpMethod.Get, new UriBuilder("http", address.ToString(), _options.ServicePort, path).Uri);
        request.Headers.Host = _options.ServiceName;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var servedBy = response.Headers.TryGetValues(ServedBy.HeaderName, out var values) ? ServedBy.ColourOf(values.FirstOrDefault()) : null;
            var outcome = (int)response.StatusCode >= 500 ? RequestOutcome.ServerError : RequestOutcome.Ok;
            return (outcome, servedBy);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return (RequestOutcome.Timeout, null);
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException or IOException || ex.HttpRequestError != HttpRequestError.Unknown)
        {
            return (RequestOutcome.ConnectionError, null);
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
