using BlueGreen.Core.Metrics;

namespace BlueGreen.Core.Gates;

/// <summary>A colour's verdict for one interval, with the metrics it was drawn from and why.</summary>
/// <param name="Verdict">Pass, fail or inconclusive.</param>
/// <param name="Metrics">What the colour served in the interval.</param>
/// <param name="Reason">Why, in words: the broken rules, or what was missing.</param>
public sealed record GateReading(GateVerdict Verdict, IntervalMetrics Metrics, string Reason);
