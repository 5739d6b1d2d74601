using BlueGreen.Core.Clusters;

namespace BlueGreen.Core.Tests.Fakes;

/// <summary>Readiness per colour, ready unless told otherwise; records every check.</summary>
internal sealed class FakeProbe : IClusterProbe
{
    public Dictionary<string, ClusterReadiness> Readiness { get; } = [];

    public List<string> Checks { get; } = [];

    /// <summary>Colours whose check throws, as a probe whose cluster API is unreachable would.</summary>
    public Dictionary<string, Exception> Failures { get; } = [];

    public Task<ClusterReadiness> CheckAsync(string colour, CancellationToken cancellationToken)
    {
        Checks.Add(colour);
        if (Failures.TryGetValue(colour, out var failure))
        {
            throw failure;
        }

        return Task.FromResult(Readiness.GetValueOrDefault(colour, ClusterReadiness.Yes));
    }
}
