using System.Globalization;

namespace SampleApp.Bench;

/// <summary>What one load phase measured.</summary>
internal sealed record PhaseResult(string Name, long Requests, long Errors, TimeSpan Elapsed, double P50Ms, double P99Ms, double MaxMs)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    public string ToMarkdownRow() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Name} | {Requests} | {RequestsPerSecond:0} | {P50Ms:0.00} | {P99Ms:0.00} | {MaxMs:0.0} | {Errors} |");
}
