namespace BlueGreen.Tests;

/// <summary>The repository checkout the tests run from: the nearest folder above the test binaries that holds BlueGreen.slnx.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Found = new(Find);

    /// <summary>The root folder.</summary>
    public static string Path => Found.Value;

    /// <summary>A file or folder of the repository, from its path relative to the root.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "BlueGreen.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No BlueGreen.slnx above {AppContext.BaseDirectory}: run the tests from a checkout of the repository.");
    }
}
