namespace BlueGreen.Aws.Clients;

/// <summary>Retry settings of the project's own AWS API clients (Route53, the Query APIs).</summary>
public sealed record AwsRetryOptions
{
    /// <summary>Retries after the first attempt for throttling, 5xx and network errors.</summary>
    public int MaxRetries { get; init; } = 6;

    /// <summary>First backoff; it doubles per retry with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest single backoff.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Source of jitter in [0, 1); tests give a seeded one.</summary>
    public Func<double> Randomizer { get; init; } = Random.Shared.NextDouble;
}
