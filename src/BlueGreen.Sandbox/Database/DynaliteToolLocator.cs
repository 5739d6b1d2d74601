namespace BlueGreen.Sandbox.Database;

/// <summary>Finds the repository's <c>tools/dynalite</c> directory (package.json and lock file).</summary>
public static class DynaliteToolLocator
{
    private static readonly string RelativeManifest = Path.Combine("tools", "dynalite", "package.json");

    /// <summary>Walks up from the application directory, then from the current directory.</summary>
    public static string Find() => Find([AppContext.BaseDirectory, Directory.GetCurrentDirectory()]);

    public static string Find(IEnumerable<string> startDirectories)
    {
        ArgumentNullException.ThrowIfNull(startDirectories);
        var searched = new List<string>();
        foreach (var start in startDirectories)
        {
            searched.Add(start);
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, RelativeManifest)))
                {
                    return Path.Combine(directory.FullName, "tools", "dynalite");
                }
            }
        }

        throw new DynaliteException(
            $"Could not find {RelativeManifest} in any parent of {string.Join(" or ", searched)}. " +
            "Run from a checkout of the repository, or set the tool directory explicitly.");
    }
}
