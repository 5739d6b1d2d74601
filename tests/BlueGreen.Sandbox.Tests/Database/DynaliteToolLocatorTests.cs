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
        Assert.Contains("set BLUEGREEN_DYNALITE_DIR (or DynaliteOptions.ToolDirectory) to its tools/dynalite directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Uses_TheConfiguredDirectory_BeforeAnySearch()
    {
        var tool = Directory.CreateDirectory(Path.Combine(_root.FullName, "elsewhere"));
        File.WriteAllText(Path.Combine(tool.FullName, "package.json"), "{}");

        var found = DynaliteToolLocator.Find(tool.FullName, [_root.FullName]);

        Assert.Equal(tool.FullName, found);
    }

    [Fact]
    public void Rejects_AConfiguredDirectoryWithoutPackageJson_NamingTheVariable()
    {
        var error = Assert.Throws<DynaliteException>(() => DynaliteToolLocator.Find(_root.FullName, []));

        Assert.StartsWith($"BLUEGREEN_DYNALITE_DIR={_root.FullName} has no package.json", error.Message, StringComparison.Ordinal);
        Assert.Equal("BLUEGREEN_DYNALITE_DIR", DynaliteToolLocator.DirectoryVariable);
    }

    public void Dispose() => _root.Delete(recursive: true);
}
