using BlueGreen.Core.Configuration;

namespace BlueGreen.Core.Plans;

/// <summary>Timings that replace a plan's own, so the sandbox runs the same plan in seconds.</summary>
/// <param name="Bake">Bake of every share step and length of every timed pause.</param>
/// <param name="Interval">Gate interval.</param>
/// <param name="Drain">Wait after 100 %.</param>
/// <param name="Verification">The candidate's verification window at 0 %.</param>
public sealed record PlanTimings(TimeSpan Bake, TimeSpan Interval, TimeSpan Drain, TimeSpan Verification)
{
    /// <summary>The sandbox's short timings from <c>sandbox.bake/interval/drain/verification</c>.</summary>
    public static PlanTimings FromSandbox(SandboxConfig sandbox)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        return new(sandbox.Bake, sandbox.Interval, sandbox.Drain, sandbox.Verification);
    }
}
