using BlueGreen.Core.Journal;
using BlueGreen.Core.Teardown;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Core.Tests.Teardown;

public sealed class TeardownRunnerTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryJournalStore _store = new();
    private readonly FakeColour _colour = new();
    private readonly List<string> _report = [];

    [Fact]
    public async Task TearsDownInOrder_ControllersAfterTheWorkloads_RootLast()
    {
        await Runner().RunAsync(Steps(destroy: true), CancellationToken.None);

        Assert.Equal(["sync off", "delete sample-app", "delete external-dns", "delete aws-load-balancer-controller", "delete app-of-apps", "destroy"], _colour.Calls);
        Assert.Empty(_colour.Applications);
        Assert.Empty(_colour.LoadBalancers);
        Assert.Empty(_colour.Records);
    }

    [Fact]
    public async Task JournalsEachStep_StartedThenDone_AndClosesTheTeardown()
    {
        await Runner().RunAsync(Steps(destroy: false), CancellationToken.None);

        var records = await new TeardownJournal(_store).ReadAsync(CancellationToken.None);
        Assert.Equal(
            ["root-sync-off", "delete-workloads", "load-balancers-and-records-gone", "delete-external-dns", "delete-load-balancer-controller", "delete-root", "leftovers"],
            records.Where(r => r.Phase == TeardownPhase.Done).Select(r => r.Step));
        Assert.Equal(records.Count(r => r.Phase == TeardownPhase.Done), records.Count(r => r.Phase == TeardownPhase.Started));
        Assert.Equal(TeardownPhase.Completed, records[^1].Phase);
    }

    [Fact]
    public async Task AfterACrash_ResumesAtTheStepThatWasRunning_WithoutRepeatingTheOnesDone()
    {
        _colour.CrashOnDelete = "external-dns";
        await Assert.ThrowsAsync<OperationCanceledException>(() => Runner().RunAsync(Steps(destroy: false), CancellationToken.None));
        Assert.Equal(["sync off", "delete sample-app"], _colour.Calls);
        _colour.Calls.Clear();

        _report.Clear();
        await Runner().RunAsync(Steps(destroy: false), CancellationToken.None);

        Assert.Equal(["delete external-dns", "delete aws-load-balancer-controller", "delete app-of-apps"], _colour.Calls);
        Assert.StartsWith("Step 1/7 root-sync-off: done before", _report[0], StringComparison.Ordinal);
        Assert.StartsWith("Step 4/7 delete-external-dns: delete the Application", _report[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATornLastRecord_IsDropped_AndTheStepRunsAgain()
    {
        _colour.CrashOnDelete = "sample-app";
        await Assert.ThrowsAsync<OperationCanceledException>(() => Runner().RunAsync(Steps(destroy: false), CancellationToken.None));
        await _store.AppendAsync(_store.Records.Count + 1, "{\"step\":\"delete-wor", CancellationToken.None);

        await Runner().RunAsync(Steps(destroy: false), CancellationToken.None);

        Assert.Contains("delete sample-app", _colour.Calls);
        Assert.Empty(_colour.Applications);
    }

    [Fact]
    public async Task AFinishedTeardown_DoesNotSkipTheStepsOfTheNextOne()
    {
        await Runner().RunAsync(Steps(destroy: false), CancellationToken.None);
        var rebuilt = new FakeColour();

        await Runner().RunAsync(Steps(destroy: false, rebuilt), CancellationToken.None);

        Assert.Equal("sync off", rebuilt.Calls[0]);
        Assert.Empty(rebuilt.Applications);
    }

    [Fact]
    public async Task AStepThatTimesOut_NamesWhatIsLeft_AndStopsBeforeTheNext()
    {
        _colour.Network.Add("network interface eni-0abc (ELB app/k8s-app-sample, in-use)");

        var run = Runner().RunAsync(Steps(destroy: true), CancellationToken.None);
        var error = await Assert.ThrowsAsync<TeardownStepFailedException>(() => Drive(run));

        Assert.Equal(
            "Step 7/8 leftovers did not finish within 5 min; still there: network interface eni-0abc (ELB app/k8s-app-sample, in-use). Delete them (EC2 console, or aws ec2 delete-network-interface / delete-security-group, aws elbv2 delete-target-group, aws route53 change-resource-record-sets); they block deleting the subnets. Then run decommission again: it resumes at this step.",
            error.Message);
        Assert.DoesNotContain("destroy", _colour.Calls);
    }

    [Fact]
    public async Task AStepWaits_UntilWhatItIsAboutIsGone()
    {
        _colour.Network.Add("security group sg-1 (k8s-traffic-test-blue)");
        var run = Runner().RunAsync(Steps(destroy: false), CancellationToken.None);
        while (!_report.Any(r => r.StartsWith("Step 7/7", StringComparison.Ordinal)))
        {
            await Task.Delay(1);
        }

        _time.Advance(TimeSpan.FromMinutes(1));
        _colour.Network.Clear();
        await Drive(run);

        Assert.Equal(TeardownPhase.Completed, (await new TeardownJournal(_store).ReadAsync(CancellationToken.None))[^1].Phase);
    }

    [Fact]
    public void DryRun_ListsTheStepsInOrder()
    {
        var lines = TeardownRunner.Describe(Steps(destroy: true));

        Assert.Equal(8, lines.Count);
        Assert.StartsWith("1. root-sync-off: turn off automated sync", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("8. destroy-stack: npx cdk destroy test-blue", lines[^1], StringComparison.Ordinal);
        Assert.Empty(_colour.Calls);
    }

    private TeardownRunner Runner() => new(new TeardownJournal(_store), _time, Poll, _report.Add);

    private IReadOnlyList<TeardownStep> Steps(bool destroy, FakeColour? colour = null)
    {
        var target = colour ?? _colour;
        return TeardownPlan.Create("blue", target, target, TimeSpan.FromMinutes(5), destroy ? ct => { target.Calls.Add("destroy"); return Task.CompletedTask; } : null, "npx cdk destroy test-blue --force.");
    }

    private async Task Drive(Task run)
    {
        for (var round = 0; round < 10_000 && !run.IsCompleted; round++)
        {
            await Task.WhenAny(run, Task.Delay(1));
            _time.Advance(Poll);
        }

        await run;
    }
}
