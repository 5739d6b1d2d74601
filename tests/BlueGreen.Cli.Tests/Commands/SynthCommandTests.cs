using System.Text.Json;
using BlueGreen.Cli.Infrastructure;

namespace BlueGreen.Cli.Tests.Commands;

public sealed class SynthCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bluegreen-synth-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Synth_DefaultFile_WritesATemplatePerStack_AndListsThem()
    {
        var outDir = Path.Combine(_dir, "out");

        var (exit, output) = await CliRunner.RunAsync("synth", "--config", CliRunner.DefaultConfigPath, "--out", outDir);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("Synthesized 4 stacks", output, StringComparison.Ordinal);
        foreach (var stack in new[] { "test-common", "test-ci", "test-blue", "test-green" })
        {
            Assert.Contains(stack, output, StringComparison.Ordinal);
            using var template = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, $"{stack}.template.json")));
            Assert.True(template.RootElement.GetProperty("Resources").EnumerateObject().Any(), $"{stack} has no resources.");
        }

        Assert.True(File.Exists(Path.Combine(outDir, "manifest.json")));
    }

    [Fact]
    public async Task Synth_Json_PrintsOneParsableDocumentNamingEveryTemplate()
    {
        var outDir = Path.Combine(_dir, "json");

        var (exit, output) = await CliRunner.RunAsync("synth", "--config", CliRunner.DefaultConfigPath, "--out", outDir, "--output", "json");

        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("ok").GetBoolean());
        var templates = json.RootElement.GetProperty("stacks").EnumerateArray().Select(s => s.GetProperty("template").GetString()!).ToList();
        Assert.Equal(4, templates.Count);
        Assert.All(templates, t => Assert.True(File.Exists(t), t));
    }

    [Fact]
    public async Task Synth_OutIsAFile_ExitsTwo_AndLeavesTheFileAlone()
    {
        var file = Path.Combine(_dir, "taken");
        File.WriteAllText(file, "keep");

        var (exit, output) = await CliRunner.RunAsync("synth", "--config", CliRunner.DefaultConfigPath, "--out", file);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("is a file; name a directory", output, StringComparison.Ordinal);
        Assert.Equal("keep", File.ReadAllText(file));
    }

    [Fact]
    public async Task Synth_ColourThatCollidesWithAStackName_ExitsTwo_NamesTheKey_WritesNothing()
    {
        var path = Path.Combine(_dir, "bluegreen.yaml");
        File.WriteAllText(path, File.ReadAllText(CliRunner.DefaultConfigPath).Replace("- colour: green", "- colour: ci", StringComparison.Ordinal));
        var outDir = Path.Combine(_dir, "never");

        var (exit, output) = await CliRunner.RunAsync("synth", "--config", path, "--out", outDir);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("clusters[1].colour: The colour 'ci' would collide with the <env>-ci stack.", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task Synth_BadFile_ExitsTwo_WritesNothing()
    {
        var path = Path.Combine(_dir, "bluegreen.yaml");
        File.WriteAllText(path, File.ReadAllText(CliRunner.DefaultConfigPath).Replace("  natGateways: 1", "  natGateways: 5", StringComparison.Ordinal));
        var outDir = Path.Combine(_dir, "never");

        var (exit, output) = await CliRunner.RunAsync("synth", "--config", path, "--out", outDir);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("network.natGateways", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }
}
