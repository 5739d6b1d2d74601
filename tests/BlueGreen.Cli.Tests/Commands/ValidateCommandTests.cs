using System.Text.Json;
using BlueGreen.Cli.Infrastructure;

namespace BlueGreen.Cli.Tests.Commands;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bluegreen-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Validate_DefaultFile_ExitsZeroWithASummary()
    {
        var (exit, output) = await CliRunner.RunAsync("validate", "--config", CliRunner.DefaultConfigPath);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("is valid", output, StringComparison.Ordinal);
        Assert.Contains("test-blue", output, StringComparison.Ordinal);
        Assert.Contains("1.33", output, StringComparison.Ordinal);
        Assert.Contains("Plan blue -> green: 10% for 5m, 25% for 5m, 50% for 5m, 100% for 5m; drain 2m.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Json_PrintsOneParsableDocument()
    {
        var (exit, output) = await CliRunner.RunAsync("validate", "--config", CliRunner.DefaultConfigPath, "--output", "json");

        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal("green", json.RootElement.GetProperty("plan").GetProperty("to").GetString());
        Assert.Equal("1.32", json.RootElement.GetProperty("clusters")[0].GetProperty("version").GetString());
    }

    [Fact]
    public async Task Validate_DefaultFile_WarnsWithPositions_AboutWhatADeploymentMustSet()
    {
        var (exit, output) = await CliRunner.RunAsync("validate", "--config", CliRunner.DefaultConfigPath);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Matches(@"warning .*bluegreen\.yaml:\d+:\d+: clusters\[0\]\.adminRoleArns: No one gets access to test-blue", output.Replace("\n", " ", StringComparison.Ordinal));
        Assert.Contains("gitops.repoUrl", output, StringComparison.Ordinal);
        Assert.Contains("10 warning(s)", output, StringComparison.Ordinal);
        Assert.Contains("6 of them must be fixed before a deployment to AWS", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Json_ListsTheWarnings_WithWhetherTheyBlockAws()
    {
        var (_, output) = await CliRunner.RunAsync("validate", "--config", CliRunner.DefaultConfigPath, "--output", "json");

        using var json = JsonDocument.Parse(output);
        var warnings = json.RootElement.GetProperty("warnings").EnumerateArray().ToList();
        var admins = warnings.Single(w => w.GetProperty("path").GetString() == "clusters[1].adminRoleArns");
        Assert.Equal(10, warnings.Count);
        Assert.True(admins.GetProperty("blocksAws").GetBoolean());
        Assert.True(admins.GetProperty("line").GetInt32() > 0);
    }

    [Fact]
    public async Task Validate_BadFile_ExitsTwo_ListsEveryError_AndWritesNothing()
    {
        var path = Path.Combine(_dir, "bluegreen.yaml");
        var yaml = File.ReadAllText(CliRunner.DefaultConfigPath)
            .Replace("region: ap-northeast-1", "region: mars-1", StringComparison.Ordinal)
            .Replace("  steps: [10, 25, 50, 100]", "  steps: [10, 25, 50]", StringComparison.Ordinal);
        File.WriteAllText(path, yaml);
        var before = Snapshot();

        var (exit, output) = await CliRunner.RunAsync("validate", "--config", path);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("region: 'mars-1' is not an AWS region.", output, StringComparison.Ordinal);
        Assert.Contains("traffic.steps[2]: The plan ends at 50 %", output, StringComparison.Ordinal);
        Assert.Contains("2 error(s)", output, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Validate_BadFile_Json_ReportsErrorsWithPositions()
    {
        var path = Path.Combine(_dir, "bluegreen.yaml");
        File.WriteAllText(path, File.ReadAllText(CliRunner.DefaultConfigPath).Replace("  ttl: 60 ", "  ttl: 0 ", StringComparison.Ordinal));

        var (exit, output) = await CliRunner.RunAsync("validate", "--config", path, "-o", "json");

        Assert.Equal(ExitCodes.BadInput, exit);
        using var json = JsonDocument.Parse(output);
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("dns.ttl", error.GetProperty("path").GetString());
        Assert.True(error.GetProperty("line").GetInt32() > 1);
    }

    [Fact]
    public async Task Validate_MissingFile_ExitsTwo()
    {
        var (exit, output) = await CliRunner.RunAsync("validate", "--config", Path.Combine(_dir, "absent.yaml"));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("does not exist", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOutputFormat_ExitsTwo()
    {
        var (exit, output) = await CliRunner.RunAsync("validate", "--output", "xml");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("xml", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_ExitsTwo_PointingAtHelp()
    {
        var (exit, output) = await CliRunner.RunAsync("upgrad");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("--help", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_PrintsTheToolVersion()
    {
        var (exit, output) = await CliRunner.RunAsync("--version");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(BlueGreenCli.Version, output.Trim());
    }

    [Fact]
    public async Task Help_ShowsExamples()
    {
        var (exit, output) = await CliRunner.RunAsync("--help");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("EXAMPLES:", output, StringComparison.Ordinal);
        Assert.Contains("bluegreen validate --config bluegreen.yaml", output, StringComparison.Ordinal);
    }

    private string Snapshot() =>
        string.Join('\n', Directory.EnumerateFileSystemEntries(_dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p => $"{p} {(File.Exists(p) ? File.ReadAllText(p).GetHashCode(StringComparison.Ordinal) : 0)}"));
}
