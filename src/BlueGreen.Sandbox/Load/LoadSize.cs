using System.Globalization;

namespace BlueGreen.Sandbox.Load;

/// <summary>The user load a calibration chose, and how much the gate interval had to be lengthened for it.</summary>
public sealed record LoadSize
{
    /// <summary>Requests per second the live colour served during the calibration.</summary>
    public required double CalibratedRate { get; init; }

    /// <summary>The user load, requests per second.</summary>
    public required int RequestRate { get; init; }

    public required int Clients { get; init; }

    /// <summary>The share of the calibrated rate the user load takes, from 0 to 1.</summary>
    public required double Share { get; init; }

    /// <summary>A request without an answer after this long has failed: a multiple of the latency the calibration saw.</summary>
    public required TimeSpan RequestTimeout { get; init; }

    /// <summary>By how many times the gate interval (and the bake and verification with it) is lengthened; 1: not at all.</summary>
    public required int IntervalFactor { get; init; }

    /// <summary>The two figures, as the rehearsal prints them.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"calibrated: {CalibratedRate:0} requests/s served; user load: {RequestRate} requests/s ({100 * Share:0} %) from {Clients} clients");
}
