namespace BlueGreen.Infrastructure.Tests;

/// <summary>The cdk.json app's handling of its inputs; the failure paths stop before the CDK runtime starts.</summary>
public sealed class CdkEntryPointTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bluegreen-cdk-app-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Rejects_AMissingConfigurationFile_WithExitTwo_AndWritesNothing()
    {
        var outDir = Path.Combine(_dir, "out");
        var error = new StringWriter();

        var exit = CdkEntryPoint.Run(Environment(config: Path.Combine(_dir, "absent.yaml"), outDir), error);

        Assert.Equal(2, exit);
        Assert.Contains("absent.yaml", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("nothing was synthesized", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Reads_TheConfigurationNamedInTheCdkContext_AndReportsItsErrorsWithPositions()
    {
        var path = Path.Combine(_dir, "bad.yaml");
        File.WriteAllText(path, "environment: test\nregion: mars-1\n");
        var error = new StringWriter();

        var exit = CdkEntryPoint.Run(Environment(config: path, Path.Combine(_dir, "out")), error);

        Assert.Equal(2, exit);
        Assert.Contains($"{path}:2:", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("region", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_ToBluegreenYamlInTheWorkingDirectory()
    {
        var error = new StringWriter();
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(_dir);
        try
        {
            var exit = CdkEntryPoint.Run(new Dictionary<string, string?> { ["CDK_OUTDIR"] = Path.Combine(_dir, "out") }, error);

            Assert.Equal(2, exit);
            Assert.Contains("bluegreen.yaml", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    private static Dictionary<string, string?> Environment(string config, string outDir) => new()
    {
        ["CDK_CONTEXT_JSON"] = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { [CdkEntryPoint.ConfigContextKey] = config }),
        ["CDK_OUTDIR"] = outDir,
    };
}
