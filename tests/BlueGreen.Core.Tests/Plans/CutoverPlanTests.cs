using BlueGreen.Core.Configuration;
using BlueGreen.Core.Plans;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Core.Tests.Plans;

public sealed class CutoverPlanTests
{
    private static readonly CutoverPlan Plan = PlanFactory.Create(PlanSamples.Environment());

    [Fact]
    public void WeightsFor_MapsTheCandidatesPercentOntoTheScale()
    {
        Assert.Equal(new Weights([new("blue", 75), new("green", 25)]), Plan.WeightsFor(25));
        Assert.Equal(new Weights([new("blue", 100), new("green", 0)]), Plan.RollbackWeights);
    }

    [Fact]
    public void Describe_NamesEveryStepAndTiming()
    {
        Assert.Equal(
            "blue -> green, scale 100; steps 10%/00:05:00, 25%/00:05:00, pause 00:10:00, approval 'look at the dashboards', 50%/00:05:00, 100%/00:05:00; "
            + "drain 00:02:00; interval 00:00:30; verification 00:01:00; gates success>=99 p99<=00:00:00.5000000 min 20 fail 3 inconclusive 5 live Report; "
            + "compare Both margin 1 p99x1.5 confidence 0.999",
            Plan.Describe());
    }

    [Fact]
    public void Describe_ChangesWithAnyPartOfThePlan()
    {
        CutoverPlan[] variants =
        [
            Plan with { To = "red" },
            Plan with { Steps = [.. Plan.Steps.Take(5), new SetShareStep(100, TimeSpan.FromMinutes(6))] },
            Plan with { Drain = TimeSpan.FromMinutes(3) },
            Plan with { WeightScale = 200 },
            Plan with { Gates = Plan.Gates with { MinRequests = 21 } },
            Plan with { Gates = Plan.Gates with { LiveDegradation = LiveDegradation.Abort } },
            Plan with { Gates = Plan.Gates with { Compare = GateComparison.Absolute } },
            Plan with { Gates = Plan.Gates with { Relative = new() { FailureRateMargin = 2 } } },
            Plan with { Gates = Plan.Gates with { Relative = new() { P99Ratio = 2 } } },
            Plan with { Gates = Plan.Gates with { Confidence = 0.99 } },
        ];

        Assert.All(variants, v => Assert.NotEqual(Plan.Describe(), v.Describe()));
    }

    [Fact]
    public void Problems_RefuseNegativeTimes()
    {
        var plan = Plan with
        {
            Steps = [new SetShareStep(10, TimeSpan.FromSeconds(-1)), new TimedPauseStep(TimeSpan.FromSeconds(-1)), new SetShareStep(100, TimeSpan.Zero)],
            Drain = TimeSpan.FromSeconds(-1),
            Gates = Plan.Gates with { Interval = TimeSpan.Zero, Verification = TimeSpan.FromSeconds(-1), InconclusiveLimit = 0 },
        };

        Assert.Equal(
            [
                "traffic.drain must not be negative.",
                "traffic.steps[0]: the bake time must not be negative.",
                "traffic.steps[1]: the pause must not be negative.",
                "gates.interval must be positive.",
                "gates.inconclusiveLimit must be at least 1.",
                "gates.verification must not be negative.",
            ],
            plan.Problems());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(99)]
    [InlineData(256)]
    public void Problems_RefuseAWeightScaleOutside100To255(int scale)
    {
        Assert.Equal(
            [$"traffic.weightScale is {scale}; it must be within 100..255, so that every percentage gets a weight of its own."],
            (Plan with { WeightScale = scale }).Problems());
    }

    [Theory]
    [InlineData(0, 99.0, "gates.minRequests is 0; it must be at least 1, or an interval without a single request would pass.")]
    [InlineData(20, -1.0, "gates.minSuccessRate is -1; it must be within 0..100 (a percentage).")]
    [InlineData(20, 100.5, "gates.minSuccessRate is 100.5; it must be within 0..100 (a percentage).")]
    [InlineData(20, double.NaN, "gates.minSuccessRate is NaN; it must be within 0..100 (a percentage).")]
    public void Problems_RefuseGateRulesThatCannotJudge(int minRequests, double minSuccessRate, string problem)
    {
        var plan = Plan with { Gates = Plan.Gates with { MinRequests = minRequests, MinSuccessRate = minSuccessRate } };

        Assert.Equal([problem], plan.Problems());
    }
}
