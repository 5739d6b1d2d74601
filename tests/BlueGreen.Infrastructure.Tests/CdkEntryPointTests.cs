using System.Diagnostics;
using System.Text.Json;
using Amazon.CDK;

namespace BlueGreen.Infrastructure.Tests;

/// <summary>The cdk.json app's handling of its inputs; the failure paths stop before anything is synthesized.</summary>
public sealed class CdkEntryPointTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bluegreen-cdk-app-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Rejects_AMissingConfigurationFile_WithExitTwo_AndWritesNothing()
    {
        var outDir = Path.Combine(_dir, "out");
        var error = new StringWriter();

        var exit = CdkEntryPoint.Run(Props(config: Path.Combine(_dir, "absent.yaml"), outDir), error);

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

        var exit = CdkEntryPoint.Run(Props(config: path, Path.Combine(_dir, "out")), error);

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
            var exit = CdkEntryPoint.Run(new AppProps { Outdir = Path.Combine(_dir, "out") }, error);

            Assert.Equal(2, exit);
            Assert.Contains("bluegreen.yaml", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    [Fact]
    public async Task Reads_TheConfigurationNamedInTheContextOverflowFile_AsTheCdkCliWritesALargeContext()
    {
        // The CDK CLI moves a context too large for the environment into a file and names it in
        // CONTEXT_OVERFLOW_LOCATION_ENV; only a fresh process sees that variable at CDK start-up.
        var path = Path.Combine(_dir, "overflow-named.yaml");
        File.WriteAllText(path, "environment: test\nregion: mars-1\n");
        var overflow = Path.Combine(_dir, "context.json");
        File.WriteAllText(overflow, JsonSerializer.Serialize(new Dictionary<string, string> { [CdkEntryPoint.ConfigContextKey] = path }));

        var (exit, error) = await RunAppProcessAsync(("CONTEXT_OVERFLOW_LOCATION_ENV", overflow), ("CDK_OUTDIR", Path.Combine(_dir, "out")));

        Assert.Equal(2, exit);
        Assert.Contains($"{path}:2:", error, StringComparison.Ordinal);
    }

    private static AppProps Props(string config, string outDir) => new()
    {
        Context = new Dictionary<string, object> { [CdkEntryPoint.ConfigContextKey] = config },
        Outdir = outDir,
    };

    // The app assembly runs on this test assembly's runtime configuration and dependencies, which include the app's.
    private async Task<(int ExitCode, string Error)> RunAppProcessAsync(params (string Name, string Value)[] environment)
    {
        var output = AppContext.BaseDirectory;
        var tests = typeof(CdkEntryPointTests).Assembly.GetName().Name!;
        var start = new ProcessStartInfo(System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = _dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "exec",
            "--runtimeconfig", Path.Combine(output, tests + ".runtimeconfig.json"),
            "--depsfile", Path.Combine(output, tests + ".deps.json"),
            Path.Combine(output, "BlueGreen.Infrastructure.dll"),
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("CDK_CONTEXT_JSON");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        await stdout;
        return (process.ExitCode, await stderr);
    }
}
