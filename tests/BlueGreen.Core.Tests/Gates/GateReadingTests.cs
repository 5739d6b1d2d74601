using System.Text.Json;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Gates;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Metrics;

namespace BlueGreen.Core.Tests.Gates;

public sealed class GateReadingTests
{
    private static readonly GateReading Pass = new(GateVerdict.Pass, new IntervalMetrics(200, 0, TimeSpan.FromMilliseconds(40)), "fine") { Source = "cloudwatch" };
    private static readonly GateReading Unknown = new(GateVerdict.Inconclusive, IntervalMetrics.Empty, "no data") { Source = "prometheus" };
    private static readonly GateReading Alarm = new(GateVerdict.Fail, IntervalMetrics.Empty, "in ALARM") { Source = "alarms", RollBackAtOnce = true };

    [Fact]
    public void AllMustPass_FailsWhenAnyFails_IsInconclusiveWhenAnyIs_AndPassesOnlyWhenAllPass()
    {
        Assert.Equal(GateVerdict.Fail, GateReading.AllMustPass([Pass, Unknown, Alarm]).Verdict);
        Assert.Equal(GateVerdict.Inconclusive, GateReading.AllMustPass([Pass, Unknown]).Verdict);
        Assert.Equal(GateVerdict.Pass, GateReading.AllMustPass([Pass, Pass with { Source = "probes" }]).Verdict);
    }

    [Fact]
    public void AllMustPass_NamesEachSource_KeepsTheFirstsMetrics_AndRollsBackAtOnceOnlyForAFailureThatDoes()
    {
        var combined = GateReading.AllMustPass([Pass, Alarm]);

        Assert.Equal(("cloudwatch, alarms", "cloudwatch: fine; alarms: in ALARM", 200L, true), (combined.Source, combined.Reason, combined.Metrics.Requests, combined.RollBackAtOnce));
        Assert.False(GateReading.AllMustPass([Pass, Alarm with { Verdict = GateVerdict.Inconclusive }]).RollBackAtOnce);
    }

    [Fact]
    public void AllMustPass_OfOne_IsThatReading()
    {
        Assert.Same(Pass, GateReading.AllMustPass([Pass]));
    }

    [Fact]
    public void AJournalledInterval_KeepsItsSourcesAndWhatEachSaw()
    {
        var interval = new IntervalEvaluated(1, DateTimeOffset.UnixEpoch, GateReading.AllMustPass([Pass, Alarm]), null, true) { At = DateTimeOffset.UnixEpoch.AddSeconds(30) };

        var json = JsonSerializer.Serialize<CutoverEvent>(interval, JournalJson.Options);
        var back = Assert.IsType<IntervalEvaluated>(JsonSerializer.Deserialize<CutoverEvent>(json, JournalJson.Options));

        Assert.Contains("\"source\":\"cloudwatch, alarms\"", json, StringComparison.Ordinal);
        Assert.Equal(("cloudwatch, alarms", true), (back.Candidate.Source, back.Candidate.RollBackAtOnce));
        Assert.Equal(["cloudwatch", "alarms"], back.Candidate.Parts.Select(p => p.Source));
        Assert.Equal(200, back.Candidate.Parts[0].Metrics.Requests);
    }

    [Fact]
    public void AnIntervalJournalledBeforeSources_ReadsWithoutThem()
    {
        const string old = """{"type":"interval","step":0,"start":"2026-11-27T09:00:00+00:00","candidate":{"verdict":"pass","metrics":{"requests":200,"failures":0,"p99":"00:00:00.0400000"},"reason":"fine"},"counted":true,"at":"2026-11-27T09:00:30+00:00"}""";

        var back = Assert.IsType<IntervalEvaluated>(JsonSerializer.Deserialize<CutoverEvent>(old, JournalJson.Options));

        Assert.Equal((null, false, 0), (back.Candidate.Source, back.Candidate.RollBackAtOnce, back.Candidate.Parts.Count));
    }

    [Fact]
    public void NoData_IsInconclusive_WithItsReason_EvenWithEnoughRequests()
    {
        var reading = HealthGate.Evaluate(new IntervalMetrics(500, 0, TimeSpan.FromMilliseconds(10)) { NoData = "CloudWatch has no RequestCount for 09:01:00-09:02:00 yet" }, new GatesConfig());

        Assert.Equal((GateVerdict.Inconclusive, "CloudWatch has no RequestCount for 09:01:00-09:02:00 yet"), (reading.Verdict, reading.Reason));
    }
}
