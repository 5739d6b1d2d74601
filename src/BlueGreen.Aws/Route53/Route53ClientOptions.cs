using BlueGreen.Aws.Clients;

namespace BlueGreen.Aws.Route53;

/// <summary>Retry settings of <see cref="Route53RestClient"/>.</summary>
public sealed record Route53ClientOptions
{
    /// <summary>Retries after the first attempt for throttling, PriorRequestNotComplete, 5xx and network errors.</summary>
    public int MaxRetries { get; init; } = 6;

    /// <summary>First backoff; it doubles per retry with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest single backoff.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Records per ListResourceRecordSets page (maxitems); Route53 answers at most 300.</summary>
    public int PageSize { get; init; } = 300;

    /// <summary>Source of jitter in [0, 1); tests give a seeded one.</summary>
    public Func<double> Randomizer { get; init; } = Random.Shared.NextDouble;

    /// <summary>These settings as the shared retry policy takes them.</summary>
    public AwsRetryOptions Retry => new() { MaxRetries = MaxRetries, BaseDelay = BaseDelay, MaxDelay = MaxDelay, Randomizer = Randomizer };
}
