using BlueGreen.Core.Traffic;

namespace BlueGreen.Sandbox.Dns;

/// <summary>The sandbox's <see cref="ITrafficRouter"/>: sets the service name's weighted records in the sandbox zone.</summary>
public sealed class DnsTrafficRouter(SandboxZone zone) : ITrafficRouter
{
    public Task<Weights> GetWeightsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(zone.Records.ToWeights()
            ?? throw new InvalidOperationException($"The service name {zone.ServiceName} has no weighted records."));

    public Task SetWeightsAsync(Weights weights, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (!weights.Equals(zone.Records.ToWeights()))
        {
            zone.Replace(WeightedRecordSet.From(weights));
        }

        return Task.CompletedTask;
    }

    public Task<bool> VerifyWeightsAsync(Weights expected, CancellationToken cancellationToken) =>
        Task.FromResult(expected is not null && expected.Equals(zone.Records.ToWeights()));
}
