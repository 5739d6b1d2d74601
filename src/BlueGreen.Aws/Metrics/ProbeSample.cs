namespace BlueGreen.Aws.Metrics;

/// <summary>One probe: when it started, whether it failed (5xx, connection error, timeout) and how long it took.</summary>
public readonly record struct ProbeSample(DateTimeOffset At, bool Failed, TimeSpan Latency);
