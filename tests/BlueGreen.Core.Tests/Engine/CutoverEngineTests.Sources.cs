using BlueGreen.Core.Engine;
using BlueGreen.Core.Gates;
using BlueGreen.Core.Metrics;
using BlueGreen.Core.Tests.Fakes;

namespace BlueGreen.Core.Tests.Engine;

public sealed partial class CutoverEngineTests
{
    [Fact]
    public async Task ACheckThatFailsToRollBackAtOnce_RollsBackAfterOneInterval_NotTheThreshold()
    {
        // Given an alarm that goes into ALARM once the candidate carries half the traffic
        var harness = new EngineHarness();
        var check = new ScriptedCheck();
        check.Script = _ => harness.Router.Current["green"] >= 50 ? ScriptedCheck.Alarm : ScriptedCheck.Ok;
        harness.Checks.Add(check);

        // When the engine runs
        var outcome = await harness.RunAsync();

        // Then the first interval in ALARM rolls back, though the failure threshold is 3
        Assert.Equal(OutcomeKind.RolledBack, outcome.Kind);
        Assert.Contains("failed a check that rolls back at once", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("alarms: the alarm 'web-5xx' is in ALARM (Threshold Crossed)", outcome.Reason, StringComparison.Ordinal);
        var atHalf = (await harness.EventsAsync()).OfType<IntervalEvaluated>().Where(i => i.Step == 1).ToList();
        var judged = Assert.Single(atHalf).Candidate;
        Assert.Equal((GateVerdict.Fail, "metrics, alarms", true), (judged.Verdict, judged.Source, judged.RollBackAtOnce));
        Assert.Equal([GateVerdict.Pass, GateVerdict.Fail], judged.Parts.Select(p => p.Verdict));
        Assert.Equal(harness.WeightsFor(0), harness.Sets()[^1]);
    }

    [Fact]
    public async Task AFailingMetricInterval_StillWaitsForTheThreshold_BesideAPassingCheck()
    {
        var harness = new EngineHarness();
        harness.Checks.Add(new ScriptedCheck());
        harness.Metrics.Script = q => q.Colour == "green" && harness.Router.Current["green"] >= 50 ? ScriptedMetrics.Failing : ScriptedMetrics.Healthy;

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.RolledBack, outcome.Kind);
        Assert.Contains("failed 3 consecutive intervals", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InsufficientData_IsInconclusive_AndTheLimitPauses()
    {
        var harness = new EngineHarness { Options = new() { PollPeriod = TimeSpan.FromSeconds(10), StopWhenPaused = true } };
        harness.Checks.Add(new ScriptedCheck { Script = _ => ScriptedCheck.InsufficientData });

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Paused, outcome.Kind);
        Assert.Contains("the alarm 'web-5xx' is INSUFFICIENT_DATA", Assert.IsType<CutoverPhase.Paused>(outcome.State.Phase).Detail, StringComparison.Ordinal);
        Assert.Empty(harness.Sets());
        Assert.Equal(3, (await harness.EventsAsync()).OfType<IntervalEvaluated>().Count(i => i.Candidate.Verdict == GateVerdict.Inconclusive));
    }

    [Fact]
    public async Task ACheckThatCannotRun_IsRefusedBeforeAnythingIsRecordedOrMoved()
    {
        var harness = new EngineHarness();
        var check = new ScriptedCheck();
        check.Problems.Add("the CloudWatch alarm 'web-5xx' in gates.alarms does not exist in this region");
        harness.Checks.Add(check);

        var error = await Assert.ThrowsAsync<GateCheckException>(() => harness.RunAsync());

        Assert.Equal("The gates cannot judge the candidate: the CloudWatch alarm 'web-5xx' in gates.alarms does not exist in this region. No traffic was moved; fix gates.alarms in the configuration and run again.", error.Message);
        Assert.Empty(harness.Store.Records);
        Assert.Empty(harness.Sets());
        Assert.Empty(check.Asked);
    }

    [Fact]
    public async Task EveryListedSource_MustPass_AndTheJournalNamesEachAndWhatItSaw()
    {
        // Given CloudWatch seeing 5xx at half the traffic while the probes see nothing wrong
        var harness = new EngineHarness();
        var cloudWatch = new ScriptedMetrics { Script = q => q.Colour == "green" && harness.Router.Current["green"] >= 50 ? ScriptedMetrics.Failing : ScriptedMetrics.Healthy };
        harness.Sources.Add(new GateSource("cloudwatch", cloudWatch));
        harness.Sources.Add(new GateSource("probes", harness.Metrics));

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.RolledBack, outcome.Kind);
        Assert.Contains("cloudwatch: success rate 85 % is below 99 %", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("; probes: success rate 100 %", outcome.Reason, StringComparison.Ordinal);
        var intervals = (await harness.EventsAsync()).OfType<IntervalEvaluated>().ToList();

        // At 0 % the candidate is judged on the default source alone; with user traffic, on every listed one.
        Assert.All(intervals.Where(i => i.Step == -1), i => Assert.Null(i.Candidate.Source));
        var failed = intervals.Last().Candidate;
        Assert.Equal("cloudwatch, probes", failed.Source);
        Assert.Equal([("cloudwatch", GateVerdict.Fail, 30L), ("probes", GateVerdict.Pass, 0L)], failed.Parts.Select(p => (p.Source!, p.Verdict, p.Metrics.Failures)));
        Assert.Equal("cloudwatch, probes", intervals.Last().Live!.Source);
        Assert.Contains(cloudWatch.Queries, q => q.Scope == MetricScope.UserTraffic && q.Colour == "blue");
    }
}
