using System.Collections.Concurrent;
using BlueGreen.Core.Metrics;

namespace BlueGreen.Aws.Metrics;

/// <summary>
/// Synthetic probes of each colour's own hostname (<c>https://&lt;colour&gt;.&lt;subdomain&gt;/readyz</c> and <c>/</c>) at a
/// fixed rate. They measure a colour at any share, so they answer <see cref="MetricScope.DirectProbes"/>, and
/// <see cref="MetricScope.UserTraffic"/> too when no Prometheus source is configured for user traffic.
/// </summary>
public sealed class HttpProbeMetricSource : IMetricSource
{
    private readonly HttpClient _http;
    private readonly HttpProbeOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ProbeSample>> _samples = new(StringComparer.Ordinal);

    public HttpProbeMetricSource(HttpClient http, HttpProbeOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        if (options.Rate <= 0 || options.Paths.Count == 0)
        {
            throw new ArgumentException("Probing needs a positive rate and at least one path.", nameof(options));
        }

        _http = http;
        _options = options;
        _time = time;
        foreach (var colour in options.Colours.Keys)
        {
            _samples[colour] = new ConcurrentQueue<ProbeSample>();
        }
    }

    /// <summary>Probes every colour at the configured rate until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / _options.Rate), _time);
        var round = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var path = _options.Paths[round++ % _options.Paths.Count];

                // Probes of one round run side by side, so a hanging colour does not slow the other's probes.
                await Task.WhenAll(_options.Colours.Select(c => ProbeAsync(c.Key, new Uri(c.Value, path), cancellationToken))).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal end of probing.
        }
    }

    /// <summary>Probes one colour once and records the outcome.</summary>
    public async Task<ProbeSample> ProbeAsync(string colour, Uri url, CancellationToken cancellationToken)
    {
        var at = _time.GetUtcNow();
        var started = _time.GetTimestamp();
        bool failed;
        using (var timeout = new CancellationTokenSource(_options.Timeout, _time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
        {
            try
            {
                using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                failed = (int)response.StatusCode >= 500;
            }
            catch (HttpRequestException)
            {
                failed = true;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failed = true;
            }
        }

        var elapsed = _time.GetElapsedTime(started);
        var sample = new ProbeSample(at, failed || elapsed > _options.Timeout, elapsed);
        Record(colour, sample);
        return sample;
    }

    public Task<IntervalMetrics> GetAsync(string colour, MetricScope scope, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        if (!_samples.TryGetValue(colour, out var queue))
        {
            throw new ArgumentException($"No probes are configured for the colour '{colour}'.", nameof(colour));
        }

        var window = queue.Where(s => s.At >= start && s.At < end).ToList();
        if (window.Count == 0)
        {
            return Task.FromResult(IntervalMetrics.Empty);
        }

        // Nearest-rank p99, the same definition as the gate thresholds use.
        var latencies = window.Select(s => s.Latency).Order().ToList();
        var rank = (int)Math.Ceiling(0.99 * latencies.Count) - 1;
        return Task.FromResult(new IntervalMetrics(window.Count, window.Count(s => s.Failed), latencies[rank]) { Latencies = LatencyHistogram.Of(latencies) });
    }

    private void Record(string colour, ProbeSample sample)
    {
        var queue = _samples.GetOrAdd(colour, _ => new ConcurrentQueue<ProbeSample>());
        queue.Enqueue(sample);
        var oldest = _time.GetUtcNow() - _options.Retention;
        while (queue.TryPeek(out var first) && first.At < oldest && queue.TryDequeue(out _))
        {
        }
    }
}
