namespace BlueGreen.Core.Configuration.Validation;

/// <summary>The rehearsal's zone, scale and timings.</summary>
internal static class SandboxRules
{
    public static void Check(EnvironmentConfig c, Checker check)
    {
        var s = c.Sandbox;
        var zoneProblem = DnsName.Problem(s.Zone);
        check.That(zoneProblem is null, "sandbox.zone", $"'{s.Zone}' {zoneProblem}.", "Write a DNS name such as test.bluegreen.internal.");
        check.InRange(s.Ttl, 1, 3600, "sandbox.ttl", "The sandbox TTL in seconds");
        check.InRange(s.Replicas, 1, 16, "sandbox.replicas", "The number of app processes per colour");
        if (s.RequestRate is { } rate)
        {
            check.InRange(rate, 1, 5000, "sandbox.requestRate", "The request rate");
        }

        check.InRange(s.Clients, 1, 256, "sandbox.clients", "The number of clients");
        check.InRange(s.SeedItems, 0, 10_000, "sandbox.seedItems", "The number of seeded items");
        check.That(s.Interval >= TimeSpan.FromMilliseconds(100), "sandbox.interval", $"The sandbox gate interval ({Duration.Format(s.Interval)}) is shorter than 100ms.", "Use at least 100ms.");
        check.That(s.Bake >= s.Interval, "sandbox.bake", $"The sandbox bake ({Duration.Format(s.Bake)}) is shorter than its gate interval ({Duration.Format(s.Interval)}).", "Make the bake at least one interval.");
        check.That(s.Verification >= s.Interval, "sandbox.verification", $"The sandbox verification ({Duration.Format(s.Verification)}) is shorter than its gate interval ({Duration.Format(s.Interval)}).", "Make it at least one interval.");
        check.That(s.MaxP99 > TimeSpan.Zero, "sandbox.maxP99", "The sandbox p99 limit must be longer than 0s.", "Write e.g. 2s.");
        check.That(s.Drain >= TimeSpan.FromSeconds(s.Ttl), "sandbox.drain", $"The sandbox drain ({Duration.Format(s.Drain)}) is shorter than its DNS TTL ({s.Ttl}s).", "Make the drain at least the TTL.");
    }
}
