namespace BlueGreen.Sandbox.Dns;

/// <summary>
/// Where the service name's weighted records come from when the sandbox does not own them: a Route53-compatible
/// zone that the engine's router writes (the AWS-path rehearsal). The sandbox's DNS server serves what it reads.
/// </summary>
public interface IRecordFeed
{
    /// <summary>Where the records are, for messages: e.g. <c>Route53 zone Z123 at http://127.0.0.1:41377</c>.</summary>
    string Description { get; }

    /// <summary>The records as the source holds them now, by colour; <see cref="WeightedRecordSet.Empty"/> when there are none.</summary>
    Task<WeightedRecordSet> ReadAsync(CancellationToken cancellationToken);
}
