using BlueGreen.Aws.Clients;
using BlueGreen.Cli.Tests.Fakes;

namespace BlueGreen.Cli.Tests.Commands.AwsMode;

/// <summary>gates.alarms through the built command on moto: `status` shows the alarms' states; an upgrade naming an alarm that does not exist exits 2 with nothing moved.</summary>
public sealed class AwsAlarmGateTests : IClassFixture<MotoFixture>, IAsyncLifetime
{
    private readonly MotoFixture _moto;
    private readonly TempDirectory _directory = new();
    private AwsAccount _account = null!;

    public AwsAlarmGateTests(MotoFixture moto)
    {
        _moto = moto;
    }

    public async Task InitializeAsync() => _account = await AwsAccount.CreateAsync(_moto);

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Status_PrintsTheStatesOfTheConfiguredAlarms()
    {
        await _account.WriteWeightsAsync(("blue", 100), ("green", 0));
        await AlarmAsync("web-5xx-high", "ALARM");
        await AlarmAsync("web-latency-high", "OK");

        var (code, output) = await RunAsync(WithAlarms("web-*"), "status");

        Assert.True(code == 0, output);
        Assert.Contains("Alarms: web-5xx-high ALARM, web-latency-high OK.", CliRunner.Flat(output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upgrade_NamingAnAlarmThatDoesNotExist_Exits2_AndMovesNothing()
    {
        await _account.WriteWeightsAsync(("blue", 100), ("green", 0));
        await AlarmAsync("web-5xx-high", "OK");

        // The engine's own check of gates.alarms; the preflight (which moto's missing EKS clusters would fail) is not the subject.
        var (code, output) = await RunAsync(WithAlarms("web-5xx-high", "web-5xx-typo"), "upgrade", "--skip-preflight");

        Assert.Equal(2, code);
        Assert.Contains("The gates cannot judge the candidate: the CloudWatch alarm 'web-5xx-typo' in gates.alarms does not exist in this region. No traffic was moved; fix gates.alarms in the configuration and run again.", CliRunner.Flat(output), StringComparison.Ordinal);
        Assert.Empty(await _account.ObjectsAsync("journal/"));
        Assert.Equal((100, 0), ((await _account.RecordsAsync())["blue"].Weight, (await _account.RecordsAsync())["green"].Weight));
    }

    private string WithAlarms(params string[] alarms)
    {
        var yaml = File.ReadAllText(CliRunner.DefaultConfigPath);
        const string anchor = "  liveDegradation: report      # report | abort\n";
        Assert.Contains(anchor, yaml, StringComparison.Ordinal);
        var path = _directory.File("bluegreen.yaml");
        File.WriteAllText(path, yaml.Replace(anchor, anchor + $"  alarms: [{string.Join(", ", alarms)}]\n", StringComparison.Ordinal));
        return path;
    }

    private async Task AlarmAsync(string name, string state)
    {
        var cloudWatch = _moto.Query(AwsQueryService.CloudWatch, region: AwsAccount.Region);
        await cloudWatch.SendAsync("PutMetricAlarm", [
            new("AlarmName", name), new("Namespace", "AWS/ApplicationELB"), new("MetricName", "HTTPCode_Target_5XX_Count"),
            new("Statistic", "Sum"), new("Period", "60"), new("EvaluationPeriods", "1"), new("Threshold", "10"), new("ComparisonOperator", "GreaterThanOrEqualToThreshold"),
        ], CancellationToken.None);
        await cloudWatch.SendAsync("SetAlarmState", [new("AlarmName", name), new("StateValue", state), new("StateReason", "set by the test")], CancellationToken.None);
    }

    private Task<(int ExitCode, string Output)> RunAsync(string config, params string[] args) =>
        CliProcess.RunAsync(AwsAccount.Environment(_moto.Endpoint), [.. args, "--target", "aws", "--config", config]);
}
