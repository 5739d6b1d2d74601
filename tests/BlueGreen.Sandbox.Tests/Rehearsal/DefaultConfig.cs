using BlueGreen.Core.Configuration;

namespace BlueGreen.Sandbox.Tests.Rehearsal;

/// <summary>The repository's bluegreen.yaml, loaded as the CLI loads it.</summary>
internal static class DefaultConfig
{
    public static EnvironmentConfig Load()
    {
        var path = RepositoryRoot.Combine("bluegreen.yaml");
        return ConfigLoader.Load(path).Config ?? throw new InvalidOperationException($"{path} does not load.");
    }
}
