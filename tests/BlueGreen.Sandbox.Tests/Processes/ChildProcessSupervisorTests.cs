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
        var stubborn = supervisor.Start(new ChildProcessSpec { Name = "stubborn", FileName = "sh", Arguments = ["-c", "trap '' TERM; sleep 300 & wait"] });

        await supervisor.StopAsync(stubborn);

        Assert.True(stubborn.HasExited);
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

    [Fact]
    public async Task OnLinux_ChildrenDieWithTheParent()
    {
        await using var supervisor = new ChildProcessSupervisor(TimeSpan.FromSeconds(1));

        Assert.Equal(OperatingSystem.IsLinux() && File.Exists("/usr/bin/setpriv"), supervisor.KillsChildrenOnParentDeath);
    }
}
