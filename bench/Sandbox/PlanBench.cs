using System.Diagnostics;
using BlueGreen.Core.Configuration;
using BlueGreen.Sandbox.Rehearsal;

namespace BlueGreen.Sandbox.Bench;

/// <summary>The default plan (4 steps, 5 s bakes) through the real engine under the default load: duration, rate, failures, CPU.</summary>
public static class PlanBench
{
    public static async Task RunAsync(EnvironmentConfig config)
    {
        var directory = Path.Combine(Path.GetTempPath(), "bluegreen-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = await RehearsalRunner.RunAsync(new RehearsalOptions { Config = config, ReportDirectory = directory }, TimeProvider.System, (_, _) => { }, null, CancellationToken.None);
        var wall = clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var summary = result.Summary;
        var engineStart = summary.Steps.Count > 0 ? summary.Steps[0].From : summary.StartedAt;
        var timeline = File.ReadLines(Path.Combine(directory, "events.jsonl")).ToList();
        var started = Stamp(timeline.First(l => l.Contains("\"kind\":\"started\"", StringComparison.Ordinal)));
        var completed = Stamp(timeline.First(l => l.Contains("\"kind\":\"completed\"", StringComparison.Ordinal)));
        var load = (summary.EndedAt - engineStart).TotalSeconds;
        Console.WriteLine($"plan: {summary.Outcome}; engine start to drained {(completed - started).TotalSeconds:0.0} s; whole rehearsal {wall.TotalSeconds:0.0} s (4 steps, bake {config.Sandbox.Bake.TotalSeconds:0} s, verification {config.Sandbox.Verification.TotalSeconds:0} s, drain {config.Sandbox.Drain.TotalSeconds:0} s)");
        Console.WriteLine($"load: {summary.UserTraffic.Requests} user requests, {summary.UserTraffic.Requests / load:0} requests/s sustained, {summary.UserTraffic.Failed} failed; p99 blue {summary.UserTraffic.ByColour["blue"].P99Ms:0} ms, green {summary.UserTraffic.ByColour["green"].P99Ms:0} ms");
        Console.WriteLine($"cpu: the rehearsal process (engine, DNS server, both proxies, load generator) used {cpu.TotalSeconds:0.0} s of CPU in {wall.TotalSeconds:0.0} s ({100 * cpu.TotalSeconds / wall.TotalSeconds:0} % of one core)");
        Directory.Delete(directory, recursive: true);
    }

    private static DateTimeOffset Stamp(string line)
    {
        var start = line.IndexOf("\"at\":\"", StringComparison.Ordinal) + 6;
        return DateTimeOffset.Parse(line[start..line.IndexOf('"', start)], System.Globalization.CultureInfo.InvariantCulture);
    }
}
