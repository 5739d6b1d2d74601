namespace BlueGreen.GitOps.Tests.Support;

/// <summary>Finds the repository checkout the tests run from, by the solution file at its root.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BlueGreen.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No BlueGreen.slnx above the test output directory.");
    }
}
