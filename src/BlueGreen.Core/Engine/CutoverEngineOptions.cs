using BlueGreen.Core.Locking;

namespace BlueGreen.Core.Engine;

/// <summary>How the engine runs, with stated defaults.</summary>
public sealed record CutoverEngineOptions
{
    /// <summary>How often the engine looks for operator requests while it waits. Default 1 s.</summary>
    public TimeSpan PollPeriod { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Return <see cref="OutcomeKind.Paused"/> when paused instead of waiting for a resume. Default false.</summary>
    public bool StopWhenPaused { get; init; }

    /// <summary>Who takes the lock. Default: this process.</summary>
    public LockHolder Holder { get; init; } = LockHolder.Current();

    /// <summary>How long the lock stays valid without a heartbeat. Default 2 min.</summary>
    public TimeSpan LockTtl { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the lock is renewed. Default 30 s.</summary>
    public TimeSpan HeartbeatPeriod { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Roll a completed upgrade back at once (all traffic to the old colour in one change, no steps), while its old
    /// colour has not been decommissioned. Default false: a run over a completed journal only reports it.
    /// </summary>
    public bool RollbackWindow { get; init; }

    /// <summary>Times the engine sets weights and reads them back before giving up. Default 3.</summary>
    public int WeightAttempts { get; init; } = 3;
}
