using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;

namespace BlueGreen.Sandbox.Tests.EndToEnd;

/// <summary>
/// <c>bluegreen rehearse</c> end to end: the real command, app processes, proxies, DNS server,
/// dynalite and load, with short timings. Each scenario checks that no process is left.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class RehearseCommandTests(ITestOutputHelper output)
{
    // A guard against a hang only: a calibrated load on a busy machine lengthens the intervals.
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(400);

    [Fact]
    public async Task NoFault_CompletesWithZeroFailures_SharesWithinTolerance_OldColourStoppedAfterDrain()
    {
        // Given the load sized by the calibration to what this machine serves now (a quiet
        // 2-core machine gives about 400 requests a second; a busy one less, with longer intervals)
        using var workspace = new SandboxWorkspace(new SandboxSettings { RequestRate = null, Clients = 256, Steps = "25, 50, 100", Bake = "8s" });

        // When
        var (exitCode, stdout, stderr) = await BlueGreenProcess.RunAsync(workspace.Directory, Limit, "rehearse", "--config", workspace.ConfigPath, "--report", workspace.ReportRoot);

        // Then
        output.WriteLine(stdout);
        Assert.True(exitCode == 0, $"exit {exitCode}{Environment.NewLine}{stdout}{stderr}");
        var summary = workspace.Summary();
        var user = summary.GetProperty("userTraffic");
        Assert.Equal(0, user.GetProperty("failed").GetInt64());
        Assert.Equal(0, user.GetProperty("misrouted").GetInt64());
        var periods = summary.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(4, periods.Count);
        foreach (var step in periods)
        {
            var line = Describe(step);
            output.WriteLine(line);
            Assert.True(step.GetProperty("within").GetBoolean(), $"observed share outside the tolerance: {line}");
        }

        // The first period is the start at 100/0 (the candidate's verification); the plan's steps
        // follow, each with at least half the requests its rate and bake give (the bounds come from
        // the load the run measured, not from a fixed guess of the machine).
        var load = summary.GetProperty("load");
        var expected = load.GetProperty("requestRate").GetInt32() * load.GetProperty("bakeSeconds").GetDouble();
        foreach (var step in periods.Skip(1))
        {
            var line = Describe(step);
            Assert.True(step.GetProperty("requests").GetInt64() >= expected / 2, $"fewer than half of the {expected:0} requests the load gives a step: {line}");
        }

        var decommission = summary.GetProperty("decommission");
        Assert.Equal("blue", decommission.GetProperty("colour").GetString());
        Assert.True(decommission.GetProperty("stoppedAt").GetDateTimeOffset() >= decommission.GetProperty("drainEndedAt").GetDateTimeOffset(), "blue was stopped before the drain ended");
        Assert.Equal(0, decommission.GetProperty("failedAfterStop").GetInt64());
        Assert.True(File.Exists(Path.Combine(workspace.RehearsalDirectory, "report.html")));
        Assert.True(File.ReadLines(Path.Combine(workspace.RehearsalDirectory, "events.jsonl")).Any());
        await AssertNothingLeftAsync(summary);
    }

    [Fact]
    public async Task ErrorsAndLatencyOnGreen_RollBack_Exit3_TrafficBackOnBlueWithinBound_FailuresOnlyOnGreen()
    {
        // The load is the calibration's, as in the clean run: a fixed rate the machine cannot serve
        // now would starve the sandbox and leave the verification at 0 % without samples to judge.
        using var workspace = new SandboxWorkspace(new SandboxSettings { RequestRate = null, Clients = 250, Steps = "25, 50, 100", Bake = "4s" });

        var (exitCode, stdout, stderr) = await BlueGreenProcess.RunAsync(
            workspace.Directory, Limit, "rehearse", "--config", workspace.ConfigPath, "--report", workspace.ReportRoot,
            "--fault", "green:errors=20%", "--fault", "green:latency=400ms");

        output.WriteLine(stdout);
        Assert.True(exitCode == 3, $"exit {exitCode}{Environment.NewLine}{stdout}{stderr}");
        var summary = workspace.Summary();
        var byColour = summary.GetProperty("userTraffic").GetProperty("byColour");
        Assert.Equal(0, byColour.GetProperty("blue").GetProperty("failed").GetInt64());
        Assert.True(byColour.GetProperty("green").GetProperty("failed").GetInt64() > 0, "the fault never showed");
        var rollback = summary.GetProperty("rollback");
        var firstFailing = rollback.GetProperty("firstFailingIntervalStart").GetDateTimeOffset();
        var lastToGreen = rollback.GetProperty("lastCandidateRequestAt").GetDateTimeOffset();
        var bound = rollback.GetProperty("boundSeconds").GetDouble();
        var taken = (lastToGreen - firstFailing).TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"last user request to green {taken:0.00} s after the first failing interval began; bound interval x threshold + TTL + 2 s = {bound:0.0} s"));
        Assert.True(taken <= bound, $"traffic reached green {taken:0.00} s after the first failing interval; the bound is {bound:0.0} s");
        await AssertNothingLeftAsync(summary);
    }

    [Fact]
    public async Task OneGreenInstanceKilled_UpgradeCompletes_FailuresCountedAndBounded()
    {
        using var workspace = new SandboxWorkspace(new SandboxSettings { RequestRate = null, Clients = 250, Steps = "25, 50, 100", Bake = "4s" });

        var (exitCode, stdout, stderr) = await BlueGreenProcess.RunAsync(
            workspace.Directory, Limit, "rehearse", "--config", workspace.ConfigPath, "--report", workspace.ReportRoot, "--fault", "green:kill=1");

        output.WriteLine(stdout);
        Assert.True(exitCode == 0, $"exit {exitCode}{Environment.NewLine}{stdout}{stderr}");
        var summary = workspace.Summary();
        var byColour = summary.GetProperty("userTraffic").GetProperty("byColour");
        var failed = byColour.GetProperty("green").GetProperty("failed").GetInt64();

        // The dead instance gets half of green's share until the load balancer's health checks
        // (every 0.5 s, two failures) drop it: at 25 % of the calibrated rate, half of that a
        // second; two seconds of them is the bound (at 200 requests/s: 50).
        var rate = summary.GetProperty("load").GetProperty("requestRate").GetInt32();
        var bound = (int)Math.Ceiling(rate * 0.25 / 2 * 2);
        output.WriteLine($"failed requests on green after the kill: {failed} (bound {bound})");
        Assert.InRange(failed, 0, bound);
        Assert.Equal(0, byColour.GetProperty("blue").GetProperty("failed").GetInt64());
        Assert.Contains(File.ReadLines(Path.Combine(workspace.RehearsalDirectory, "events.jsonl")), l => l.Contains("\"instance-killed\"", StringComparison.Ordinal));
        await AssertNothingLeftAsync(summary);
    }

    private static string Describe(JsonElement step) => string.Create(CultureInfo.InvariantCulture,
        $"{step.GetProperty("records").GetString()}: observed {Shares(step.GetProperty("observedShare"))} over {step.GetProperty("requests").GetInt64()} requests on {step.GetProperty("resolutions").GetInt64()} answers (effective {step.GetProperty("effectiveResolutions").GetDouble():0}), tolerance {step.GetProperty("tolerancePoints").GetDouble():0.00} points");

    private static string Shares(JsonElement shares) =>
        string.Join(' ', shares.EnumerateObject().Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {100 * p.Value.GetDouble():0.0}%")));

    private static async Task AssertNothingLeftAsync(JsonElement summary)
    {
        var pids = summary.GetProperty("processIds").EnumerateArray().Select(p => p.GetInt32()).ToList();
        Assert.NotEmpty(pids);
        Assert.Empty(await ProcessTable.WaitGoneAsync(pids, TimeSpan.FromSeconds(5)));
    }
}
