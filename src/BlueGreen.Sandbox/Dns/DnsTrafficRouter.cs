using BlueGreen.Core.Traffic;

namespace BlueGreen.Sandbox.Dns;

/// <summary>The sandbox's <see cref="ITrafficRouter"/>: sets the service name's weighted records in the sandbox zone.</summary>
/// <param name="zone">The zone whose records it sets.</param>
/// <param name="followed">Where the zone's records come from when they are not the sandbox's own (then they cannot be set here); null when they are.</param>
public sealed class DnsTrafficRouter(SandboxZone zone, string? followed = null) : ITrafficRouter
{
    public Task<Weights> GetWeightsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(zone.Records.ToWeights()
            ?? throw new InvalidOperationException($"The service name {zone.ServiceName} has no weighted records."));

    public Task SetWeightsAsync(Weights weights, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (followed is not null)
        {
            throw new InvalidOperationException($"The sandbox's DNS server serves the records of {followed}; change the weights there (with `--target aws`), not in the sandbox.");
        }

        if (!weights.Equals(zone.Records.ToWeights()))
        {
            zone.Replace(WeightedRecordSet.From(weights));
        }

        return Task.CompletedTask;
    }

    public Task<bool> VerifyWeightsAsync(Weights expected, CancellationToken cancellationToken) =>
        Task.FromResult(expected is not null && expected.Equals(zone.Records.ToWeights()));
}
