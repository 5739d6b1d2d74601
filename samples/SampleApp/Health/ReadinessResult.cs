namespace SampleApp.Health;

/// <summary>Whether this instance should receive traffic, and if not, why.</summary>
internal sealed record ReadinessResult(bool IsReady, string? Reason)
{
    public static readonly ReadinessResult Ready = new(true, null);

    public static ReadinessResult NotReady(string reason) => new(false, reason);
}
