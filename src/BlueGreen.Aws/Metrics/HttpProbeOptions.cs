namespace BlueGreen.Aws.Metrics;

/// <summary>What <see cref="HttpProbeMetricSource"/> probes and how often.</summary>
public sealed record HttpProbeOptions
{
    /// <summary>Base URL per colour, e.g. https://green.test.example.com.</summary>
    public required IReadOnlyDictionary<string, Uri> Colours { get; init; }

    /// <summary>Paths probed in turn on each colour.</summary>
    public IReadOnlyList<string> Paths { get; init; } = ["/readyz", "/"];

    /// <summary>Probes per second per colour.</summary>
    public double Rate { get; init; } = 5;

    /// <summary>A probe slower than this counts as failed (a timeout).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long samples are kept; must cover the longest gate interval.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromMinutes(15);
}
