using BlueGreen.GitOps.Drift;
using BlueGreen.GitOps.Tests.Support;

namespace BlueGreen.GitOps.Tests.Drift;

public class DriftCheckTests
{
    [Fact]
    public void Reports_EveryFileMissing_WhenTheDirectoryDoesNotExist()
    {
        using var temp = new TempDirectory();
        var tree = Trees.Default();

        var report = DriftCheck.Compare(tree, Path.Combine(temp.Path, "deploy"));

        Assert.False(report.IsClean);
        Assert.Equal(tree.Files.Select(f => f.Path), report.Missing);
        Assert.Empty(report.Stale);
        Assert.Empty(report.Extra);
    }

    [Fact]
    public void Reports_Clean_AfterTheTreeIsWritten()
    {
        using var temp = new TempDirectory();
        var tree = Trees.Default();
        TreeWriter.Write(tree, temp.Path);

        Assert.True(DriftCheck.Compare(tree, temp.Path).IsClean);
    }

    [Fact]
    public void Reports_StaleMissingAndExtraFiles_ByPath()
    {
        using var temp = new TempDirectory();
        var tree = Trees.Default();
        TreeWriter.Write(tree, temp.Path);
        File.AppendAllText(temp.File("blue/sample-app/service.yaml"), "# edited by hand\n");
        File.Delete(temp.File("green/apps/external-dns.yaml"));
        File.WriteAllText(temp.File("green/apps/leftover.yaml"), "apiVersion: v1\n");

        var report = DriftCheck.Compare(tree, temp.Path);

        Assert.Equal(["blue/sample-app/service.yaml"], report.Stale);
        Assert.Equal(["green/apps/external-dns.yaml"], report.Missing);
        Assert.Equal(["green/apps/leftover.yaml"], report.Extra);
    }

    [Fact]
    public void Reports_AFileWithWindowsLineEndings_AsStale()
    {
        using var temp = new TempDirectory();
        var tree = Trees.Default();
        TreeWriter.Write(tree, temp.Path);
        var path = temp.File("blue/app-of-apps.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Equal(["blue/app-of-apps.yaml"], DriftCheck.Compare(tree, temp.Path).Stale);
    }

    [Fact]
    public void Reports_ADifferentConfiguration_AsStaleFiles()
    {
        using var temp = new TempDirectory();
        TreeWriter.Write(Trees.Default(), temp.Path);

        var report = DriftCheck.Compare(Trees.Render(c => c with { App = c.App with { ImageTag = "20260102-000000-next" } }), temp.Path);

        Assert.Equal(["blue/sample-app/deployment.yaml", "green/sample-app/deployment.yaml"], report.Stale);
    }
}
