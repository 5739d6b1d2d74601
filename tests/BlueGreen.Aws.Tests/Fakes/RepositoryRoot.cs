namespace BlueGreen.Aws.Tests.Fakes;

/// <summary>The repository's root: the nearest folder above the test binaries that holds BlueGreen.slnx.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "BlueGreen.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BlueGreen.slnx was not found above " + AppContext.BaseDirectory);
    }
}
