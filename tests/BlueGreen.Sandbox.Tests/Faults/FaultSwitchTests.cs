using BlueGreen.Sandbox.Faults;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Sandbox.Tests.Faults;

public sealed class FaultSwitchTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void IsOff_UntilActivated()
    {
        var faults = new FaultSwitch(new ColourFault { Colour = "green", ErrorRate = 1, Latency = TimeSpan.FromSeconds(1) }, new Random(1), _time);

        Assert.False(faults.FailNow());
        Assert.Equal(TimeSpan.Zero, faults.LatencyNow);
        Assert.Null(faults.ActivatedAt);
    }

    [Fact]
    public void Activated_FailsTheConfiguredShare()
    {
        var faults = new FaultSwitch(new ColourFault { Colour = "green", ErrorRate = 0.2 }, new Random(7), _time);
        faults.Activate();
        const int Draws = 10_000;

        var failed = Enumerable.Range(0, Draws).Count(_ => faults.FailNow());

        // 99.9 % bound of a binomial(10 000, 0.2) count: 3.29 standard deviations of 40.
        Assert.InRange(failed, 2000 - 132, 2000 + 132);
        Assert.Equal(_time.GetUtcNow(), faults.ActivatedAt);
    }

    [Fact]
    public void Activate_KeepsTheFirstMoment()
    {
        var faults = new FaultSwitch(new ColourFault { Colour = "green", Latency = TimeSpan.FromMilliseconds(400) }, new Random(1), _time);
        faults.Activate();
        var first = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromSeconds(5));

        faults.Activate();

        Assert.Equal(first, faults.ActivatedAt);
        Assert.Equal(TimeSpan.FromMilliseconds(400), faults.LatencyNow);
    }
}
