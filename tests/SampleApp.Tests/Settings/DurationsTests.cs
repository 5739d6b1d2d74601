using SampleApp.Settings;

namespace SampleApp.Tests.Settings;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("400ms", 400)]
    [InlineData("2s", 2000)]
    [InlineData("1.5s", 1500)]
    [InlineData("1m", 60000)]
    [InlineData("0s", 0)]
    [InlineData(" 250ms ", 250)]
    public void Parses_UnitsMillisecondsSecondsMinutes(string text, double milliseconds)
    {
        Assert.True(Durations.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("400")]
    [InlineData("ms")]
    [InlineData("-1s")]
    [InlineData("1h")]
    [InlineData("1,5s")]
    public void Rejects_NumbersWithoutAKnownUnit(string text)
    {
        Assert.False(Durations.TryParse(text, out _));
    }

    [Theory]
    [InlineData("1441m")]
    [InlineData("86400001ms")]
    [InlineData("99999999999999999999m")]
    [InlineData("9999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999s")]
    public void Rejects_DurationsBeyondTheMaximum_InsteadOfOverflowing(string text)
    {
        Assert.False(Durations.TryParse(text, out _));
    }

    [Fact]
    public void Accepts_ExactlyTheMaximum()
    {
        Assert.True(Durations.TryParse("1440m", out var duration));
        Assert.Equal(Durations.Maximum, duration);
    }

    [Fact]
    public void Formats_WholeSecondsAndMilliseconds()
    {
        Assert.Equal("5s", Durations.Format(TimeSpan.FromSeconds(5)));
        Assert.Equal("250ms", Durations.Format(TimeSpan.FromMilliseconds(250)));
    }
}
