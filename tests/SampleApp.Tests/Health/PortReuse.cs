using System.Diagnostics;
using BlueGreen.Sandbox.Database;

namespace SampleApp.Tests.Health;

/// <summary>Restarts dynalite on a port it just gave up, retrying while the port is still in use.</summary>
internal static class PortReuse
{
    // Another test process on the machine may hold the port for a moment; longer means it is taken.
    private static readonly TimeSpan RetryBound = TimeSpan.FromSeconds(15);

    public static async Task<DynaliteServer> StartOnAsync(int port)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await DynaliteServer.StartAsync(new DynaliteOptions { Port = port });
            }
            catch (DynaliteException error) when (error.Message.Contains("EADDRINUSE", StringComparison.Ordinal) && watch.Elapsed < RetryBound)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
    }
}
