using BlueGreen.Core.Configuration;

namespace BlueGreen.Aws.Tests.Moto;

/// <summary>The reference configuration as a new environment per test, so names in a moto shared by a class never mix.</summary>
internal static class TestEnvironments
{
    public static EnvironmentConfig Reference { get; } = ConfigLoader.Load(Path.Combine(RepositoryRoot.Path, "bluegreen.yaml"), TimeProvider.System).Config!;

    /// <summary>A new environment name, and cluster names of its own (<c>&lt;environment&gt;-&lt;colour&gt;</c>).</summary>
    public static EnvironmentConfig WithOwnClusters()
    {
        var environment = MotoFixture.NewName("env");
        return Reference with { Environment = environment, Clusters = [.. Reference.Clusters.Select(c => c with { Name = $"{environment}-{c.Colour}" })] };
    }
}
