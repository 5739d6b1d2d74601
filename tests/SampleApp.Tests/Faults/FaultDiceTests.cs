using SampleApp.Faults;

namespace SampleApp.Tests.Faults;

public sealed class FaultDiceTests
{
    [Fact]
    public void NoErrorRate_NeverFails()
    {
        var dice = new FaultDice(new FaultSettings { Latency = TimeSpan.FromSeconds(1), Seed = 1 });

        Assert.DoesNotContain(true, Enumerable.Range(0, 1000).Select(_ => dice.NextFails()));
    }

    [Fact]
    public void FullErrorRate_AlwaysFails()
    {
        var dice = new FaultDice(new FaultSettings { ErrorRate = 1 });

        Assert.DoesNotContain(false, Enumerable.Range(0, 1000).Select(_ => dice.NextFails()));
    }

    [Fact]
    public void SameSeed_GivesTheSameFailures()
    {
        var settings = new FaultSettings { ErrorRate = 0.3, Seed = 42 };

        var first = new FaultDice(settings);
        var a = Enumerable.Range(0, 200).Select(_ => first.NextFails()).ToList();
        var second = new FaultDice(settings);
        var b = Enumerable.Range(0, 200).Select(_ => second.NextFails()).ToList();

        Assert.Equal(a, b);
    }

    [Fact]
    public void ErrorRate_IsHonoured_WithinA999PercentBound()
    {
        const int Draws = 10_000;
        const double Rate = 0.2;
        var dice = new FaultDice(new FaultSettings { ErrorRate = Rate, Seed = 12345 });

        var failures = Enumerable.Range(0, Draws).Count(_ => dice.NextFails());

        // Binomial(10000, 0.2): sigma = 40; 99.9 % two-sided is 3.29 sigma, about 132.
        Assert.InRange(failures, 2000 - 132, 2000 + 132);
    }
}
