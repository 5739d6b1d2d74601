namespace BlueGreen.Sandbox.Faults;

/// <summary>
/// A colour's error and latency fault, off until switched on. The sandbox switches it on when
/// the colour first takes user traffic, so a fault shows under load rather than in the
/// candidate's verification at 0 %.
/// </summary>
public sealed class FaultSwitch(ColourFault fault, Random random, TimeProvider time)
{
    private readonly Lock _randomLock = new();
    private const long Off = long.MinValue;

    // UTC ticks of the activation, or Off: one long read and written atomically, because the
    // load balancer's threads read what the DNS change handler writes.
    private long _activatedTicks = Off;

    public ColourFault Fault => fault;

    /// <summary>When the fault was switched on; null while off.</summary>
    public DateTimeOffset? ActivatedAt => Interlocked.Read(ref _activatedTicks) is var ticks and not Off ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public bool IsActive => Interlocked.Read(ref _activatedTicks) != Off;

    public void Activate() => Interlocked.CompareExchange(ref _activatedTicks, time.GetUtcNow().UtcTicks, Off);

    /// <summary>The latency to add to one request now; zero while off.</summary>
    public TimeSpan LatencyNow => IsActive ? fault.Latency : TimeSpan.Zero;

    /// <summary>Whether one request now should fail.</summary>
    public bool FailNow()
    {
        if (!IsActive || fault.ErrorRate <= 0)
        {
            return false;
        }

        lock (_randomLock)
        {
            return random.NextDouble() < fault.ErrorRate;
        }
    }
}
