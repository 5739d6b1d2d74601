using BlueGreen.Core.Configuration;
using BlueGreen.Core.Plans;

namespace BlueGreen.Sandbox.Rehearsal;

/// <summary>The configured plan as the sandbox runs it: the sandbox's timings and p99 limit, everything else as configured.</summary>
public static class SandboxPlan
{
    /// <exception cref="PlanException">The configuration does not make a runnable plan.</exception>
    public static CutoverPlan Create(EnvironmentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var sandboxed = config with { Gates = config.Gates with { MaxP99 = config.Sandbox.MaxP99 } };
        return PlanFactory.Create(sandboxed, PlanTimings.FromSandbox(config.Sandbox));
    }
}
