using System.Net;
using BlueGreen.Core.Metrics;
using BlueGreen.Sandbox.Dns;
using BlueGreen.Sandbox.Load;
using BlueGreen.Sandbox.Rehearsal;

namespace BlueGreen.Sandbox.Tests.Rehearsal;

public sealed class RehearsalAnalysisTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Steps_CountOnlyRequestsOneTtlAfterTheChange_OnAnswersGivenAfterIt()
    {
        var changes = new List<RecordChange>
        {
            new(T0, new WeightedRecordSet([new("blue", 100), new("green", 0)])),
            new(T0.AddSeconds(10), new WeightedRecordSet([new("blue", 50), new("green", 50)])),
        };
        var requests = new List<RequestRecord>
        {
            // A stale answer from before the change, used inside the TTL: not counted.
            Request(T0.AddSeconds(10.5), "blue", answeredAt: T0.AddSeconds(9.8), id: 1),

            // After the TTL, on fresh answers: counted, half each.
            Request(T0.AddSeconds(11.5), "blue", answeredAt: T0.AddSeconds(11.5), id: 2),
            Request(T0.AddSeconds(12.0), "green", answeredAt: T0.AddSeconds(12.0), id: 3),
            Request(T0.AddSeconds(19.0), "blue", answeredAt: T0.AddSeconds(11.5), id: 2),
            Request(T0.AddSeconds(19.5), "green", answeredAt: T0.AddSeconds(19.5), id: 4),
        };

        var steps = RehearsalAnalysis.Steps(Input(requests, changes));

        var step = steps.Single(s => s.Records == "blue=50 green=50");
        Assert.Equal(4, step.Requests);
        Assert.Equal(3, step.Resolutions);
        Assert.Equal(0.5, step.ObservedShare["green"], 6);
        Assert.Equal(16.0 / 6, step.EffectiveResolutions, 6);
        Assert.True(step.Within);
    }

    [Fact]
    public void Totals_AttributeFailuresToTheColourReached_AndCountMisroutes()
    {
        var requests = new List<RequestRecord>
        {
            Request(T0, "blue", T0, 1),
            Request(T0.AddSeconds(1), "green", T0.AddSeconds(1), 2, RequestOutcome.ServerError),
            Request(T0.AddSeconds(2), "green", T0.AddSeconds(2), 3, servedBy: "blue"),
        };

        var totals = RehearsalAnalysis.Totals(requests, MetricScope.UserTraffic, ["blue", "green"], 3);

        Assert.Equal(3, totals.Requests);
        Assert.Equal(1, totals.Failed);
        Assert.Equal(1, totals.Misrouted);
        Assert.Equal(0, totals.ByColour["blue"].Failed);
        Assert.Equal(1, totals.ByColour["green"].FailuresByKind["ServerError"]);
    }

    private static RehearsalAnalysis.Input Input(IReadOnlyList<RequestRecord> requests, IReadOnlyList<RecordChange> changes) => new()
    {
        Requests = requests,
        Changes = changes,
        Timeline = [],
        Colours = ["blue", "green"],
        From = "blue",
        To = "green",
        Ttl = 1,
        Interval = TimeSpan.FromSeconds(1),
        FailureThreshold = 3,
        DnsQueries = 0,
    };

    private static RequestRecord Request(DateTimeOffset started, string colour, DateTimeOffset answeredAt, long id, RequestOutcome outcome = RequestOutcome.Ok, string? servedBy = null) =>
        new(MetricScope.UserTraffic, started, started.AddMilliseconds(5), colour, outcome == RequestOutcome.Ok ? servedBy ?? colour : null, outcome,
            new Resolution(id, answeredAt, answeredAt.AddSeconds(1), IPAddress.Loopback));
}
