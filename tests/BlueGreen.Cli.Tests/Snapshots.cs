namespace BlueGreen.Cli.Tests;

/// <summary>
/// Output compared with a file under tests/BlueGreen.Cli.Tests/Snapshots. Set BLUEGREEN_UPDATE_SNAPSHOTS=1 to write the
/// files from the current output, then read the diff before committing it.
/// </summary>
internal static class Snapshots
{
    public const string UpdateVariable = "BLUEGREEN_UPDATE_SNAPSHOTS";

    public static void Match(string name, string actual)
    {
        var path = RepositoryRoot.Combine("tests", "BlueGreen.Cli.Tests", "Snapshots", name);
        var normalised = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, normalised);
            return;
        }

        Assert.True(File.Exists(path), $"No snapshot {name}: run the test with {UpdateVariable}=1 to write it, then check it.");
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal), normalised);
    }
}
