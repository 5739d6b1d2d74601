using BlueGreen.Core.Configuration;
using BlueGreen.Core.Plans;

namespace BlueGreen.Core.Tests.Plans;

public sealed class PlanFactoryTests
{
    [Fact]
    public void Create_MovesFromTheLiveColourToTheOtherCluster_WithTheConfiguredStepsAndTimings()
    {
        var config = PlanSamples.Environment();

        var plan = PlanFactory.Create(config);

        Assert.Equal("blue", plan.From);
        Assert.Equal("green", plan.To);
        Assert.Same(config.Traffic.Steps, plan.Steps);
        Assert.Equal(TimeSpan.FromMinutes(2), plan.Drain);
        Assert.Equal(100, plan.WeightScale);
        Assert.Same(config.Gates, plan.Gates);
        Assert.Equal(5, plan.FinalShareStep);
    }

    [Fact]
    public void Create_HonoursAnExplicitCandidate_AndTheWeightScale()
    {
        var config = PlanSamples.Environment();
        config = config with { Traffic = config.Traffic with { Live = "green", Candidate = "blue", WeightScale = 255 } };

        var plan = PlanFactory.Create(config);

        Assert.Equal(("green", "blue"), (plan.From, plan.To));
        Assert.Equal(255, plan.WeightsFor(100)["blue"]);
    }

    [Fact]
    public void Create_WithSandboxTimings_ShortensBakesPausesIntervalDrainAndVerification_OnlyThose()
    {
        var config = PlanSamples.Environment();

        var plan = PlanFactory.Create(config, PlanTimings.FromSandbox(config.Sandbox));

        Assert.All(plan.Steps.OfType<SetShareStep>(), s => Assert.Equal(TimeSpan.FromSeconds(5), s.Bake));
        Assert.Equal(TimeSpan.FromSeconds(5), Assert.Single(plan.Steps.OfType<TimedPauseStep>()).Duration);
        Assert.Equal("look at the dashboards", Assert.Single(plan.Steps.OfType<ApprovalStep>()).Reason);
        Assert.Equal([10, 25, 50, 100], plan.Steps.OfType<SetShareStep>().Select(s => s.Percent));
        Assert.Equal(TimeSpan.FromSeconds(3), plan.Drain);
        Assert.Equal(TimeSpan.FromSeconds(1), plan.Gates.Interval);
        Assert.Equal(TimeSpan.FromSeconds(3), plan.Gates.Verification);
        Assert.Equal(config.Gates.MinSuccessRate, plan.Gates.MinSuccessRate);
        Assert.Equal(config.Gates.FailureThreshold, plan.Gates.FailureThreshold);
    }

    [Fact]
    public void Create_RefusesAPlanThatDoesNotEndAt100_ListingEveryProblem()
    {
        var config = PlanSamples.Environment();
        config = config with
        {
            Traffic = config.Traffic with { Steps = [PlanSamples.Share(120), PlanSamples.Share(50)], WeightScale = 0 },
            Gates = config.Gates with { FailureThreshold = 0 },
        };

        var error = Assert.Throws<PlanException>(() => PlanFactory.Create(config));

        Assert.Equal(
            [
                "traffic.weightScale is 0; it must be within 100..255, so that every percentage gets a weight of its own.",
                "traffic.steps[0]: the share 120 % must be within 0..100.",
                "traffic.steps: the last share step must give the candidate 100 %.",
                "gates.failureThreshold must be at least 1.",
            ],
            error.Problems);
        Assert.Contains("  - traffic.weightScale is 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RefusesTheSameColourOnBothSides()
    {
        var config = PlanSamples.Environment();
        config = config with { Traffic = config.Traffic with { Candidate = "blue" } };

        var error = Assert.Throws<PlanException>(() => PlanFactory.Create(config));

        Assert.Contains("the live and the candidate colour are both 'blue'", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RefusesAnUnknownCandidateColour_NamingTheKnownOnes()
    {
        var config = PlanSamples.Environment();
        config = config with { Traffic = config.Traffic with { Candidate = "purple" } };

        var error = Assert.Throws<PlanException>(() => PlanFactory.Create(config));

        Assert.Contains("No cluster has the colour 'purple'. Known colours: blue, green.", Assert.Single(error.Problems), StringComparison.Ordinal);
    }
}
