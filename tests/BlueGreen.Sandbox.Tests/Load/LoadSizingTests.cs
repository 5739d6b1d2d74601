using BlueGreen.Sandbox.Load;

namespace BlueGreen.Sandbox.Tests.Load;

public sealed class LoadSizingTests
{
    // The default plan in the sandbox: 2 x gates.minRequests (20) per 1 s interval at the 10 % step.
    private static readonly LoadDemand Default = new() { SamplesPerInterval = 40, SmallestShare = 0.10, Interval = TimeSpan.FromSeconds(1) };

    [Fact]
    public void QuietMachine_UsesAQuarterOfTheCalibratedRate_AndKeepsTheInterval()
    {
        var size = LoadSizing.Size(2000, TimeSpan.FromMilliseconds(12), configuredClients: 128, Default);

        Assert.Equal(500, size.RequestRate);
        Assert.Equal(128, size.Clients);
        Assert.Equal(0.25, size.Share);
        Assert.Equal(1, size.IntervalFactor);
        Assert.Null(LoadSizing.Lengthening(size, Default));
    }

    [Fact]
    public void BusyMachine_LengthensTheInterval_RatherThanRaiseTheLoad()
    {
        // 179 requests/s served: 44 users/s give 4.4 requests per second at 10 %; 40 need 10 s.
        var size = LoadSizing.Size(179, TimeSpan.FromMilliseconds(148), configuredClients: 128, Default);

        Assert.Equal(44, size.RequestRate);
        Assert.Equal(10, size.IntervalFactor);
        Assert.Equal(
            "this machine is too slow to give the candidate 40 requests per 1 s interval at 10 % (44 requests/s), so the gate interval, the bake and the verification are 10 times longer (interval 10 s)",
            LoadSizing.Lengthening(size, Default));
    }

    [Fact]
    public void Lengthened_IntervalIsTheShortestThatGivesTheMinimumSamples()
    {
        foreach (var calibrated in new[] { 60.0, 100, 179, 640, 1599, 1600 })
        {
            var size = LoadSizing.Size(calibrated, TimeSpan.FromMilliseconds(50), 128, Default);
            var perInterval = size.RequestRate * Default.SmallestShare * Default.Interval.TotalSeconds * size.IntervalFactor;

            Assert.True(perInterval >= Default.SamplesPerInterval, $"{calibrated}/s: {perInterval} per interval");
            var oneShorter = perInterval / size.IntervalFactor * (size.IntervalFactor - 1);
            Assert.True(size.IntervalFactor == 1 || oneShorter < Default.SamplesPerInterval, $"{calibrated}/s: factor {size.IntervalFactor} is longer than needed");
        }
    }

    [Fact]
    public void NoMoreClientsThanRequestsPerSecond()
    {
        var size = LoadSizing.Size(20, TimeSpan.FromMilliseconds(50), configuredClients: 128, demand: null);

        Assert.Equal(5, size.RequestRate);
        Assert.Equal(5, size.Clients);
        Assert.Equal(1, size.IntervalFactor);
    }

    [Fact]
    public void RateAndInterval_AreBounded()
    {
        Assert.Equal(LoadSizing.MaxRequestRate, LoadSizing.Size(50_000, TimeSpan.FromMilliseconds(1), 128, Default).RequestRate);
        var crawling = LoadSizing.Size(2, TimeSpan.FromSeconds(1), 128, Default);
        Assert.Equal(1, crawling.RequestRate);
        Assert.Equal(LoadSizing.MaxIntervalFactor, crawling.IntervalFactor);
    }

    [Theory]
    [InlineData(148, 5)]
    [InlineData(1500, 15)]
    [InlineData(9000, 20)]
    public void RequestTimeout_IsTenTimesTheCalibratedP99_From5To20Seconds(int p99Milliseconds, int expectedSeconds)
    {
        var size = LoadSizing.Size(400, TimeSpan.FromMilliseconds(p99Milliseconds), 128, Default);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), size.RequestTimeout);
    }

    [Fact]
    public void Describe_PrintsBothFigures()
    {
        var size = LoadSizing.Size(179.4, TimeSpan.FromMilliseconds(148), configuredClients: 128, Default);

        Assert.Equal("calibrated: 179 requests/s served; user load: 44 requests/s (25 %) from 44 clients", size.Describe());
    }
}
