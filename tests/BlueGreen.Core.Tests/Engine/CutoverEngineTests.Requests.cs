using BlueGreen.Core.Engine;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Operators;
using BlueGreen.Core.Plans;
using BlueGreen.Core.Tests.Fakes;

namespace BlueGreen.Core.Tests.Engine;

public sealed partial class CutoverEngineTests
{
    private static CutoverServices LocalServices(EngineHarness harness, string directory) =>
        CutoverServices.Local(directory, harness.Router, harness.Metrics, harness.Probe, harness.Clock) with { Observers = [harness.Observer] };

    private static Task<CutoverOutcome> RunLocalAsync(EngineHarness harness, CutoverServices services) =>
        harness.Clock.DriveAsync(() => new CutoverEngine(harness.Plan, services, harness.Options).RunAsync(CancellationToken.None));

    [Fact]
    public async Task ARequestMadeForAnotherUpgrade_IsIgnoredAndRemoved_WithANotice()
    {
        var harness = new EngineHarness();
        harness.Observer.OnEvent = (entry, _) =>
        {
            if (entry.Event is CutoverStarted)
            {
                harness.Inbox.SubmitAsync(OperatorRequest.Create(OperatorAction.Promote, harness.Clock, force: true) with { Upgrade = "0123456789abcdef" }, CancellationToken.None).GetAwaiter().GetResult();
            }
        };

        var outcome = await harness.RunAsync();

        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        Assert.Equal([harness.WeightsFor(10), harness.WeightsFor(50), harness.WeightsFor(100)], harness.Sets());
        Assert.Empty((await harness.EventsAsync()).OfType<OperatorRequestReceived>());
        Assert.Empty(await harness.Inbox.PendingAsync(CancellationToken.None));
        Assert.Contains(harness.Observer.Notices, n => n.Kind == NoticeKind.RequestIgnored && n.Message.Contains("made for the upgrade 0123456789abcdef", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ALeftoverForcedPromote_FromAnAbandonedUpgrade_NeverReachesTheNextOne()
    {
        // Given an upgrade paused at an approval, and a forced promote made for it while no engine ran
        using var temp = new TempDirectory();
        var harness = Stopping(EngineHarness.DefaultPlan(EngineHarness.Share(10), new ApprovalStep("sign off"), EngineHarness.Share(50), EngineHarness.Share(100)));
        var services = LocalServices(harness, temp.Path);
        Assert.Equal(OutcomeKind.Paused, (await RunLocalAsync(harness, services)).Kind);
        await services.Inbox.SubmitAsync(OperatorRequest.Create(OperatorAction.Promote, harness.Clock, force: true), CancellationToken.None);

        // When that upgrade's journal is moved aside, the weights are put back by hand, and a new upgrade starts
        File.Move(services.Journal.Location, services.Journal.Location + ".old");
        await harness.Router.SetWeightsAsync(harness.WeightsFor(0), CancellationToken.None);
        var setsBefore = harness.Sets().Count;
        harness.Plan = EngineHarness.DefaultPlan(EngineHarness.Share(10), EngineHarness.Share(50), EngineHarness.Share(100));
        var outcome = await RunLocalAsync(harness, services);

        // Then the new upgrade takes every step in turn, and the leftover is reported and removed unread at its start
        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        Assert.Equal([harness.WeightsFor(10), harness.WeightsFor(50), harness.WeightsFor(100)], harness.Sets().Skip(setsBefore));
        Assert.Empty(await services.Inbox.PendingAsync(CancellationToken.None));
        Assert.Empty((await CutoverJournal.ReadAsync(services.Journal, CancellationToken.None)).Entries.Select(e => e.Event).OfType<OperatorRequestReceived>());
        Assert.Contains(harness.Observer.Notices, n => n.Kind == NoticeKind.RequestIgnored && n.Message.StartsWith("Promote", StringComparison.Ordinal) && n.Message.Contains("removed unread: it was made before this upgrade started", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARequestMadeWhileNoUpgradeRuns_IsRefused_AndTheNextUpgradeRunsWithoutIt()
    {
        using var temp = new TempDirectory();
        var harness = Stopping();
        var services = LocalServices(harness, temp.Path);

        var error = await Assert.ThrowsAsync<NoUpgradeInProgressException>(() => services.Inbox.SubmitAsync(OperatorRequest.Create(OperatorAction.Rollback, harness.Clock), CancellationToken.None));
        var outcome = await RunLocalAsync(harness, services);

        Assert.Contains("No upgrade is in progress", error.Message, StringComparison.Ordinal);
        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        Assert.Equal([harness.WeightsFor(10), harness.WeightsFor(50), harness.WeightsFor(100)], harness.Sets());
    }

    [Fact]
    public async Task ARequestLeftInTheInboxBeforeTheStart_IsRemovedUnread_NeverApplied()
    {
        // Given a rollback waiting in an inbox that does not stamp (as an older version or a hand-written file leaves one)
        var harness = new EngineHarness();
        await harness.SubmitAsync(OperatorAction.Rollback);

        var outcome = await harness.RunAsync();

        // Then the upgrade that starts completes, and the leftover is reported, never recorded
        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        Assert.Empty(await harness.Inbox.PendingAsync(CancellationToken.None));
        Assert.Empty((await harness.EventsAsync()).OfType<OperatorRequestReceived>());
        Assert.Contains(harness.Observer.Notices, n => n.Kind == NoticeKind.RequestIgnored && n.Message.StartsWith("Rollback", StringComparison.Ordinal) && n.Message.Contains("removed unread", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AResumeMadeForAStoppedUpgrade_IsAppliedByTheRunThatResumesIt()
    {
        // Given an upgrade whose engine stopped while paused
        using var temp = new TempDirectory();
        var harness = Stopping();
        var services = LocalServices(harness, temp.Path);
        harness.Observer.OnEvent = (entry, _) =>
        {
            if (entry.Event is WeightsApplied { Step: 0 })
            {
                services.Inbox.SubmitAsync(OperatorRequest.Create(OperatorAction.Pause, harness.Clock), CancellationToken.None).GetAwaiter().GetResult();
            }
        };
        var paused = await RunLocalAsync(harness, services);

        // When a resume is made through the local inbox, and the next run starts
        await services.Inbox.SubmitAsync(OperatorRequest.Create(OperatorAction.Resume, harness.Clock), CancellationToken.None);
        var stored = Assert.Single(await services.Inbox.PendingAsync(CancellationToken.None));
        var resumed = await RunLocalAsync(harness, services);

        // Then the request names that upgrade, and the upgrade completes
        Assert.Equal(OutcomeKind.Paused, paused.Kind);
        Assert.Equal(paused.State.UpgradeId, stored.Upgrade);
        Assert.Equal(OutcomeKind.Completed, resumed.Kind);
    }

    [Fact]
    public async Task AMalformedRequestFile_DoesNotStopTheUpgrade_AndIsReportedAsAWarning()
    {
        using var temp = new TempDirectory();
        var harness = new EngineHarness();
        var services = LocalServices(harness, temp.Path);
        Directory.CreateDirectory(temp.File("requests"));
        await File.WriteAllTextAsync(temp.File("requests/00000000000000000001-0a.request.json"), "{\"action\":");

        var outcome = await RunLocalAsync(harness, services);

        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        var warning = Assert.Single(harness.Observer.Notices, n => n.Kind == NoticeKind.Warning);
        Assert.Contains("00000000000000000001-0a.request.json' was rejected", warning.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(temp.File("requests/00000000000000000001-0a.request.json.rejected")));
    }
}
