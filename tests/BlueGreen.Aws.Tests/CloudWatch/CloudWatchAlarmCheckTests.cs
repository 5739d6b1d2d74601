using BlueGreen.Aws.Clients;
using BlueGreen.Aws.CloudWatch;
using BlueGreen.Aws.Tests.Fakes;
using BlueGreen.Aws.Tests.Moto;
using BlueGreen.Core.Gates;

namespace BlueGreen.Aws.Tests.CloudWatch;

/// <summary>The alarm gate on moto's CloudWatch: states set with SetAlarmState, names and prefixes, alarms that do not exist.</summary>
public sealed class CloudWatchAlarmCheckTests : IClassFixture<MotoFixture>
{
    private readonly MotoFixture _moto;

    public CloudWatchAlarmCheckTests(MotoFixture moto)
    {
        _moto = moto;
    }

    [Fact]
    public async Task AllOk_Passes()
    {
        var (setup, name) = await AlarmAsync(AlarmState.Ok);

        var reading = await Check(name).EvaluateAsync(Clock.Start, Clock.Start.AddMinutes(1), CancellationToken.None);

        Assert.Equal((GateVerdict.Pass, $"the alarm '{name}' is OK", "alarms", false), (reading.Verdict, reading.Reason, reading.Source, reading.RollBackAtOnce));
    }

    [Fact]
    public async Task AnAlarmInAlarm_Fails_AndRollsBackAtOnce()
    {
        var (setup, name) = await AlarmAsync(AlarmState.Ok);
        var other = MotoFixture.NewName("web-latency");
        await setup.AlarmAsync(other, "app/k8s-green/0123456789abcdef", AlarmState.Ok);
        var check = Check(name, other);
        Assert.Equal(GateVerdict.Pass, (await check.EvaluateAsync(Clock.Start, Clock.Start.AddMinutes(1), CancellationToken.None)).Verdict);

        await setup.SetStateAsync(name, AlarmState.Alarm);
        var reading = await check.EvaluateAsync(Clock.Start, Clock.Start.AddMinutes(1), CancellationToken.None);

        Assert.Equal((GateVerdict.Fail, true), (reading.Verdict, reading.RollBackAtOnce));
        Assert.Equal($"the alarm '{name}' is in ALARM (set to ALARM by the test)", reading.Reason);
    }

    [Fact]
    public async Task InsufficientData_IsInconclusive()
    {
        var (_, name) = await AlarmAsync(AlarmState.InsufficientData);

        var reading = await Check(name).EvaluateAsync(Clock.Start, Clock.Start.AddMinutes(1), CancellationToken.None);

        Assert.Equal((GateVerdict.Inconclusive, $"the alarm '{name}' is INSUFFICIENT_DATA"), (reading.Verdict, reading.Reason));
    }

    [Fact]
    public async Task APrefix_CoversEveryAlarmItStarts_AndOneInAlarmFails()
    {
        var prefix = MotoFixture.NewName("team");
        var setup = new CloudWatchSetup(_moto);
        await setup.AlarmAsync(prefix + "-5xx", "app/k8s-green/0123456789abcdef", AlarmState.Ok);
        await setup.AlarmAsync(prefix + "-latency", "app/k8s-green/0123456789abcdef", AlarmState.Alarm);

        var check = Check(prefix + "-*");

        Assert.Empty(await check.ProblemsAsync(CancellationToken.None));
        Assert.Equal([AlarmState.Ok, AlarmState.Alarm], (await check.StatesAsync(CancellationToken.None)).Select(a => a.State));
        Assert.Equal(GateVerdict.Fail, (await check.EvaluateAsync(Clock.Start, Clock.Start.AddMinutes(1), CancellationToken.None)).Verdict);
    }

    [Fact]
    public async Task AnAlarmThatDoesNotExist_AndAPrefixNoAlarmStarts_AreProblems()
    {
        var (_, name) = await AlarmAsync(AlarmState.Ok);
        var missing = MotoFixture.NewName("no-such-alarm");
        var prefix = MotoFixture.NewName("no-such-team");

        var problems = await Check(name, missing, prefix + "*").ProblemsAsync(CancellationToken.None);

        Assert.Equal([$"the CloudWatch alarm '{missing}' in gates.alarms does not exist in this region", $"no CloudWatch alarm's name starts with '{prefix}' (gates.alarms: '{prefix}*')"], problems);
    }

    private async Task<(CloudWatchSetup Setup, string Name)> AlarmAsync(string state)
    {
        var setup = new CloudWatchSetup(_moto);
        var name = MotoFixture.NewName("web-5xx");
        await setup.AlarmAsync(name, "app/k8s-green/0123456789abcdef", state);
        return (setup, name);
    }

    private CloudWatchAlarmCheck Check(params string[] alarms) => new(new CloudWatchClient(_moto.Query(AwsQueryService.CloudWatch)), alarms);
}
