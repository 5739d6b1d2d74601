namespace BlueGreen.Core.Clusters;

/// <summary>Tells whether a colour's cluster is ready to take traffic.</summary>
public interface IClusterProbe
{
    Task<ClusterReadiness> CheckAsync(string colour, CancellationToken cancellationToken);
}

/// <summary>A colour's readiness, with what is not ready yet.</summary>
public sealed record ClusterReadiness(bool Ready, IReadOnlyList<string> Problems)
{
    public static ClusterReadiness Yes { get; } = new(true, []);

    public static ClusterReadiness No(params string[] problems) => new(false, problems);
}
