using BlueGreen.Sandbox.Database;

namespace BlueGreen.Sandbox.Tests.Database;

public sealed class NpmInstallerTests : IDisposable
{
    private readonly DirectoryInfo _tool = Directory.CreateTempSubdirectory("bluegreen-npm-");

    [Fact]
    public async Task Installs_PinnedPackages_WhenNodeModulesIsMissing()
    {
        CopyToolFiles();

        await using var server = await DynaliteServer.StartAsync(new DynaliteOptions { ToolDirectory = _tool.FullName });

        Assert.True(NpmInstaller.IsInstalled(_tool.FullName));
        using var client = server.CreateClient();
        await client.ListTablesAsync(new Amazon.DynamoDBv2.Model.ListTablesRequest());
    }

    [Fact]
    public async Task HalfFinishedInstall_IsNotInstalled_AndIsInstalledAgain_UntilTheLockFileChanges()
    {
        CopyToolFiles();
        // What an interrupted npm ci can leave: the package's manifest without the rest of it.
        var dynalite = Directory.CreateDirectory(Path.Combine(_tool.FullName, "node_modules", "dynalite"));
        await File.WriteAllTextAsync(Path.Combine(dynalite.FullName, "package.json"), """{ "name": "dynalite" }""");
        Assert.False(NpmInstaller.IsInstalled(_tool.FullName));

        await NpmInstaller.EnsureInstalledAsync(_tool.FullName, TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.True(NpmInstaller.IsInstalled(_tool.FullName));
        Assert.True(File.Exists(Path.Combine(_tool.FullName, "node_modules", NpmInstaller.MarkerName)));
        Assert.True(File.Exists(Path.Combine(dynalite.FullName, "index.js")));
        await File.AppendAllTextAsync(Path.Combine(_tool.FullName, "package-lock.json"), "\n");
        Assert.False(NpmInstaller.IsInstalled(_tool.FullName));
    }

    [Fact]
    public void Install_IsACleanInstall_PreferringNpmsOfflineCache()
    {
        Assert.Equal("ci", NpmInstaller.CiArguments[0]);
        Assert.Contains("--prefer-offline", NpmInstaller.CiArguments);
    }

    [Fact]
    public async Task Rejects_FailedInstall_WithNpmsReason()
    {
        // Without a lock file npm ci refuses at once, offline.
        await File.WriteAllTextAsync(Path.Combine(_tool.FullName, "package.json"), """{ "name": "x", "dependencies": { "dynalite": "4.0.0" } }""");

        var error = await Assert.ThrowsAsync<DynaliteException>(
            () => NpmInstaller.EnsureInstalledAsync(_tool.FullName, TimeSpan.FromMinutes(1), CancellationToken.None));

        Assert.Contains("'npm ci'", error.Message, StringComparison.Ordinal);
        Assert.Contains("failed with exit code", error.Message, StringComparison.Ordinal);
        Assert.Contains("package-lock", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_InstallLockHeldTooLong_NamingTheLock()
    {
        var lockPath = NpmInstaller.LockPathFor(_tool.FullName);
        await using (new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var error = await Assert.ThrowsAsync<DynaliteException>(
                () => NpmInstaller.EnsureInstalledAsync(_tool.FullName, TimeSpan.FromMilliseconds(500), CancellationToken.None));

            Assert.Contains("Another process has been installing dynalite", error.Message, StringComparison.Ordinal);
            Assert.Contains(lockPath, error.Message, StringComparison.Ordinal);
        }
    }

    public void Dispose() => _tool.Delete(recursive: true);

    private void CopyToolFiles()
    {
        var source = DynaliteToolLocator.Find();
        foreach (var file in new[] { "package.json", "package-lock.json", "serve.js" })
        {
            File.Copy(Path.Combine(source, file), Path.Combine(_tool.FullName, file));
        }
    }
}
