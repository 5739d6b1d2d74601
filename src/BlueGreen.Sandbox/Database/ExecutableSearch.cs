namespace BlueGreen.Sandbox.Database;

/// <summary>Finds a program on PATH the way a shell does, so a missing one gets a clear error before any start.</summary>
internal static class ExecutableSearch
{
    public static string? Find(string name, string? path = null)
    {
        path ??= Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var suffixes = OperatingSystem.IsWindows() ? new[] { ".exe", ".cmd", ".bat" } : new[] { string.Empty };
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var suffix in suffixes)
            {
                var candidate = Path.Combine(directory, name + suffix);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static string Require(string name, string? path = null) =>
        Find(name, path) ?? throw new DynaliteException(
            $"'{name}' was not found on PATH. The local database (dynalite) needs Node.js 20 or later with npm: " +
            "install them (for example 'apt-get install nodejs npm') and try again.");
}
