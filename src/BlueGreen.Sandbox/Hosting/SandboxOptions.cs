using System.Net;
using BlueGreen.Sandbox.Database;
using BlueGreen.Sandbox.Faults;

namespace BlueGreen.Sandbox.Hosting;

/// <summary>What a sandbox runs: colours and versions, scale, load, faults and where it listens.</summary>
public sealed record SandboxOptions
{
    /// <summary>The colours in start order, each with the version its instances report.</summary>
    public required IReadOnlyList<(string Colour, string Version)> Colours { get; init; }

    /// <summary>The colour that takes all traffic at start.</summary>
    public required string Live { get; init; }

    /// <summary>DNS zone; also the service name.</summary>
    public required string Zone { get; init; }

    public required int Ttl { get; init; }

    /// <summary>App instances per colour.</summary>
    public required int Replicas { get; init; }

    /// <summary>User requests per second; null: sized by a calibration against the live colour (<see cref="Load.LoadSizing"/>).</summary>
    public required int? RequestRate { get; init; }

    public required int Clients { get; init; }

    public required int SeedItems { get; init; }

    /// <summary>Sum of the weights at start (all on the live colour).</summary>
    public int WeightScale { get; init; } = 100;

    public required DynaliteOptions Database { get; init; }

    public IReadOnlyList<ColourFault> Faults { get; init; } = [];

    /// <summary>The DNS server's address; 127.0.0.1 unless another loopback address is wanted.</summary>
    public IPAddress DnsAddress { get; init; } = IPAddress.Loopback;

    /// <summary>The DNS server's UDP port; 0 takes a free one.</summary>
    public int DnsPort { get; init; }

    /// <summary>The port every colour's load balancer listens on; 0 takes one free on all their addresses.</summary>
    public int ServicePort { get; init; }

    /// <summary>Seed of the DNS server's weighted choice and of the error fault, so a rehearsal can be replayed.</summary>
    public int Seed { get; init; } = 20260101;

    /// <summary>Path of SampleApp.dll; found beside this program when null.</summary>
    public string? SampleAppPath { get; init; }

    /// <summary>How long a colour may take to have every instance healthy.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long after a faulty colour first takes traffic its instances are killed.</summary>
    public TimeSpan KillDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Where the service name's records come from when the sandbox does not own them (a Route53-compatible zone the
    /// engine writes); null: the sandbox owns them and starts with all weight on <see cref="Live"/>.
    /// </summary>
    public Dns.IRecordFeed? RecordFeed { get; init; }

    /// <summary>How often the zone reads <see cref="RecordFeed"/>.</summary>
    public TimeSpan FollowPeriod { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>What the gates need of a calibrated load; null: no plan to serve (the interval is never lengthened).</summary>
    public Load.LoadDemand? Demand { get; init; }

    /// <summary>How long the calibration measures, after a half-second warm-up.</summary>
    public TimeSpan CalibrationTime { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Whether to run the load generator (off for a sandbox only probed by hand).</summary>
    public bool GenerateLoad { get; init; } = true;

    /// <summary>The loopback address of the colour at <paramref name="index"/> in start order: 127.0.0.2, 127.0.0.3, ...</summary>
    public static IPAddress ColourAddress(int index) => new([127, 0, 0, (byte)(2 + index)]);
}
