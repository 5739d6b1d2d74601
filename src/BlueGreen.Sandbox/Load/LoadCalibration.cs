using System.Diagnostics;
using System.Net;

namespace BlueGreen.Sandbox.Load;

/// <summary>
/// Measures what a colour serves on this machine: a few closed-loop clients call its load
/// balancer as fast as it answers (the requests users make), for a short while after a warm-up.
/// Only answers below 500 count as served.
/// </summary>
public static class LoadCalibration
{
    /// <summary>Clients in the loop: enough to keep two app instances and a proxy busy on a small machine.</summary>
    public const int Concurrency = 8;

    /// <summary>Served requests per second and the p99 latency of the measured window.</summary>
    public sealed record Result(double ServedPerSecond, TimeSpan P99, long Served, long Failed);

    public static async Task<Result> MeasureAsync(
        IPAddress address, int port, string hostHeader, IReadOnlyList<string> paths, TimeSpan warmUp, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };
        var latencies = new List<TimeSpan>();
        long served = 0;
        long failed = 0;
        long next = 0;
        var clock = Stopwatch.StartNew();
        var measureFrom = warmUp;
        var measureTo = warmUp + duration;

        async Task LoopAsync()
        {
            while (clock.Elapsed < measureTo && !cancellationToken.IsCancellationRequested)
            {
                var path = paths[(int)(Interlocked.Increment(ref next) % paths.Count)];
                using var request = new HttpRequestMessage(HttpMethod.Get, new UriBuilder("http", address.ToString(), port, path).Uri);
                request.Headers.Host = hostHeader;
                var started = clock.Elapsed;
                bool ok;
                try
                {
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                    ok = (int)response.StatusCode < 500;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    ok = false;
                }

                var ended = clock.Elapsed;
                if (started < measureFrom || ended > measureTo)
                {
                    continue;
                }

                lock (latencies)
                {
                    if (ok)
                    {
                        served++;
                        latencies.Add(ended - started);
                    }
                    else
                    {
                        failed++;
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(LoopAsync, cancellationToken))).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        latencies.Sort();
        var p99 = latencies.Count == 0 ? duration : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(0.99 * latencies.Count) - 1)];
        return new Result(served / duration.TotalSeconds, p99, served, failed);
    }
}
