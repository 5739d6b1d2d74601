using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace BlueGreen.Sandbox.Tests.EndToEnd;

/// <summary>
/// <c>bluegreen sandbox up</c> with <c>upgrade</c>, <c>resume</c> and <c>abort</c> from other
/// processes: a killed engine resumes from its journal, a second operator is refused, and a
/// killed sandbox takes its children with it.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SandboxCommandsTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    private static readonly SandboxSettings Short = new()
    {
        RequestRate = 150,
        Clients = 150,
        Steps = "50, 100",
        Bake = "3s",
        Verification = "1s",
        Drain = "1s",
    };

    [Fact]
    public async Task KilledEngine_ResumesToTheSameEndState_WithoutApplyingAStepTwice_FiveTimes()
    {
        using var workspace = new SandboxWorkspace(Short);
        await using var sandbox = await RunningSandbox.StartAsync(workspace);
        var random = new Random(20260101);

        for (var round = 1; round <= 5; round++)
        {
            // Given a fresh upgrade from all-blue
            await sandbox.SetWeightsAsync(new() { ["blue"] = 100, ["green"] = 0 });
            sandbox.ForgetUpgrade();

            // When the engine is killed outright at a random moment, then resumed
            var killAfter = TimeSpan.FromMilliseconds(random.Next(300, 6000));
            using (var engine = BlueGreenProcess.Start(workspace.Directory, "upgrade", "--config", workspace.ConfigPath))
            {
                await Task.Delay(killAfter);
                engine.KillHard();
                await engine.WaitAsync(TimeSpan.FromSeconds(10));
            }

            var before = sandbox.JournalEvents().Count;
            var (exitCode, stdout, stderr) = await BlueGreenProcess.RunAsync(workspace.Directory, Limit, "resume", "--config", workspace.ConfigPath);
            if (before == 0)
            {
                // Killed before it recorded the start: there is no upgrade to resume, and resume says to start one.
                Assert.True(exitCode == 2, $"round {round}: resume of nothing exited {exitCode}{Environment.NewLine}{stdout}{stderr}");
                Assert.Contains("Start one with `bluegreen upgrade`", Regex.Replace(stdout, @"\s+", " "), StringComparison.Ordinal);
                (exitCode, stdout, stderr) = await BlueGreenProcess.RunAsync(workspace.Directory, Limit, "upgrade", "--config", workspace.ConfigPath);
            }

            // Then it ends as an uninterrupted upgrade does, and no step's weights were applied twice
            var events = sandbox.JournalEvents();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: killed after {killAfter.TotalMilliseconds:0} ms with {before} events recorded; resumed to {events.Count} events, exit {exitCode}"));
            Assert.True(exitCode == 0, $"round {round}: resume exited {exitCode}{Environment.NewLine}{stdout}{stderr}");
            Assert.Equal("completed", events[^1].GetProperty("type").GetString());
            var applied = events.Where(e => e.GetProperty("type").GetString() == "weightsApplied").Select(e => e.GetProperty("step").GetInt32()).ToList();
            Assert.Equal([0, 1], applied);
            Assert.Equal(applied.Count, applied.Distinct().Count());
            var weights = await sandbox.WeightsAsync();
            Assert.Equal(0, weights["blue"]);
            Assert.Equal(100, weights["green"]);
        }
    }

    [Fact]
    public async Task SecondUpgrade_IsRefusedNamingTheHolder_AndAbortEndsTheFirst()
    {
        using var workspace = new SandboxWorkspace(Short with { Bake = "30s" });
        await using var sandbox = await RunningSandbox.StartAsync(workspace);
        using var first = BlueGreenProcess.Start(workspace.Directory, "upgrade", "--config", workspace.ConfigPath);
        var lockFile = Path.Combine(sandbox.EngineDirectory, "lock.json");
        var deadline = DateTime.UtcNow + Limit;
        while (!File.Exists(lockFile) && !first.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(File.Exists(lockFile), $"the first upgrade wrote no lock within {Limit.TotalSeconds:0} s");
        Assert.False(first.HasExited, "the first upgrade ended before the second started");

        var (exitCode, stdout, _) = await BlueGreenProcess.RunAsync(workspace.Directory, Limit, "upgrade", "--config", workspace.ConfigPath);

        Assert.Equal(1, exitCode);
        Assert.Contains("lock is held by", stdout, StringComparison.Ordinal);
        Assert.Contains($"(pid {first.Id})", stdout.ReplaceLineEndings(" "), StringComparison.Ordinal);

        var (abortCode, abortOut, _) = await BlueGreenProcess.RunAsync(workspace.Directory, Limit, "abort", "--config", workspace.ConfigPath);
        Assert.True(abortCode == 0, abortOut);
        Assert.Equal(3, await first.WaitAsync(Limit));
        var weights = await sandbox.WeightsAsync();
        Assert.Equal(100, weights["blue"]);
    }

    [Fact]
    public async Task SandboxKilledOutright_TakesEveryChildWithIt()
    {
        using var workspace = new SandboxWorkspace(Short);
        await using var sandbox = await RunningSandbox.StartAsync(workspace);
        var children = sandbox.State.ProcessIds;
        Assert.NotEmpty(children);

        sandbox.Process.KillHard();
        await sandbox.Process.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(await ProcessTable.WaitGoneAsync(children, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task DnsPortInUse_FailsWithTheAddress_AndLeavesNothingRunning()
    {
        using var workspace = new SandboxWorkspace(Short);
        using var taken = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
        taken.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var port = ((System.Net.IPEndPoint)taken.LocalEndPoint!).Port.ToString(CultureInfo.InvariantCulture);
        var before = SampleAppsOfThisBuild();

        var (exitCode, stdout, stderr) = await BlueGreenProcess.RunAsync(workspace.Directory, Limit, "sandbox", "up", "--config", workspace.ConfigPath, "--dns-port", port);

        Assert.True(exitCode == 1, $"exit {exitCode}{Environment.NewLine}{stdout}{stderr}");
        Assert.Contains($"127.0.0.1:{port}", stdout.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
        Assert.Empty(SampleAppsOfThisBuild().Except(before));
    }

    [Theory]
    [InlineData("purple:errors=20%", "purple")]
    [InlineData("green:errors=abc", "errors=abc")]
    public async Task BadFault_ExitsTwoWithTheReason_BeforeStartingAnything(string fault, string named)
    {
        using var workspace = new SandboxWorkspace(Short);

        var (exitCode, stdout, stderr) = await BlueGreenProcess.RunAsync(workspace.Directory, Limit, "rehearse", "--config", workspace.ConfigPath, "--fault", fault);

        Assert.True(exitCode == 2, $"exit {exitCode}{Environment.NewLine}{stdout}{stderr}");
        Assert.Contains(named, stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.ReportRoot), "a report directory was created for bad input");
    }

    [Fact]
    public async Task UpgradeWithoutSandbox_SaysHowToStartOne()
    {
        using var workspace = new SandboxWorkspace(Short);

        var (exitCode, stdout, _) = await BlueGreenProcess.RunAsync(workspace.Directory, Limit, "upgrade", "--config", workspace.ConfigPath);

        Assert.Equal(1, exitCode);
        Assert.Contains("bluegreen sandbox up", stdout.ReplaceLineEndings(" "), StringComparison.Ordinal);
    }

    // Instances of the sample app started from this test build (other suites run their own copies).
    private static HashSet<int> SampleAppsOfThisBuild()
    {
        var marker = Path.Combine(AppContext.BaseDirectory, "SampleApp.dll");
        var found = new HashSet<int>();
        foreach (var directory in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(marker, StringComparison.Ordinal) && ProcessTable.IsAlive(pid))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        return found;
    }
}
