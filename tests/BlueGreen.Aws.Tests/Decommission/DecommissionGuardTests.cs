using BlueGreen.Aws.Decommission;
using BlueGreen.Aws.Tests.Fakes;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Aws.Tests.Decommission;

public sealed class DecommissionGuardTests
{
    private static readonly TimeSpan Drain = TimeSpan.FromMinutes(2);

    private static readonly Weights GreenLive = Weights.AllTo("green", ["blue"]);

    [Fact]
    public void Allows_AColourAtZero_ForLongerThanTheDrain()
    {
        var entries = Upgrade(finishedAt: Clock.Start);

        Assert.Null(DecommissionGuard.Refusal(entries, "blue", Drain, Clock.Start + Drain, Weights.AllTo("green", ["blue"])));
    }

    [Fact]
    public void Refuses_BeforeTheDrainIsOver_SayingHowLongToWait()
    {
        var refusal = DecommissionGuard.Refusal(Upgrade(finishedAt: Clock.Start), "blue", Drain, Clock.Start.AddSeconds(90), GreenLive);

        Assert.Contains("Wait 30 s more", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_TheColourThatTookTheTraffic()
    {
        // Route53 no longer sends green anything, but the journal says it took the traffic last.
        var refusal = DecommissionGuard.Refusal(Upgrade(finishedAt: Clock.Start), "green", Drain, Clock.Start.AddHours(1), Weights.AllTo("blue", ["green"]));

        Assert.Contains("green had weight 100", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_AColourRoute53StillSendsTrafficTo()
    {
        var refusal = DecommissionGuard.Refusal(Upgrade(finishedAt: Clock.Start), "blue", Drain, Clock.Start.AddHours(1), Weights.ForShare("green", "blue", 10));

        Assert.Contains("blue still has weight 10 in Route53", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_WithoutAJournal()
    {
        Assert.Contains("records no weights", DecommissionGuard.Refusal([], "blue", Drain, Clock.Start, GreenLive), StringComparison.Ordinal);
    }

    [Fact]
    public void CountsTheDrainFromTheLastTimeTheColourWentToZero()
    {
        // blue went to 0, came back in a rollback, and went to 0 again a minute later.
        var entries = Upgrade(finishedAt: Clock.Start)
            .Append(Entry(10, new RollbackWeightsApplied(Weights.AllTo("blue", ["green"])) { At = Clock.Start.AddMinutes(1) }))
            .Append(Entry(11, new WeightsApplied(3, Weights.AllTo("green", ["blue"])) { At = Clock.Start.AddMinutes(2) }))
            .ToList();

        Assert.NotNull(DecommissionGuard.Refusal(entries, "blue", Drain, Clock.Start.AddMinutes(3), GreenLive));
        Assert.Null(DecommissionGuard.Refusal(entries, "blue", Drain, Clock.Start.AddMinutes(4), GreenLive));
    }

    [Fact]
    public void Refuses_WhenRoute53WeightsCouldNotBeRead()
    {
        var refusal = DecommissionGuard.Refusal(Upgrade(finishedAt: Clock.Start), "blue", Drain, Clock.Start.AddHours(1), null);

        Assert.Contains("no weighted record of any colour", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_AColourAtZero_WhenEveryRecordIsZero_BecauseRoute53SplitsEqually()
    {
        var refusal = DecommissionGuard.Refusal(Upgrade(finishedAt: Clock.Start), "blue", Drain, Clock.Start.AddHours(1), new Weights([new("blue", 0), new("green", 0)]));

        Assert.Contains("splits traffic equally; it is live", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_WhenTheOtherColourHasNoRecord()
    {
        // Only blue's record exists, at 0: it is the only answer Route53 can give.
        var refusal = DecommissionGuard.Refusal(Upgrade(finishedAt: Clock.Start), "blue", Drain, Clock.Start.AddHours(1), new Weights([new("blue", 0)]));

        Assert.Contains("splits traffic equally; it is live", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_WhenTheOtherColoursRecordIsAtZero_AndTheColourHasNoRecord()
    {
        var refusal = DecommissionGuard.Refusal(Upgrade(finishedAt: Clock.Start), "blue", Drain, Clock.Start.AddHours(1), new Weights([new("green", 0)]));

        Assert.Contains("No other colour has a weighted record with weight above 0", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Allows_AColourWithoutARecord_WhileTheOtherServes()
    {
        Assert.Null(DecommissionGuard.Refusal(Upgrade(finishedAt: Clock.Start), "blue", Drain, Clock.Start.AddHours(1), new Weights([new("green", 100)])));
    }

    [Fact]
    public void CountsAnAllZeroJournalEntry_AsTraffic()
    {
        var entries = Upgrade(finishedAt: Clock.Start)
            .Append(Entry(10, new WeightsApplied(4, new Weights([new("blue", 0), new("green", 0)])) { At = Clock.Start.AddMinutes(1) }))
            .Append(Entry(11, new WeightsApplied(5, Weights.AllTo("green", ["blue"])) { At = Clock.Start.AddMinutes(2) }))
            .ToList();

        Assert.Contains("Wait 60 s more", DecommissionGuard.Refusal(entries, "blue", Drain, Clock.Start.AddMinutes(3), GreenLive), StringComparison.Ordinal);
    }

    private static List<JournalEntry> Upgrade(DateTimeOffset finishedAt) =>
    [
        Entry(1, new CutoverStarted("blue", "green", 4, 3, "10,25,50,100", Weights.AllTo("blue", ["green"])) { At = finishedAt.AddMinutes(-30) }),
        Entry(2, new WeightsApplied(0, Weights.ForShare("blue", "green", 10)) { At = finishedAt.AddMinutes(-20) }),
        Entry(3, new WeightsApplied(3, Weights.AllTo("green", ["blue"])) { At = finishedAt }),
        Entry(4, new DrainStarted { At = finishedAt }),
    ];

    private static JournalEntry Entry(long sequence, CutoverEvent evt) => new(sequence, evt);
}
