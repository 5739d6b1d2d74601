using System.Net;

namespace BlueGreen.Sandbox.Load;

/// <summary>One answer the stub resolver got from the DNS server, cached until <paramref name="Expires"/>.</summary>
/// <param name="Id">Unique per answer, so requests can be grouped by the resolution they rode.</param>
/// <param name="At">When the answer arrived.</param>
/// <param name="Expires">When the TTL runs out.</param>
/// <param name="Address">The answered address; null for an empty answer or a failed query.</param>
public sealed record Resolution(long Id, DateTimeOffset At, DateTimeOffset Expires, IPAddress? Address);
