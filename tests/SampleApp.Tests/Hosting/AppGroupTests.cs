using BlueGreen.Sandbox.Database;

namespace SampleApp.Tests.Hosting;

public sealed class AppGroupTests
{
    [Fact]
    public async Task OneAppFailingToStart_LeavesNoneOfTheOthersRunning()
    {
        await using var database = await DynaliteServer.StartAsync(new DynaliteOptions());
        await database.CreateTableAndSeedAsync(1);
        var group = new AppGroup();

        // The middle app refuses its configuration and exits before it listens.
        var starts = new[]
        {
            group.StartAsync(AppEnvironment.For(database)),
            group.StartAsync(AppEnvironment.For(database, ("BLUEGREEN_FAULTS", "bogus"))),
            group.StartAsync(AppEnvironment.For(database)),
        };
        await Assert.ThrowsAsync<InvalidOperationException>(() => Task.WhenAll(starts));
        var pids = group.Started.Select(app => app.ProcessId).ToList();
        Assert.Equal(2, pids.Count);

        await group.DisposeAsync();

        Assert.Empty(group.Started);
        Assert.All(pids, pid => Assert.False(IsAlive(pid), $"app pid {pid} outlived the group"));
    }

    // A reaped process has no /proc entry; a zombie awaiting its reaper counts as gone.
    private static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..].Split(' ')[0] is not ("Z" or "X");
        }
        catch (IOException)
        {
            return false;
        }
    }
}
