using BlueGreen.Sandbox.Database;

namespace BlueGreen.Sandbox.Tests.Database;

public sealed class DynaliteToolLocatorTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("bluegreen-locator-");

    [Fact]
    public void Finds_ToolDirectory_FromANestedStart()
    {
        var tool = Directory.CreateDirectory(Path.Combine(_root.FullName, "tools", "dynalite"));
        File.WriteAllText(Path.Combine(tool.FullName, "package.json"), "{}");
        var nested = Directory.CreateDirectory(Path.Combine(_root.FullName, "tests", "X", "bin", "Debug"));

        var found = DynaliteToolLocator.Find([nested.FullName]);

        Assert.Equal(tool.FullName, found);
    }

    [Fact]
    public void Finds_TheRepositoryCopy_FromTheTestOutput()
    {
        var found = DynaliteToolLocator.Find();

        Assert.True(File.Exists(Path.Combine(found, "package-lock.json")));
        Assert.True(File.Exists(Path.Combine(found, "serve.js")));
    }

    [Fact]
    public void Rejects_StartWithoutTools_NamingWhatItSearched()
    {
        var error = Assert.Throws<DynaliteException>(() => DynaliteToolLocator.Find([_root.FullName]));

        Assert.Contains(Path.Combine("tools", "dynalite", "package.json"), error.Message, StringComparison.Ordinal);
        Assert.Contains(_root.FullName, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _root.Delete(recursive: true);
}
