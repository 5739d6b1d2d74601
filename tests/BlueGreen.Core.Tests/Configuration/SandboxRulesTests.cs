namespace BlueGreen.Core.Tests.Configuration;

public sealed class SandboxRulesTests
{
    [Fact]
    public void Reads_TheSandboxP99Limit()
    {
        var config = TestConfig.Parse(TestConfig.With("  maxP99: 2s ", "  maxP99: 1500ms ")).Config!;

        Assert.Equal(TimeSpan.FromMilliseconds(1500), config.Sandbox.MaxP99);
        Assert.Equal(TimeSpan.FromMilliseconds(500), config.Gates.MaxP99);
    }

    [Fact]
    public void Rejects_AZeroSandboxP99Limit()
    {
        var error = TestConfig.SingleError(TestConfig.With("  maxP99: 2s ", "  maxP99: 0s "));

        Assert.Equal("sandbox.maxP99", error.KeyPath);
    }

    [Fact]
    public void Rejects_ASandboxBakeShorterThanItsInterval()
    {
        var error = TestConfig.SingleError(TestConfig.With("  bake: 5s\n", "  bake: 500ms\n"));

        Assert.Equal("sandbox.bake", error.KeyPath);
        Assert.Equal("The sandbox bake (500ms) is shorter than its gate interval (1s).", error.Message);
    }

    [Fact]
    public void Rejects_TooManyClients()
    {
        var error = TestConfig.SingleError(TestConfig.With("  clients: 128 ", "  clients: 257 "));

        Assert.Equal("sandbox.clients", error.KeyPath);
    }

    [Fact]
    public void RequestRateAuto_IsLeftToTheCalibration()
    {
        var config = TestConfig.Parse(TestConfig.DefaultYaml).Config!;

        Assert.Null(config.Sandbox.RequestRate);
    }

    [Fact]
    public void Reads_AnExplicitRequestRate()
    {
        var config = TestConfig.Parse(TestConfig.With("  requestRate: auto ", "  requestRate: 300 ")).Config!;

        Assert.Equal(300, config.Sandbox.RequestRate);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5001")]
    [InlineData("fast")]
    public void Rejects_ARequestRateThatIsNeitherAutoNorFrom1To5000(string value)
    {
        var error = TestConfig.SingleError(TestConfig.With("  requestRate: auto ", $"  requestRate: {value} "));

        Assert.Equal("sandbox.requestRate", error.KeyPath);
    }
}
