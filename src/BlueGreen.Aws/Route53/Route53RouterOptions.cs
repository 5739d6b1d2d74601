namespace BlueGreen.Aws.Route53;

/// <summary>Which records <see cref="Route53WeightedRouter"/> owns and how long it waits for Route53.</summary>
public sealed record Route53RouterOptions
{
    /// <summary>Id of the hosted zone that holds the service name.</summary>
    public required string HostedZoneId { get; init; }

    /// <summary>The service hostname users call, e.g. test.example.com.</summary>
    public required string RecordName { get; init; }

    /// <summary>Every colour; each has one weighted record whose set identifier is the colour's name.</summary>
    public required IReadOnlyList<string> Colours { get; init; }

    /// <summary>Record type of the weighted alias records.</summary>
    public string RecordType { get; init; } = "A";

    /// <summary>First wait between GetChange polls; it doubles up to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long to wait for INSYNC before reporting the change as still pending.</summary>
    public TimeSpan SyncTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
