using Xunit.Abstractions;

namespace BlueGreen.Sandbox.Tests.EndToEnd;

/// <summary>
/// Ctrl+C during <c>bluegreen rehearse</c>, sent as a shell sends it: SIGINT to the whole
/// foreground process group. The children must not take it; the rehearsal stops them itself.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class InterruptedRehearsalTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task CtrlCToTheProcessGroup_MidUpgrade_EndsInterrupted_Exit130_NoChildLeft()
    {
        // Given a rehearsal with traffic on both colours (a long bake, so the signal lands mid-step)
        using var workspace = new SandboxWorkspace(new SandboxSettings { RequestRate = 100, Clients = 32, Steps = "25, 100", Bake = "30s" });
        using var rehearsal = BlueGreenProcess.StartAsForegroundJob(
            workspace.Directory, "rehearse", "--config", workspace.ConfigPath, "--report", workspace.ReportRoot);
        await rehearsal.WaitForOutputAsync("step 1: weights", Limit);
        var children = ProcessTable.Descendants(rehearsal.Id);
        output.WriteLine($"children of bluegreen (pid {rehearsal.Id}) before the signal: {string.Join(", ", children)}");
        Assert.All(children, pid => Assert.NotEqual(rehearsal.Id, ProcessTable.SessionOf(pid)));

        // When Ctrl+C reaches the whole group
        rehearsal.InterruptGroup();
        var exitCode = await rehearsal.WaitAsync(Limit);

        // Then the rehearsal says it was interrupted, gives no advice of a rollback, and leaves nothing behind
        output.WriteLine(rehearsal.Stdout);
        Assert.True(exitCode == 130, $"exit {exitCode}{Environment.NewLine}{rehearsal.Stdout}{rehearsal.Stderr}");
        var printed = string.Join(' ', rehearsal.Stdout.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("The rehearsal was interrupted before it decided, and every process the sandbox started has been stopped in reverse order of start.", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("rollback", rehearsal.Stdout, StringComparison.OrdinalIgnoreCase);

        // dynalite and four app instances, in sessions of their own (checked above), each stopped by the sandbox
        Assert.True(children.Count >= 5, $"expected dynalite and four app instances among the children, found {children.Count}");
        Assert.Empty(await ProcessTable.WaitGoneAsync(children, TimeSpan.FromSeconds(5)));
        var events = File.ReadAllLines(Path.Combine(workspace.RehearsalDirectory, "events.jsonl"));
        Assert.Equal(4, events.Count(l => l.Contains("\"instance-stopped\"", StringComparison.Ordinal)));
        Assert.Contains(events, l => l.Contains("\"database-stopped\"", StringComparison.Ordinal));
    }
}
