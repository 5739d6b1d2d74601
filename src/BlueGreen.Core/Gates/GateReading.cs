using BlueGreen.Core.Metrics;

namespace BlueGreen.Core.Gates;

/// <summary>A colour's verdict for one interval, with the metrics it was drawn from and why.</summary>
/// <param name="Verdict">Pass, fail or inconclusive.</param>
/// <param name="Metrics">What the colour served in the interval.</param>
/// <param name="Reason">Why, in words: the broken rules, or what was missing.</param>
public sealed record GateReading(GateVerdict Verdict, IntervalMetrics Metrics, string Reason)
{
    /// <summary>Which source judged, e.g. cloudwatch or alarms; several joined by ", "; null for the one default source.</summary>
    public string? Source { get; init; }

    /// <summary>A failure that rolls back at once, without waiting for failureThreshold (an alarm in ALARM).</summary>
    public bool RollBackAtOnce { get; init; }

    /// <summary>Each source's own reading when several judged; empty when one did.</summary>
    public IReadOnlyList<GateReading> Parts { get; init; } = [];

    // Parts compare by content, so a reading read back from the journal equals the one the engine held.
    public bool Equals(GateReading? other) =>
        other is not null && Verdict == other.Verdict && Metrics == other.Metrics && Reason == other.Reason
        && Source == other.Source && RollBackAtOnce == other.RollBackAtOnce && Parts.SequenceEqual(other.Parts);

    public override int GetHashCode() => HashCode.Combine(Verdict, Metrics, Reason, Source, RollBackAtOnce, Parts.Count);

    /// <summary>
    /// One reading of several that must all pass: it fails when any fails, is inconclusive when any is and none
    /// fails, and passes only when all pass. Its metrics are the first part's.
    /// </summary>
    public static GateReading AllMustPass(IReadOnlyList<GateReading> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new ArgumentException("At least one reading is needed.", nameof(parts));
        }

        if (parts.Count == 1)
        {
            return parts[0];
        }

        var verdict = parts.Any(p => p.Verdict == GateVerdict.Fail) ? GateVerdict.Fail
            : parts.Any(p => p.Verdict == GateVerdict.Inconclusive) ? GateVerdict.Inconclusive
            : GateVerdict.Pass;
        var reason = string.Join("; ", parts.Select(p => $"{p.Source ?? "metrics"}: {p.Reason}"));
        return new GateReading(verdict, parts[0].Metrics, reason)
        {
            Source = string.Join(", ", parts.Select(p => p.Source ?? "metrics")),
            RollBackAtOnce = parts.Any(p => p is { Verdict: GateVerdict.Fail, RollBackAtOnce: true }),
            Parts = parts,
        };
    }
}
