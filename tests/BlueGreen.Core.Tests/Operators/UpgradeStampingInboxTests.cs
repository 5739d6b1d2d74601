using BlueGreen.Core.Engine;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Operators;
using BlueGreen.Core.Tests.Fakes;
using BlueGreen.Core.Tests.Journal;

namespace BlueGreen.Core.Tests.Operators;

public sealed class UpgradeStampingInboxTests
{
    private static readonly TimeProvider Time = new SteppingClock();

    [Fact]
    public async Task WithNoUpgradeStarted_ARequestIsRefused_AndNothingIsStored()
    {
        var inner = new InMemoryInbox();
        var inbox = new UpgradeStampingInbox(inner, new InMemoryJournalStore());

        var error = await Assert.ThrowsAsync<NoUpgradeInProgressException>(() => inbox.SubmitAsync(OperatorRequest.Create(OperatorAction.Pause, Time), CancellationToken.None));

        Assert.Equal("No upgrade is in progress: the journal (in memory) records none, so there is nothing to pause; nothing was requested.", error.Message);
        Assert.Empty(await inner.PendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task WithTheUpgradeEnded_ARequestIsRefused_SayingHowAndWhenItEnded()
    {
        var lines = JournalSamples.Lines();
        var store = await JournalSamples.StoreWith(lines);
        var journal = await CutoverJournal.OpenAsync(store, CancellationToken.None);
        await journal.AppendAsync(new RollbackStarted("by hand", Abort: false) { At = journal.Entries[^1].Event.At }, CancellationToken.None);
        await journal.AppendAsync(new RollbackWeightsApplied(Core.Traffic.Weights.AllTo("blue", ["green"])) { At = journal.Entries[^1].Event.At }, CancellationToken.None);
        await journal.AppendAsync(new RollbackCompleted { At = journal.Entries[^1].Event.At }, CancellationToken.None);
        var inner = new InMemoryInbox();

        var error = await Assert.ThrowsAsync<NoUpgradeInProgressException>(() => new UpgradeStampingInbox(inner, store).SubmitAsync(OperatorRequest.Create(OperatorAction.Rollback, Time), CancellationToken.None));

        Assert.StartsWith("No upgrade is in progress: the upgrade blue -> green in (in memory) ended (RolledBack at ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("so there is nothing to roll back; nothing was requested.", error.Message, StringComparison.Ordinal);
        Assert.Empty(await inner.PendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task WithAnUpgradeStarted_ARequestIsStampedWithItsId()
    {
        var store = await JournalSamples.StoreWith(JournalSamples.Lines());
        var inbox = new UpgradeStampingInbox(new InMemoryInbox(), store);

        await inbox.SubmitAsync(OperatorRequest.Create(OperatorAction.Promote, Time, force: true), CancellationToken.None);

        var upgrade = (await CutoverJournal.ReadAsync(store, CancellationToken.None)).State.UpgradeId;
        Assert.False(string.IsNullOrEmpty(upgrade));
        Assert.Equal(upgrade, Assert.Single(await inbox.PendingAsync(CancellationToken.None)).Upgrade);
    }

    [Fact]
    public async Task ARequestAlreadyStamped_KeepsItsTarget()
    {
        var store = await JournalSamples.StoreWith(JournalSamples.Lines());
        var inbox = new UpgradeStampingInbox(new InMemoryInbox(), store);

        await inbox.SubmitAsync(OperatorRequest.Create(OperatorAction.Abort, Time) with { Upgrade = "00ff" }, CancellationToken.None);

        Assert.Equal("00ff", Assert.Single(await inbox.PendingAsync(CancellationToken.None)).Upgrade);
    }

    [Fact]
    public async Task ADamagedJournal_StopsTheSubmission_WithTheJournalsMessage()
    {
        var lines = JournalSamples.Lines();
        lines[1] = "not json";
        var inner = new InMemoryInbox();
        var inbox = new UpgradeStampingInbox(inner, await JournalSamples.StoreWith(lines));

        var error = await Assert.ThrowsAsync<JournalCorruptException>(() => inbox.SubmitAsync(OperatorRequest.Create(OperatorAction.Abort, Time), CancellationToken.None));

        Assert.Contains("damaged at line 2", error.Message, StringComparison.Ordinal);
        Assert.Empty(await inner.PendingAsync(CancellationToken.None));
        Assert.IsAssignableFrom<CutoverException>(error);
    }
}
