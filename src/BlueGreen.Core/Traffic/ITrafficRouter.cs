namespace BlueGreen.Core.Traffic;

/// <summary>Owns the service name's weighted records: reads, sets (atomically for all colours) and verifies them.</summary>
public interface ITrafficRouter
{
    /// <summary>The weights now in effect.</summary>
    Task<Weights> GetWeightsAsync(CancellationToken cancellationToken);

    /// <summary>Sets every colour's weight in one atomic change; returns once the change is in effect. Idempotent.</summary>
    Task SetWeightsAsync(Weights weights, CancellationToken cancellationToken);

    /// <summary>Reads the weights back and tells whether they equal <paramref name="expected"/>.</summary>
    Task<bool> VerifyWeightsAsync(Weights expected, CancellationToken cancellationToken);
}
