using BlueGreen.Core.Clusters;

namespace BlueGreen.Core.Tests.Fakes;

/// <summary>Readiness per colour, ready unless told otherwise; records every check.</summary>
internal sealed class FakeProbe : IClusterProbe
{
    public Dictionary<string, ClusterReadiness> Readiness { get; } = [];

    public List<string> Checks { get; } = [];

    public Task<ClusterReadiness> CheckAsync(string colour, CancellationToken cancellationToken)
    {
        Checks.Add(colour);
        return Task.FromResult(Readiness.GetValueOrDefault(colour, ClusterReadiness.Yes));
    }
}
