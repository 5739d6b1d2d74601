using System.Text.Json.Serialization;

namespace BlueGreen.Core.Metrics;

/// <summary>
/// Latencies counted into fixed buckets, the same for every source and colour, so two colours'
/// distributions can be compared bucket by bucket (the gates' rank test does).
/// </summary>
public sealed class LatencyHistogram : IEquatable<LatencyHistogram>
{
    private readonly long[] _counts;

    /// <summary>Counts per bucket: one per bound of <see cref="UpperBounds"/>, then one for everything slower.</summary>
    [JsonConstructor]
    public LatencyHistogram(IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count != UpperBounds.Count + 1)
        {
            throw new ArgumentException($"A latency histogram has {UpperBounds.Count + 1} buckets, not {counts.Count}.", nameof(counts));
        }

        if (counts.Any(c => c < 0))
        {
            throw new ArgumentException("A bucket's count cannot be negative.", nameof(counts));
        }

        _counts = [.. counts];
    }

    /// <summary>
    /// Each bucket's inclusive upper bound, roughly 1-1.5-2-3-5-7 per decade from 0.5 ms to 30 s: fine enough
    /// for the rank test to see a shift of a third, coarse enough to stay a few dozen numbers in the journal.
    /// </summary>
    public static IReadOnlyList<TimeSpan> UpperBounds { get; } = new double[]
    {
        0.5, 1, 1.5, 2, 3, 4, 5, 7, 10, 15, 20, 30, 40, 50, 70, 100, 150, 200, 300, 400, 500, 700,
        1_000, 1_500, 2_000, 3_000, 4_000, 5_000, 7_000, 10_000, 15_000, 20_000, 30_000,
    }.Select(TimeSpan.FromMilliseconds).ToArray();

    /// <summary>Counts per bucket, fastest first; the last bucket holds everything above the last bound.</summary>
    public IReadOnlyList<long> Counts => _counts;

    /// <summary>Latencies counted.</summary>
    [JsonIgnore]
    public long Total => _counts.Sum();

    /// <summary>The histogram of <paramref name="latencies"/>.</summary>
    public static LatencyHistogram Of(IEnumerable<TimeSpan> latencies)
    {
        ArgumentNullException.ThrowIfNull(latencies);
        var counts = new long[UpperBounds.Count + 1];
        foreach (var latency in latencies)
        {
            counts[BucketOf(latency)]++;
        }

        return new LatencyHistogram(counts);
    }

    /// <summary>The bucket <paramref name="latency"/> falls in: the first whose upper bound it does not exceed.</summary>
    public static int BucketOf(TimeSpan latency)
    {
        int low = 0, high = UpperBounds.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (latency <= UpperBounds[middle])
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    public bool Equals(LatencyHistogram? other) => other is not null && _counts.AsSpan().SequenceEqual(other._counts);

    public override bool Equals(object? obj) => Equals(obj as LatencyHistogram);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var count in _counts)
        {
            hash.Add(count);
        }

        return hash.ToHashCode();
    }
}
