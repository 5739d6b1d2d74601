using System.Text.Json;
using BlueGreen.Cli.Infrastructure;

namespace BlueGreen.Cli.Tests.Commands;

public sealed class GitOpsRenderCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bluegreen-gitops-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Config(Func<string, string>? edit = null)
    {
        var path = Path.Combine(_dir, "bluegreen.yaml");
        var yaml = File.ReadAllText(CliRunner.DefaultConfigPath);
        File.WriteAllText(path, edit is null ? yaml : edit(yaml));
        return path;
    }

    private string Deploy(string relative = "") => Path.Combine(_dir, "deploy", relative);

    [Fact]
    public async Task Check_TheCommittedTree_AgainstTheDefaultConfiguration_ExitsZero()
    {
        var (exit, output) = await CliRunner.RunAsync("gitops", "render", "--check", "--config", CliRunner.DefaultConfigPath);

        Assert.True(exit == ExitCodes.Ok, output);
        Assert.Contains("is up to date", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_WritesTheTreeBesideTheConfiguration_AndThenChecksClean()
    {
        var config = Config();

        var (renderExit, renderOutput) = await CliRunner.RunAsync("gitops", "render", "--config", config);
        var (checkExit, _) = await CliRunner.RunAsync("gitops", "render", "--check", "--config", config);

        Assert.Equal(ExitCodes.Ok, renderExit);
        Assert.Contains("32 created", renderOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(Deploy("green/app-of-apps.yaml")));
        Assert.Equal(ExitCodes.Ok, checkExit);
    }

    [Fact]
    public async Task Check_ExitsOne_ListingStaleMissingAndExtraFiles_AndWritesNothing()
    {
        var config = Config();
        await CliRunner.RunAsync("gitops", "render", "--config", config);
        File.AppendAllText(Deploy("blue/sample-app/ingress.yaml"), "# hand edit\n");
        File.Delete(Deploy("green/apps/sample-app.yaml"));
        File.WriteAllText(Deploy("blue/apps/old.yaml"), "apiVersion: v1\n");

        var (exit, output) = await CliRunner.RunAsync("gitops", "render", "--check", "--config", config);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("stale", output, StringComparison.Ordinal);
        Assert.Contains("blue/sample-app/ingress.yaml", output, StringComparison.Ordinal);
        Assert.Contains("green/apps/sample-app.yaml", output, StringComparison.Ordinal);
        Assert.Contains("blue/apps/old.yaml", output, StringComparison.Ordinal);
        Assert.Contains("Run 'bluegreen gitops render'", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Deploy("blue/apps/old.yaml")));
        Assert.False(File.Exists(Deploy("green/apps/sample-app.yaml")));
    }

    [Fact]
    public async Task Check_AfterAConfigurationChange_NamesTheFilesItWouldChange()
    {
        await CliRunner.RunAsync("gitops", "render", "--config", Config());
        var changed = Config(yaml => yaml.Replace("replicas: 3", "replicas: 4", StringComparison.Ordinal));

        var (exit, output) = await CliRunner.RunAsync("gitops", "render", "--check", "--config", changed, "--output", "json");

        Assert.Equal(ExitCodes.Failure, exit);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(
            ["blue/sample-app/deployment.yaml", "green/sample-app/deployment.yaml"],
            json.RootElement.GetProperty("stale").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Render_IntoAnotherDirectory_WithDir()
    {
        var target = Path.Combine(_dir, "elsewhere");

        var (exit, _) = await CliRunner.RunAsync("gitops", "render", "--config", Config(), "--dir", target);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.True(File.Exists(Path.Combine(target, "blue", "external-dns", "deployment.yaml")));
        Assert.False(Directory.Exists(Deploy()));
    }

    [Fact]
    public async Task Render_WithoutAnAccount_ExitsTwo_NamingTheKey_AndWritesNothing()
    {
        var config = Config(yaml => string.Join('\n', yaml.Split('\n').Where(line => !line.StartsWith("account:", StringComparison.Ordinal))));

        var (exit, output) = await CliRunner.RunAsync("gitops", "render", "--config", config);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("account:", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Deploy()));
    }

    [Fact]
    public async Task Render_WithABadConfiguration_ExitsTwo()
    {
        var config = Config(yaml => yaml.Replace("externalDnsVersion: v0.23.0", "externalDnsVersion: latest", StringComparison.Ordinal));

        var (exit, output) = await CliRunner.RunAsync("gitops", "render", "--config", config);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("gitops.externalDnsVersion", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Deploy()));
    }

    [Fact]
    public async Task Render_IntoADirectoryThatIsNotARenderedTree_ExitsTwo_AndDeletesNothing()
    {
        var config = Config();
        File.WriteAllText(Path.Combine(_dir, "notes.txt"), "mine");

        var (exit, output) = await CliRunner.RunAsync("gitops", "render", "--config", config, "--dir", _dir);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("is not a rendered GitOps tree", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir, "notes.txt")));
        Assert.True(File.Exists(config));
        Assert.False(File.Exists(Path.Combine(_dir, "README.md")));
    }

    [Fact]
    public async Task Render_WhereAFileStandsInTheWay_ExitsOne_WithoutAStackTrace()
    {
        var config = Config();
        var blocker = Path.Combine(_dir, "blocked");
        File.WriteAllText(blocker, "a file, not a directory");

        var (exit, output) = await CliRunner.RunAsync("gitops", "render", "--config", config, "--dir", Path.Combine(blocker, "deploy"));

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("Cannot write", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }
}
