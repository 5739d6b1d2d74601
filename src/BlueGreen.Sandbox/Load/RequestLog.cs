using BlueGreen.Core.Metrics;
using HdrHistogram;

namespace BlueGreen.Sandbox.Load;

/// <summary>Every request the load generator made, kept in completion order; safe to add to from many clients.</summary>
public sealed class RequestLog
{
    // Latencies are kept in microseconds up to one minute with three significant digits.
    private const long HighestMicroseconds = 60_000_000;
    private readonly List<RequestRecord> _records = [];
    private readonly Lock _lock = new();

    /// <summary>Adds <paramref name="record"/> at its place in completion order.</summary>
    public void Add(RequestRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_lock)
        {
            // Clients stamp the completion time before taking the lock, so a record can arrive
            // after a later one; it goes back to its place (a few steps from the end at most)
            // so the window search below sees the records in order.
            var at = _records.Count;
            while (at > 0 && _records[at - 1].Completed > record.Completed)
            {
                at--;
            }

            _records.Insert(at, record);
        }
    }

    /// <summary>A copy of every record so far.</summary>
    public IReadOnlyList<RequestRecord> Snapshot()
    {
        lock (_lock)
        {
            return [.. _records];
        }
    }

    /// <summary>Records of <paramref name="scope"/> completed in [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public IReadOnlyList<RequestRecord> Between(MetricScope scope, DateTimeOffset start, DateTimeOffset end)
    {
        lock (_lock)
        {
            // Add keeps the records in completion order, so the window is found by binary search.
            var first = LowerBound(start);
            var result = new List<RequestRecord>();
            for (var i = first; i < _records.Count && _records[i].Completed < end; i++)
            {
                if (_records[i].Scope == scope)
                {
                    result.Add(_records[i]);
                }
            }

            return result;
        }
    }

    /// <summary>Requests, failures and p99 of <paramref name="records"/>.</summary>
    public static IntervalMetrics Summarise(IReadOnlyCollection<RequestRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return IntervalMetrics.Empty;
        }

        var histogram = new LongHistogram(HighestMicroseconds, 3);
        foreach (var record in records)
        {
            histogram.RecordValue(Math.Clamp((long)record.Latency.TotalMicroseconds, 0, HighestMicroseconds));
        }

        return new IntervalMetrics(records.Count, records.Count(r => r.Failed), TimeSpan.FromMicroseconds(histogram.GetValueAtPercentile(99)));
    }

    private int LowerBound(DateTimeOffset start)
    {
        int low = 0, high = _records.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_records[middle].Completed < start)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
