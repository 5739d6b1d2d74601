using BlueGreen.Cli.Commands.AwsMode;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Traffic;
using BlueGreen.Kubernetes.Teardown;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Cli.Tests.Commands.AwsMode;

public sealed class DecommissionRunnerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Drain = TimeSpan.FromMinutes(2);

    private readonly FakeTimeProvider _time = new(Start.AddHours(1));
    private readonly List<string> _calls = [];
    private readonly List<string> _report = [];

    [Fact]
    public async Task TearsDownInOrder_AndPrintsTheDestroyCommand()
    {
        await Runner().RunAsync("blue", Drain, TimeSpan.FromMinutes(20), TimeSpan.FromSeconds(15), "npx cdk destroy test-blue", destroy: false, Steps(), CancellationToken.None);

        Assert.Equal(["journal", "weights", "delete root", "wait", "leftovers"], _calls);
        Assert.Equal("Ready to destroy the cluster stack: npx cdk destroy test-blue", _report[^1]);
    }

    [Fact]
    public async Task ClosesTheRollbackWindow_AfterTheGuard_BeforeDeletingAnything()
    {
        var steps = Steps() with { CloseRollbackWindow = _ => { _calls.Add("close window"); return Task.CompletedTask; } };

        await Runner().RunAsync("blue", Drain, TimeSpan.FromMinutes(20), TimeSpan.FromSeconds(15), "npx cdk destroy test-blue", destroy: false, steps, CancellationToken.None);

        Assert.Equal(["journal", "weights", "close window", "delete root", "wait", "leftovers"], _calls);
        Assert.Contains("The rollback window is closed: `bluegreen rollback` no longer moves traffic back to blue.", _report);
    }

    [Fact]
    public async Task ARefusal_LeavesTheRollbackWindowOpen()
    {
        var steps = Steps() with { CloseRollbackWindow = _ => { _calls.Add("close window"); return Task.CompletedTask; } };

        await Assert.ThrowsAsync<CommandFailedException>(() => Runner().RunAsync("green", Drain, TimeSpan.FromMinutes(20), TimeSpan.FromSeconds(15), "x", destroy: true, steps, CancellationToken.None));

        Assert.DoesNotContain("close window", _calls);
    }

    [Fact]
    public async Task WithDestroy_RunsTheStackDestroy()
    {
        await Runner().RunAsync("blue", Drain, TimeSpan.FromMinutes(20), TimeSpan.FromSeconds(15), "npx cdk destroy test-blue", destroy: true, Steps(), CancellationToken.None);

        Assert.Equal("destroy", _calls[^1]);
    }

    [Fact]
    public async Task RefusesALiveColour_BeforeTouchingAnything()
    {
        var error = await Assert.ThrowsAsync<CommandFailedException>(() => Runner().RunAsync("green", Drain, TimeSpan.FromMinutes(20), TimeSpan.FromSeconds(15), "x", destroy: true, Steps(), CancellationToken.None));

        Assert.StartsWith("Refusing to decommission green:", error.Message, StringComparison.Ordinal);
        Assert.Equal(["journal", "weights"], _calls);
    }

    [Fact]
    public async Task ListsExactlyWhatIsLeftInTheCluster_OnTimeout()
    {
        var left = new TeardownSnapshot([("aws-load-balancer-controller", -1)], ["app/sample-app"], []);

        var error = await Assert.ThrowsAsync<CommandFailedException>(() => Runner().RunAsync("blue", Drain, TimeSpan.FromMinutes(20), TimeSpan.FromSeconds(15), "x", destroy: true, Steps(left: left), CancellationToken.None));

        Assert.Contains("Application argocd/aws-load-balancer-controller (wave -1); Ingress app/sample-app", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("destroy", _calls);
    }

    [Fact]
    public async Task StopsHard_WhenTheControllerIsGone_WhileAnIngressIsLeft()
    {
        var left = new TeardownSnapshot([("sample-app", 1)], ["app/sample-app"], []);

        var error = await Assert.ThrowsAsync<CommandFailedException>(() => Runner().RunAsync("blue", Drain, TimeSpan.FromMinutes(20), TimeSpan.FromSeconds(15), "x", destroy: true, Steps(left: left), CancellationToken.None));

        Assert.StartsWith("The aws-load-balancer-controller Application is gone from the blue cluster while these are left: Application argocd/sample-app (wave 1); Ingress app/sample-app.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("leftovers", _calls);
    }

    [Fact]
    public async Task WaitsForTheVpcToEmpty_ThenListsWhatBlocksIt()
    {
        var sg = "security group sg-0f1e2d3c4b5a69788 (k8s-traffic-testblue-0a1b2c3d4e) tagged elbv2.k8s.aws/cluster=test-blue";
        var task = Runner().RunAsync("blue", Drain, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(15), "x", destroy: true, Steps(leftovers: [sg]), CancellationToken.None);
        for (var i = 0; i < 10_000 && !task.IsCompleted; i++)
        {
            await Task.WhenAny(task, Task.Delay(1));
            _time.Advance(TimeSpan.FromSeconds(15));
        }

        var error = await Assert.ThrowsAsync<CommandFailedException>(() => task);
        Assert.Contains(sg, error.Message, StringComparison.Ordinal);
        Assert.True(_calls.Count(c => c == "leftovers") > 1);
        Assert.DoesNotContain("destroy", _calls);
    }

    [Fact]
    public async Task AFailedDestroy_Fails()
    {
        await Assert.ThrowsAsync<CommandFailedException>(() => Runner().RunAsync("blue", Drain, TimeSpan.FromMinutes(20), TimeSpan.FromSeconds(15), "npx cdk destroy test-blue", destroy: true, Steps(destroyExit: 1), CancellationToken.None));
    }

    private DecommissionRunner Runner() => new(_time, _report.Add);

    private DecommissionSteps Steps(TeardownSnapshot? left = null, IReadOnlyList<string>? leftovers = null, int destroyExit = 0) => new(
        _ =>
        {
            _calls.Add("journal");
            return Task.FromResult<IReadOnlyList<JournalEntry>>(
            [
                new(1, new CutoverStarted("blue", "green", 4, 3, "10,25,50,100", Weights.AllTo("blue", ["green"])) { At = Start }),
                new(2, new WeightsApplied(3, Weights.AllTo("green", ["blue"])) { At = Start.AddMinutes(20) }),
            ]);
        },
        _ =>
        {
            _calls.Add("weights");
            return Task.FromResult<Weights?>(Weights.AllTo("green", ["blue"]));
        },
        new FakeTeardown(_calls, left ?? new TeardownSnapshot([], [], [])),
        _ =>
        {
            _calls.Add("leftovers");
            return Task.FromResult(leftovers ?? []);
        },
        _ =>
        {
            _calls.Add("destroy");
            return Task.FromResult(destroyExit);
        });

    private sealed class FakeTeardown(List<string> calls, TeardownSnapshot left) : IColourTeardown
    {
        public Task<bool> DeleteRootAsync(CancellationToken cancellationToken)
        {
            calls.Add("delete root");
            return Task.FromResult(true);
        }

        public Task<(TeardownSnapshot Left, IReadOnlyList<string> OrderProblems)> WaitGoneAsync(TimeSpan timeout, TimeSpan poll, CancellationToken cancellationToken)
        {
            calls.Add("wait");
            return Task.FromResult<(TeardownSnapshot, IReadOnlyList<string>)>((left, []));
        }
    }
}
