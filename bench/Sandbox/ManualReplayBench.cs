using BlueGreen.Core.Configuration;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Metrics;
using BlueGreen.Core.Plans;
using BlueGreen.Sandbox.Dns;
using BlueGreen.Sandbox.Hosting;
using BlueGreen.Sandbox.Load;
using BlueGreen.Sandbox.Rehearsal;

namespace BlueGreen.Sandbox.Bench;

/// <summary>
/// The reference's manual cutover replayed in the sandbox under the same load, against
/// `bluegreen upgrade`: failed requests and the longest window in which answers were wrong or
/// missing (requests failed). ExternalDNS's reaction time is scaled like the sandbox's other
/// timings (one sync interval = 2 s).
/// </summary>
public static class ManualReplayBench
{
    private static readonly TimeSpan Sync = TimeSpan.FromSeconds(2);

    public static async Task RunAsync(EnvironmentConfig config)
    {
        var manual = await ManualAsync(config);
        Console.WriteLine($"manual procedure: {manual.Failed} of {manual.Requests} user requests failed; longest window with wrong or missing answers {manual.LongestBadWindow.TotalSeconds:0.0} s");
        var engine = await EngineAsync(config);
        Console.WriteLine($"bluegreen upgrade: {engine.Failed} of {engine.Requests} user requests failed; longest window with wrong or missing answers {engine.LongestBadWindow.TotalSeconds:0.0} s");
    }

    private static async Task<Outcome> ManualAsync(EnvironmentConfig config)
    {
        await using var host = await SandboxHost.StartAsync(SandboxOptionsFactory.From(config, []), TimeProvider.System, _ => { }, CancellationToken.None);

        // The reference's annotations: blue 70, green 30.
        host.Zone.Replace(new WeightedRecordSet([new("blue", 70), new("green", 30)]));
        await Task.Delay(TimeSpan.FromSeconds(3));

        // Step 2: blue's weight set to 0 in Git and its Ingress deleted so Argo CD recreates it:
        // blue's load balancer goes while its record is still served until ExternalDNS reacts.
        await host.StopColourAsync("blue");
        await Task.Delay(Sync);

        // Step 3: blue's records deleted by hand; ExternalDNS recreates them with weight 0.
        host.Zone.Replace(new WeightedRecordSet([new("green", 30)]));
        await Task.Delay(Sync);
        host.Zone.Replace(new WeightedRecordSet([new("blue", 0), new("green", 30)]));
        await Task.Delay(Sync);

        // Step 4: the same for green with weight 100: while green has no record, the name
        // answers only blue's weight-0 record (all-zero weights: equal split) - a dead address.
        host.Zone.Replace(new WeightedRecordSet([new("blue", 0)]));
        await Task.Delay(Sync);
        host.Zone.Replace(new WeightedRecordSet([new("blue", 0), new("green", 100)]));
        await Task.Delay(Sync + TimeSpan.FromSeconds(config.Sandbox.Ttl));
        await host.StopLoadAsync();
        return Measure(host.Log.Snapshot());
    }

    private static async Task<Outcome> EngineAsync(EnvironmentConfig config)
    {
        await using var host = await SandboxHost.StartAsync(SandboxOptionsFactory.From(config, []), TimeProvider.System, _ => { }, CancellationToken.None);
        var directory = Path.Combine(Path.GetTempPath(), "bluegreen-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var services = CutoverServices.Local(directory, host.Router, host.Metrics, host.Probe, TimeProvider.System);
        var plan = SandboxPlan.Create(config);
        var outcome = await new CutoverEngine(plan, services, new CutoverEngineOptions { PollPeriod = TimeSpan.FromMilliseconds(200), StopWhenPaused = true }).RunAsync(CancellationToken.None);
        if (outcome.Kind == OutcomeKind.Completed)
        {
            await host.StopColourAsync(plan.From);
        }

        await Task.Delay(TimeSpan.FromSeconds(config.Sandbox.Ttl + 1));
        await host.StopLoadAsync();
        Directory.Delete(directory, recursive: true);
        return Measure(host.Log.Snapshot());
    }

    // A window is bad while requests fail; 100 ms buckets of request start times.
    private static Outcome Measure(IReadOnlyList<RequestRecord> records)
    {
        var user = records.Where(r => r.Scope == MetricScope.UserTraffic).OrderBy(r => r.Started).ToList();
        if (user.Count == 0)
        {
            return new Outcome(0, 0, TimeSpan.Zero);
        }

        var origin = user[0].Started;
        var bucket = TimeSpan.FromMilliseconds(100);
        var bad = user.Where(r => r.Failed).Select(r => (long)((r.Started - origin) / bucket)).ToHashSet();
        long longest = 0, run = 0, previous = long.MinValue;
        foreach (var index in bad.Order())
        {
            run = index == previous + 1 ? run + 1 : 1;
            longest = Math.Max(longest, run);
            previous = index;
        }

        return new Outcome(user.Count, user.Count(r => r.Failed), bucket * longest);
    }

    private sealed record Outcome(long Requests, long Failed, TimeSpan LongestBadWindow);
}
