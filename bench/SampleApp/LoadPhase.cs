using System.Diagnostics;
using HdrHistogram;

namespace SampleApp.Bench;

/// <summary>Runs one operation from a fixed number of concurrent workers for a fixed time and records each latency.</summary>
internal static class LoadPhase
{
    /// <summary>
    /// Each worker calls <paramref name="operation"/> back to back; it returns true for a success.
    /// An exception counts as an error. Workers stop when the duration has passed.
    /// </summary>
    public static async Task<PhaseResult> RunAsync(
        string name, int concurrency, TimeSpan duration, Func<int, long, Task<bool>> operation)
    {
        var histograms = new LongHistogram[concurrency];
        var errors = new long[concurrency];
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var histogram = new LongHistogram(TimeStamp.Minutes(1), 3);
            histograms[worker] = histogram;
            for (long sequence = 0; watch.Elapsed < duration; sequence++)
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await operation(worker, sequence);
                }
                catch (Exception error) when (error is HttpRequestException or TaskCanceledException or Amazon.Runtime.AmazonServiceException)
                {
                    ok = false;
                }

                histogram.RecordValue(Math.Min(Stopwatch.GetTimestamp() - started, histogram.HighestTrackableValue));
                if (!ok)
                {
                    errors[worker]++;
                }
            }
        })).ToList();
        await Task.WhenAll(workers);
        var elapsed = watch.Elapsed;

        var total = new LongHistogram(TimeStamp.Minutes(1), 3);
        foreach (var histogram in histograms)
        {
            total.Add(histogram);
        }

        return new PhaseResult(name, total.TotalCount, errors.Sum(), elapsed,
            Milliseconds(total.GetValueAtPercentile(50)), Milliseconds(total.GetValueAtPercentile(99)), Milliseconds(total.GetMaxValue()));
    }

    private static double Milliseconds(long stopwatchTicks) => stopwatchTicks * 1000.0 / Stopwatch.Frequency;
}
