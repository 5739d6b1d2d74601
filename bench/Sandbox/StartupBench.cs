using System.Diagnostics;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Metrics;
using BlueGreen.Sandbox.Hosting;
using BlueGreen.Sandbox.Load;

namespace BlueGreen.Sandbox.Bench;

/// <summary>Sandbox start (database, 2 x N instances, proxies, DNS, load) to the first user request served, over three starts.</summary>
public static class StartupBench
{
    public static async Task RunAsync(EnvironmentConfig config)
    {
        var times = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            await using var host = await SandboxHost.StartAsync(SandboxOptionsFactory.From(config, []), TimeProvider.System, _ => { }, CancellationToken.None);
            while (!host.Log.Snapshot().Any(r => r.Scope == MetricScope.UserTraffic && r.Outcome == RequestOutcome.Ok))
            {
                await Task.Delay(10);
            }

            times.Add(clock.Elapsed.TotalSeconds);
        }

        times.Sort();
        Console.WriteLine($"startup: sandbox start to first served user request: median {times[1]:0.0} s, max {times[2]:0.0} s over 3 starts ({config.Sandbox.Replicas} instances per colour)");
    }
}
