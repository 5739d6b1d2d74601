using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace BlueGreen.Sandbox.Tests.EndToEnd;

/// <summary>
/// <c>bluegreen rehearse</c> with the load sized by the calibration while CPU-bound processes
/// compete for the cores: the sandbox must lose no user request of its own, and a faulty
/// candidate must still be rolled back. bench/busy-rehearsal.sh runs the same with eight.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class BusyMachineRehearsalTests(ITestOutputHelper output)
{
    private const int Competitors = 3;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(240);

    [Fact]
    public async Task ThreeBusyProcesses_Clean_Exit0_NoFailedUserRequest_CalibratedFiguresPrinted()
    {
        // Given three CPU-bound loops on the two cores and a load left to the calibration
        using var workspace = new SandboxWorkspace(new SandboxSettings { RequestRate = null, Clients = 128, Steps = "50, 100", Bake = "4s" });
        using var busy = new BusyProcesses(Competitors, Limit);

        // When
        var (exitCode, stdout, stderr) = await BlueGreenProcess.RunAsync(workspace.Directory, Limit, "rehearse", "--config", workspace.ConfigPath, "--report", workspace.ReportRoot);

        // Then
        output.WriteLine(stdout);
        Assert.True(busy.AllRunning, "a busy process ended before the rehearsal did: the machine was not busy throughout");
        Assert.True(exitCode == 0, $"exit {exitCode}{Environment.NewLine}{stdout}{stderr}");
        var summary = workspace.Summary();
        Assert.Equal(0, summary.GetProperty("userTraffic").GetProperty("failed").GetInt64());

        // The figures printed are the ones the load ran with: a quarter of the calibrated rate.
        var printed = Calibrated().Match(string.Join(' ', stdout.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.True(printed.Success, $"no calibration line in:{Environment.NewLine}{stdout}");
        var load = summary.GetProperty("load");
        var calibrated = load.GetProperty("calibratedRate").GetDouble();
        var rate = load.GetProperty("requestRate").GetInt32();
        Assert.Equal(Math.Round(calibrated).ToString(CultureInfo.InvariantCulture), printed.Groups["calibrated"].Value);
        Assert.Equal(rate.ToString(CultureInfo.InvariantCulture), printed.Groups["rate"].Value);
        Assert.Equal((int)Math.Max(1, Math.Floor(calibrated * 0.25)), rate);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"calibrated {calibrated:0} requests/s, user load {rate} requests/s, interval {load.GetProperty("intervalSeconds").GetDouble()} s"));
    }

    [Fact]
    public async Task ThreeBusyProcesses_TwentyPercentErrorsOnGreen_RollsBack_Exit3()
    {
        using var workspace = new SandboxWorkspace(new SandboxSettings { RequestRate = null, Clients = 128, Steps = "50, 100", Bake = "4s" });
        using var busy = new BusyProcesses(Competitors, Limit);

        var (exitCode, stdout, stderr) = await BlueGreenProcess.RunAsync(
            workspace.Directory, Limit, "rehearse", "--config", workspace.ConfigPath, "--report", workspace.ReportRoot, "--fault", "green:errors=20%");

        output.WriteLine(stdout);
        Assert.True(exitCode == 3, $"exit {exitCode}{Environment.NewLine}{stdout}{stderr}");
        var byColour = workspace.Summary().GetProperty("userTraffic").GetProperty("byColour");
        Assert.Equal(0, byColour.GetProperty("blue").GetProperty("failed").GetInt64());
        Assert.True(byColour.GetProperty("green").GetProperty("failed").GetInt64() > 0, "the fault never showed");
    }

    [GeneratedRegex(@"calibrated: (?<calibrated>\d+) requests/s served; user load: (?<rate>\d+) requests/s \(25 %\)")]
    private static partial Regex Calibrated();
}
