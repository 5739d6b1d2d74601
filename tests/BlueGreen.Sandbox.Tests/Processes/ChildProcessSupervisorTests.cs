using BlueGreen.Sandbox.Processes;
using BlueGreen.Sandbox.Tests.EndToEnd;

namespace BlueGreen.Sandbox.Tests.Processes;

public sealed class ChildProcessSupervisorTests
{
    private static readonly ChildProcessSpec Sleeper = new() { Name = "sleeper", FileName = "sleep", Arguments = ["300"] };

    [Fact]
    public async Task Dispose_StopsEveryChild()
    {
        var supervisor = new ChildProcessSupervisor(TimeSpan.FromSeconds(2));
        var first = supervisor.Start(Sleeper);
        var second = supervisor.Start(Sleeper with { Name = "sleeper-2" });

        await supervisor.DisposeAsync();

        Assert.Empty(await ProcessTable.WaitGoneAsync([first.Id, second.Id], TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task StopAsync_KillsAChildThatIgnoresSigterm()
    {
        await using var supervisor = new ChildProcessSupervisor(TimeSpan.FromMilliseconds(300));
        var stubborn = supervisor.Start(new ChildProcessSpec { Name = "stubborn", FileName = "sh", Arguments = ["-c", "trap '' TERM; echo ready; sleep 300 & wait"] });

        // Only once the trap is set does SIGTERM go unheeded; before, it would end the child by itself.
        await WaitForLineAsync(stubborn, "ready").WaitAsync(TimeSpan.FromSeconds(30));
        await supervisor.StopAsync(stubborn).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(stubborn.HasExited);

        // 128 + 9: ended by SIGKILL, not by the SIGTERM it ignored (that would be 143).
        Assert.Equal(137, stubborn.ExitCode);
    }

    [Fact]
    public async Task Start_AfterDispose_StartsNothing()
    {
        var supervisor = new ChildProcessSupervisor(TimeSpan.FromSeconds(1));
        await supervisor.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => supervisor.Start(Sleeper));
        Assert.Empty(supervisor.Started);
    }

    [Fact]
    public async Task Start_MissingProgram_SaysWhichOne()
    {
        await using var supervisor = new ChildProcessSupervisor(TimeSpan.FromSeconds(1));

        var error = Assert.Throws<ChildProcessException>(() => supervisor.Start(new ChildProcessSpec { Name = "ghost", FileName = "/nonexistent/program" }));

        Assert.Contains("ghost", error.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/program", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_KeepsTheTailOfTheOutput()
    {
        await using var supervisor = new ChildProcessSupervisor(TimeSpan.FromSeconds(1));

        var echo = supervisor.Start(new ChildProcessSpec { Name = "echo", FileName = "sh", Arguments = ["-c", "echo hello; echo oops >&2"] });
        await echo.Exited;
        echo.Process.WaitForExit();

        Assert.Contains("hello", echo.OutputTail);
        Assert.Contains("oops", echo.OutputTail);
        Assert.Equal(0, echo.ExitCode);
    }

    private static async Task WaitForLineAsync(SupervisedProcess process, string line)
    {
        while (!process.OutputTail.Contains(line))
        {
            await Task.Delay(20);
        }
    }
}
