using BlueGreen.Core.Configuration;

namespace BlueGreen.Sandbox.Tests.Rehearsal;

/// <summary>The repository's bluegreen.yaml, loaded as the CLI loads it.</summary>
internal static class DefaultConfig
{
    public static EnvironmentConfig Load()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "bluegreen.yaml");
            if (File.Exists(Path.Combine(directory.FullName, "BlueGreen.slnx")) && File.Exists(path))
            {
                return ConfigLoader.Load(path).Config ?? throw new InvalidOperationException($"{path} does not load.");
            }
        }

        throw new InvalidOperationException($"No bluegreen.yaml beside a BlueGreen.slnx above {AppContext.BaseDirectory}.");
    }
}
