using BlueGreen.Sandbox.Database;

namespace BlueGreen.Sandbox.Tests.Database;

public sealed class ExecutableSearchTests
{
    [Fact]
    public void Finds_Node_OnThePath()
    {
        Assert.NotNull(ExecutableSearch.Find("node"));
    }

    [Fact]
    public void Rejects_MissingProgram_SayingWhatToInstall()
    {
        var error = Assert.Throws<DynaliteException>(() => ExecutableSearch.Require("node", path: string.Empty));

        Assert.Contains("'node' was not found on PATH", error.Message, StringComparison.Ordinal);
        Assert.Contains("Node.js 20", error.Message, StringComparison.Ordinal);
    }
}
