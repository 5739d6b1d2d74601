using BlueGreen.Aws.Clients;
using BlueGreen.Aws.CloudWatch;
using BlueGreen.Aws.Route53;
using BlueGreen.Aws.Tests.Fakes;
using BlueGreen.Aws.Tests.Moto;
using BlueGreen.Core.Clusters;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Gates;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Metrics;
using BlueGreen.Core.Plans;
using BlueGreen.Core.Traffic;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Aws.Tests.CloudWatch;

/// <summary>
/// The engine on a fake clock with its alarm gate on moto's CloudWatch and its weights in moto's Route53: an alarm set to
/// ALARM mid-bake rolls back in the next interval; an alarm that does not exist is refused before any weight changes.
/// </summary>
public sealed class AlarmGateEngineTests : IClassFixture<MotoFixture>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private readonly MotoFixture _moto;
    private readonly FakeTimeProvider _time = new(Clock.Start);

    public AlarmGateEngineTests(MotoFixture moto)
    {
        _moto = moto;
    }

    [Fact]
    public async Task AnAlarmSetToAlarmMidBake_RollsBackInTheNextInterval_WithoutWaitingForTheThreshold()
    {
        // Given an upgrade whose metrics are healthy, and a team alarm that goes off once green carries half the traffic
        var (router, zone, name) = await RouterAsync();
        var alarm = MotoFixture.NewName("web-5xx");
        var cloudWatch = new CloudWatchSetup(_moto);
        await cloudWatch.AlarmAsync(alarm, "app/k8s-green/0123456789abcdef", AlarmState.Ok);
        using var state = new TempDirectory();
        var observer = new AlarmWhen(e => e is WeightsApplied { Step: 1 }, () => cloudWatch.SetStateAsync(alarm, AlarmState.Alarm));
        var engine = Engine(state, router, [alarm], observer);

        // When the engine runs
        var outcome = await Clock.RunAsync(_time, () => engine.RunAsync(CancellationToken.None), TimeSpan.FromSeconds(5));

        // Then the one interval after the alarm fired rolled back, and Route53 holds 100/0 again
        Assert.Equal(OutcomeKind.RolledBack, outcome.Kind);
        Assert.Contains("failed a check that rolls back at once; metrics: success rate 100 %, p99 40 ms over 500 requests", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains($"; alarms: the alarm '{alarm}' is in ALARM (set to ALARM by the test)", outcome.Reason, StringComparison.Ordinal);
        var events = (await CutoverJournal.ReadAsync(new FileJournalStore(state.File("journal.jsonl")), CancellationToken.None)).Entries.Select(e => e.Event).ToList();
        var atHalf = Assert.Single(events.OfType<IntervalEvaluated>(), i => i.Step == 1);
        Assert.Equal(("alarms", GateVerdict.Fail), (atHalf.Candidate.Parts[1].Source, atHalf.Candidate.Parts[1].Verdict));
        Assert.True(observer.Fired);
        Assert.Equal([("blue", 100), ("green", 0)], (await _moto.Route53().ListWeightedRecordsAsync(zone, name, "A", CancellationToken.None)).Select(r => (r.SetIdentifier, r.Weight)));
    }

    [Fact]
    public async Task AnAlarmThatDoesNotExist_IsRefusedBeforeAnyTrafficMoves()
    {
        var (router, zone, name) = await RouterAsync();
        var missing = MotoFixture.NewName("no-such-alarm");
        using var state = new TempDirectory();

        var error = await Assert.ThrowsAsync<GateCheckException>(() => Clock.RunAsync(_time, () => Engine(state, router, [missing]).RunAsync(CancellationToken.None), TimeSpan.FromSeconds(5)));

        Assert.Equal($"The gates cannot judge the candidate: the CloudWatch alarm '{missing}' in gates.alarms does not exist in this region. No traffic was moved; fix gates.alarms in the configuration and run again.", error.Message);
        Assert.Equal([("blue", 100), ("green", 0)], (await _moto.Route53().ListWeightedRecordsAsync(zone, name, "A", CancellationToken.None)).Select(r => (r.SetIdentifier, r.Weight)));
        Assert.False(File.Exists(state.File("journal.jsonl")) && new FileInfo(state.File("journal.jsonl")).Length > 0);
    }

    private CutoverEngine Engine(TempDirectory state, Route53WeightedRouter router, string[] alarms, ICutoverObserver? observer = null)
    {
        var plan = new CutoverPlan
        {
            From = "blue",
            To = "green",
            Steps = [new SetShareStep(10, Interval * 2), new SetShareStep(50, Interval * 2), new SetShareStep(100, Interval * 2)],
            Drain = TimeSpan.FromMinutes(2),
            Gates = new GatesConfig { Interval = Interval, Verification = Interval, Alarms = alarms },
        };
        var services = CutoverServices.Local(state.Path, router, new HealthyMetrics(), new ReadyProbe(), _time) with
        {
            Checks = [new CloudWatchAlarmCheck(new CloudWatchClient(_moto.Query(AwsQueryService.CloudWatch)), alarms)],
            Observers = observer is null ? [] : [observer],
        };
        return new CutoverEngine(plan, services, new CutoverEngineOptions { PollPeriod = TimeSpan.FromSeconds(10) });
    }

    private async Task<(Route53WeightedRouter Router, string Zone, string Name)> RouterAsync()
    {
        var name = MotoFixture.NewName("svc") + ".example.com";
        var zone = await _moto.CreateZoneAsync(name);
        var targets = new AlbAliasTargets((colour, _) => Task.FromResult<string?>($"k8s-app-{colour}-0123456789.us-east-1.elb.amazonaws.com"));
        var router = new Route53WeightedRouter(_moto.Route53(_time), targets, new Route53RouterOptions { HostedZoneId = zone, RecordName = name, Colours = ["blue", "green"] }, _time);
        await Clock.RunAsync(_time, () => router.SetWeightsAsync(Weights.AllTo("blue", ["green"]), CancellationToken.None), TimeSpan.FromSeconds(1));
        return (router, zone, name);
    }

    private sealed class HealthyMetrics : IMetricSource
    {
        public Task<IntervalMetrics> GetAsync(string colour, MetricScope scope, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
            Task.FromResult(new IntervalMetrics(500, 0, TimeSpan.FromMilliseconds(40)));
    }

    private sealed class ReadyProbe : IClusterProbe
    {
        public Task<ClusterReadiness> CheckAsync(string colour, CancellationToken cancellationToken) => Task.FromResult(ClusterReadiness.Yes);
    }

    // Acts on moto once, right after the first event that matches, as a person setting off an alarm would.
    private sealed class AlarmWhen(Func<CutoverEvent, bool> when, Func<Task> action) : ICutoverObserver
    {
        public bool Fired { get; private set; }

        public void OnRecorded(JournalEntry entry, CutoverState state)
        {
            if (!Fired && when(entry.Event))
            {
                Fired = true;
                action().GetAwaiter().GetResult();
            }
        }

        public void OnNotice(EngineNotice notice)
        {
        }
    }
}
