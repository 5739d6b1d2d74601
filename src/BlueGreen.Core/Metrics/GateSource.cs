namespace BlueGreen.Core.Metrics;

/// <summary>A metric source the gates judge user traffic on, by the name the configuration gives it (gates.source).</summary>
/// <param name="Name">e.g. cloudwatch, probes, prometheus; recorded with every reading.</param>
/// <param name="Metrics">The source.</param>
public sealed record GateSource(string Name, IMetricSource Metrics);
