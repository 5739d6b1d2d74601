namespace BlueGreen.Sandbox.Database;

/// <summary>Finds the repository's <c>tools/dynalite</c> directory (package.json and lock file).</summary>
public static class DynaliteToolLocator
{
    /// <summary>Environment variable that names the tool directory outright, for runs outside a checkout.</summary>
    public const string DirectoryVariable = "BLUEGREEN_DYNALITE_DIR";

    private static readonly string RelativeManifest = Path.Combine("tools", "dynalite", "package.json");

    /// <summary>
    /// The directory named by <see cref="DirectoryVariable"/> when it is set; otherwise walks up from
    /// the application directory, then from the current directory.
    /// </summary>
    public static string Find() =>
        Find(Environment.GetEnvironmentVariable(DirectoryVariable), [AppContext.BaseDirectory, Directory.GetCurrentDirectory()]);

    public static string Find(IEnumerable<string> startDirectories) => Find(configured: null, startDirectories);

    /// <summary>The configured directory when given (it must hold package.json), else the walk up from each start.</summary>
    public static string Find(string? configured, IEnumerable<string> startDirectories)
    {
        ArgumentNullException.ThrowIfNull(startDirectories);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(Path.Combine(configured, "package.json"))
                ? Path.GetFullPath(configured)
                : throw new DynaliteException(
                    $"{DirectoryVariable}={configured} has no package.json. Point it at the repository's tools/dynalite " +
                    $"directory (package.json, package-lock.json, serve.js), or unset it to search from the application directory.");
        }

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
            $"Run from a checkout of the repository, or set {DirectoryVariable} (or {nameof(DynaliteOptions)}.{nameof(DynaliteOptions.ToolDirectory)}) " +
            "to its tools/dynalite directory.");
    }
}
