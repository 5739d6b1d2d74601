using SampleApp.Faults;

namespace SampleApp.Tests.Faults;

public sealed class FaultSpecParserTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Unset_MeansNoFaults(string? spec)
    {
        var errors = new List<string>();

        var settings = FaultSpecParser.Parse(spec, errors);

        Assert.Empty(errors);
        Assert.False(settings.IsEnabled);
    }

    [Fact]
    public void Parses_ErrorsLatencyAndSeed()
    {
        var errors = new List<string>();

        var settings = FaultSpecParser.Parse("errors=20%, latency=400ms,seed=7", errors);

        Assert.Empty(errors);
        Assert.Equal(0.2, settings.ErrorRate, 10);
        Assert.Equal(TimeSpan.FromMilliseconds(400), settings.Latency);
        Assert.Equal(7, settings.Seed);
        Assert.True(settings.IsEnabled);
    }

    [Theory]
    [InlineData("errors=0.5%", 0.005)]
    [InlineData("errors=100%", 1.0)]
    [InlineData("ERRORS=0%", 0.0)]
    public void Parses_Percentages(string spec, double rate)
    {
        var errors = new List<string>();

        Assert.Equal(rate, FaultSpecParser.Parse(spec, errors).ErrorRate, 10);
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("errors=20", "errors='20' must be a percentage")]
    [InlineData("errors=120%", "errors='120%' must be a percentage")]
    [InlineData("errors=-1%", "errors='-1%' must be a percentage")]
    [InlineData("latency=400", "latency='400' must be a number followed by ms, s or m")]
    [InlineData("latency=2m", "at most 1m")]
    [InlineData("latency=99999999999999999999m", "at most 1m")]
    [InlineData("seed=x", "seed='x' must be a whole number")]
    [InlineData("crash=yes", "unknown key 'crash'")]
    [InlineData("errors", "'errors' is not key=value")]
    [InlineData("errors=1%,errors=2%", "'errors' is given twice")]
    public void Rejects_BadSpecs_SayingWhatAndHow(string spec, string expected)
    {
        var errors = new List<string>();

        FaultSpecParser.Parse(spec, errors);

        var error = Assert.Single(errors);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.StartsWith($"BLUEGREEN_FAULTS='{spec}'", error, StringComparison.Ordinal);
        Assert.Contains("errors=20%,latency=400ms", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Collects_EveryError()
    {
        var errors = new List<string>();

        FaultSpecParser.Parse("errors=x,latency=y,what=z", errors);

        Assert.Equal(3, errors.Count);
    }
}
