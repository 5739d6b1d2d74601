using BlueGreen.Core.Configuration;

namespace BlueGreen.Core.Tests.Configuration;

/// <summary>gates.source, gates.alarms, gates.metricPeriod and gates.metricDelay.</summary>
public sealed class GatesRulesTests
{
    private static string Gates(string extra, string interval = "30s") =>
        TestConfig.With(TestConfig.With("  interval: 30s\n", $"  interval: {interval}\n"), "  liveDegradation: report      # report | abort\n", "  liveDegradation: report\n" + extra);

    [Fact]
    public void TheDefaults_KeepTodaysSources_NoAlarms_AndALoadBalancersPeriod()
    {
        var gates = TestConfig.Parse(TestConfig.DefaultYaml).Config!.Gates;

        Assert.Empty(gates.Sources);
        Assert.Empty(gates.Alarms);
        Assert.Equal((TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)), (gates.MetricPeriod, gates.MetricDelay));
    }

    [Fact]
    public void Source_IsOneWord_OrAList()
    {
        Assert.Equal([GateSourceKind.Cloudwatch], TestConfig.Parse(Gates("  source: cloudwatch\n", "1m")).Config!.Gates.Sources);
        Assert.Equal([GateSourceKind.Cloudwatch, GateSourceKind.Probes], TestConfig.Parse(Gates("  source: [cloudwatch, probes]\n", "1m")).Config!.Gates.Sources);
    }

    [Fact]
    public void Rejects_AnUnknownSourceInAList_AtItsLineAndColumn()
    {
        var yaml = Gates("  source: [cloudwatch, datadog]\n", "1m");

        var error = TestConfig.SingleError(yaml);

        Assert.Equal(("gates.source[1]", "'datadog' is not one of probes, prometheus, cloudwatch."), (error.KeyPath, error.Message));
        Assert.Equal((TestConfig.LineOf(yaml, "source:"), 24), (error.Line, error.Column));
    }

    [Fact]
    public void Rejects_AnIntervalShorterThanTheMetricPeriod_WithCloudWatch_AtTheInterval()
    {
        var yaml = Gates("  source: cloudwatch\n");

        var error = TestConfig.SingleError(yaml);

        Assert.Equal("gates.interval", error.KeyPath);
        Assert.Equal(TestConfig.LineOf(yaml, "  interval: 30s"), error.Line);
        Assert.Equal("The gate interval (30s) is shorter than the CloudWatch metric period (1m), so most intervals would read no data.", error.Message);
        Assert.Equal("Make gates.interval at least 1m, or, where you publish high-resolution metrics, set gates.metricPeriod to 1s, 5s, 10s or 30s.", error.Hint);
    }

    [Fact]
    public void Allows_AShortIntervalWithHighResolutionMetrics_OrWithoutCloudWatch()
    {
        Assert.Empty(TestConfig.Parse(Gates("  source: cloudwatch\n  metricPeriod: 10s\n  metricDelay: 0s\n")).Errors);
        Assert.Empty(TestConfig.Parse(Gates("  source: probes\n")).Errors);
    }

    [Theory]
    [InlineData("7s")]
    [InlineData("90s")]
    [InlineData("1500ms")]
    public void Rejects_APeriodCloudWatchDoesNotHave(string period)
    {
        var error = TestConfig.SingleError(Gates($"  metricPeriod: {period}\n"));

        Assert.Equal("gates.metricPeriod", error.KeyPath);
        Assert.Contains("is not a CloudWatch period", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Alarms_AreNamesOrPrefixes()
    {
        Assert.Equal(["web-5xx-high", "team-web-*"], TestConfig.Parse(Gates("  alarms: [web-5xx-high, team-web-*]\n")).Config!.Gates.Alarms);
    }

    [Theory]
    [InlineData("\"*\"")]
    [InlineData("web-*-high")]
    [InlineData("\" \"")]
    public void Rejects_AnAlarmThatIsNeitherANameNorAPrefix(string alarm)
    {
        var error = TestConfig.SingleError(Gates($"  alarms: [ok-alarm, {alarm}]\n"));

        Assert.Equal("gates.alarms[1]", error.KeyPath);
        Assert.Contains("followed by one * at the end", error.Hint, StringComparison.Ordinal);
    }
}
