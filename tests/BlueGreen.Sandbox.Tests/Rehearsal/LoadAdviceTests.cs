using BlueGreen.Sandbox.Rehearsal;

namespace BlueGreen.Sandbox.Tests.Rehearsal;

public sealed class LoadAdviceTests
{
    [Fact]
    public void DefaultLoad_GivesTheSmallestStepEnoughRequests()
    {
        var config = DefaultConfig.Load();

        Assert.Null(LoadAdvice.Check(config, SandboxPlan.Create(config)));
    }

    [Fact]
    public void LowRate_IsNamed_WithTheRateThatSuffices()
    {
        var config = DefaultConfig.Load();
        config = config with { Sandbox = config.Sandbox with { RequestRate = 200 } };

        var advice = LoadAdvice.Check(config, SandboxPlan.Create(config));

        Assert.NotNull(advice);
        Assert.Contains("sandbox.requestRate 200", advice, StringComparison.Ordinal);
        Assert.Contains("to 400 or more", advice, StringComparison.Ordinal);
    }
}
