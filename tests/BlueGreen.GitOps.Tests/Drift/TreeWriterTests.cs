using BlueGreen.GitOps.Drift;
using BlueGreen.GitOps.Tests.Support;

namespace BlueGreen.GitOps.Tests.Drift;

public class TreeWriterTests
{
    [Fact]
    public void Writes_EveryFile_AsUtf8WithoutBom()
    {
        using var temp = new TempDirectory();
        var tree = Trees.Default();

        var report = TreeWriter.Write(tree, temp.Path);

        Assert.Equal(tree.Files.Count, report.Missing.Count);
        foreach (var file in tree.Files)
        {
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(file.Content), File.ReadAllBytes(temp.File(file.Path)));
        }
    }

    [Fact]
    public void Changes_Nothing_WhenRunAgain()
    {
        using var temp = new TempDirectory();
        var tree = Trees.Default();
        TreeWriter.Write(tree, temp.Path);

        Assert.True(TreeWriter.Write(tree, temp.Path).IsClean);
    }

    [Fact]
    public void Removes_FilesAndDirectoriesOfAColourNoLongerConfigured()
    {
        using var temp = new TempDirectory();
        TreeWriter.Write(Trees.Render(c => c with { Clusters = [.. c.Clusters, DefaultConfig.Cluster("red", "1.33")] }), temp.Path);

        var report = TreeWriter.Write(Trees.Default(), temp.Path);

        Assert.Contains("red/app-of-apps.yaml", report.Extra);
        Assert.False(Directory.Exists(temp.File("red")));
        Assert.True(DriftCheck.Compare(Trees.Default(), temp.Path).IsClean);
    }

    [Fact]
    public void Refuses_ToDeleteFromADirectoryThatIsNotARenderedTree()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("Program.cs"), "keep me");

        var exception = Assert.Throws<UnmanagedDirectoryException>(() => TreeWriter.Write(Trees.Default(), temp.Path));

        Assert.Contains("is not a rendered GitOps tree", exception.Message, StringComparison.Ordinal);
        Assert.Equal(["Program.cs"], Directory.EnumerateFiles(temp.Path, "*", SearchOption.AllDirectories).Select(Path.GetFileName));
    }

    [Fact]
    public void Writes_IntoAnEmptyDirectory_AndMarksItAsARenderedTree()
    {
        using var temp = new TempDirectory();

        TreeWriter.Write(Trees.Default(), temp.Path);

        Assert.Equal(TreeWriter.TreeMarker, File.ReadLines(temp.File("README.md")).First());
    }
}
