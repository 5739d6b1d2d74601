using System.Diagnostics;
using BlueGreen.Cli.Tests.Fakes;

namespace BlueGreen.Cli.Tests.Arguments;

/// <summary>The checks <see cref="CommandTableTests"/> relies on do see a run that writes, calls AWS or leaves a process running.</summary>
public sealed class IsolatedRunTests
{
    [Fact]
    public async Task ACommandThatWrites_IsSeenWriting()
    {
        using var run = new IsolatedRun();

        var result = await run.RunAsync("gitops", "render");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains(result.ChangedPaths, path => path.StartsWith("deploy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACommandThatCallsAws_IsSeenCallingIt()
    {
        using var run = new IsolatedRun();

        var result = await run.RunAsync("status", "--target", "aws");

        Assert.NotEqual(0, result.ExitCode);
        Assert.NotEmpty(result.AwsRequests);
    }

    [Fact]
    public void AProcessCarryingTheMark_IsFound()
    {
        var mark = Guid.NewGuid().ToString("N");
        var start = new ProcessStartInfo("sleep", "60") { UseShellExecute = false };
        start.Environment["BLUEGREEN_TEST_RUN"] = mark;
        using var process = Process.Start(start)!;
        try
        {
            Assert.Equal([process.Id], ProcessScan.Carrying("BLUEGREEN_TEST_RUN", mark));
        }
        finally
        {
            process.Kill();
            process.WaitForExit();
        }

        Assert.Empty(ProcessScan.Carrying("BLUEGREEN_TEST_RUN", mark));
    }
}
