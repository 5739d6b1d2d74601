using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace BlueGreen.Sandbox.Database;

/// <summary>Installs the pinned dynalite packages with <c>npm ci</c> unless a finished install of the current lock file is there.</summary>
internal static class NpmInstaller
{
    /// <summary>
    /// Written into node_modules after <c>npm ci</c> succeeds, holding the lock file's hash. An
    /// interrupted install leaves none (npm ci empties node_modules first), and a changed lock file
    /// no longer matches it: both mean install again.
    /// </summary>
    public const string MarkerName = ".bluegreen-installed";

    /// <summary>The arguments of the install: offline from npm's cache when it holds the pinned versions.</summary>
    public static readonly IReadOnlyList<string> CiArguments = ["ci", "--prefer-offline", "--no-audit", "--no-fund"];

    /// <summary>True when a finished install of the current package-lock.json is present.</summary>
    public static bool IsInstalled(string toolDirectory)
    {
        var marker = MarkerPath(toolDirectory);
        return File.Exists(marker)
            && File.Exists(Path.Combine(toolDirectory, "node_modules", "dynalite", "package.json"))
            && LockHash(toolDirectory) is { } hash
            && string.Equals(File.ReadAllText(marker).Trim(), hash, StringComparison.Ordinal);
    }

    public static async Task EnsureInstalledAsync(string toolDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (IsInstalled(toolDirectory))
        {
            return;
        }

        // Test projects run in parallel processes; one install at a time, the others wait and reuse it.
        // The lock file stays in the temp directory: deleting it on close would let two holders race.
        await using var installLock = await AcquireLockAsync(toolDirectory, timeout, cancellationToken).ConfigureAwait(false);
        if (IsInstalled(toolDirectory))
        {
            return;
        }

        var npm = ExecutableSearch.Require("npm");
        var start = new ProcessStartInfo(npm)
        {
            WorkingDirectory = toolDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in CiArguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new DynaliteException($"Could not start '{npm} ci' in {toolDirectory}.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new DynaliteException(
                $"'npm ci' in {toolDirectory} did not finish within {timeout.TotalSeconds:0} s. " +
                "Check that the npm registry is reachable, or run 'npm ci' there yourself.");
        }

        if (process.ExitCode == 0 && LockHash(toolDirectory) is { } hash
            && File.Exists(Path.Combine(toolDirectory, "node_modules", "dynalite", "package.json")))
        {
            await File.WriteAllTextAsync(MarkerPath(toolDirectory), hash, CancellationToken.None).ConfigureAwait(false);
        }

        if (process.ExitCode != 0 || !IsInstalled(toolDirectory))
        {
            var detail = (await errors.ConfigureAwait(false)).Trim();
            if (detail.Length == 0)
            {
                detail = (await output.ConfigureAwait(false)).Trim();
            }

            throw new DynaliteException(
                $"'npm ci' in {toolDirectory} failed with exit code {process.ExitCode}: {Summary(detail)} " +
                "Fix the cause (network, disk, Node.js version) or run 'npm ci' there yourself.");
        }
    }

    private static string MarkerPath(string toolDirectory) => Path.Combine(toolDirectory, "node_modules", MarkerName);

    private static string? LockHash(string toolDirectory)
    {
        var lockFile = Path.Combine(toolDirectory, "package-lock.json");
        return File.Exists(lockFile) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(lockFile))) : null;
    }

    /// <summary>The lock file that serialises installs into one tool directory across processes.</summary>
    public static string LockPathFor(string toolDirectory)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(toolDirectory))))[..16];
        return Path.Combine(Path.GetTempPath(), $"bluegreen-dynalite-install-{key}.lock");
    }

    private static async Task<FileStream> AcquireLockAsync(string toolDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var path = LockPathFor(toolDirectory);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < timeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
            }
            catch (IOException error)
            {
                throw new DynaliteException(
                    $"Another process has been installing dynalite for over {timeout.TotalSeconds:0} s (lock {path}). " +
                    $"Wait for it to finish, or stop it and run 'npm ci' in {toolDirectory}.", error);
            }
        }
    }

    // npm states the reason in its first lines and follows with usage text and log paths.
    private static string Summary(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', lines.Take(6)) + (lines.Length > 6 ? " ..." : string.Empty);
    }
}
