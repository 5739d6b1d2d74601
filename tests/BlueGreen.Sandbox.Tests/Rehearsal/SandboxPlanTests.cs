using BlueGreen.Core.Plans;
using BlueGreen.Sandbox.Rehearsal;

namespace BlueGreen.Sandbox.Tests.Rehearsal;

public sealed class SandboxPlanTests
{
    [Fact]
    public void Create_TakesTheSandboxTimingsAndP99_KeepsTheRest()
    {
        var config = DefaultConfig.Load();

        var plan = SandboxPlan.Create(config);

        Assert.Equal(config.Sandbox.MaxP99, plan.Gates.MaxP99);
        Assert.Equal(config.Sandbox.Interval, plan.Gates.Interval);
        Assert.Equal(config.Sandbox.Verification, plan.Gates.Verification);
        Assert.Equal(config.Sandbox.Drain, plan.Drain);
        Assert.All(plan.Steps.OfType<SetShareStep>(), s => Assert.Equal(config.Sandbox.Bake, s.Bake));
        Assert.Equal(config.Gates.MinSuccessRate, plan.Gates.MinSuccessRate);
        Assert.Equal(config.Gates.MinRequests, plan.Gates.MinRequests);
        Assert.Equal(config.Traffic.Steps.Count, plan.Steps.Count);
    }
}
