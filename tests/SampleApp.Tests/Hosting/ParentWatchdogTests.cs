using BlueGreen.Sandbox.Database;

namespace SampleApp.Tests.Hosting;

public sealed class ParentWatchdogTests
{
    [Fact]
    public async Task ClosedInput_ShutsTheAppDownGracefully_WithExitZero()
    {
        await using var database = await DynaliteServer.StartAsync(new DynaliteOptions());
        await database.CreateTableAndSeedAsync(1);
        await using var app = await AppProcess.StartAsync(AppEnvironment.For(database));
        await app.WaitUntilReadyAsync();

        // The kernel closes the pipe this way when the parent is killed, SIGKILL included.
        app.CloseInput();

        Assert.Equal(0, await app.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("Standard input closed", app.Output, StringComparison.Ordinal);
    }
}
