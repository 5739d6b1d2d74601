using System.Text.Json;
using System.Text.RegularExpressions;
using BlueGreen.Tests;
using YamlDotNet.RepresentationModel;

namespace BlueGreen.Infrastructure.Tests;

/// <summary>The buildspec installs exactly the SDK the repository builds with, and verifies it before running anything from it.</summary>
public sealed partial class BuildspecInstallTests
{
    private static readonly YamlMappingNode Root = Load();

    private static YamlMappingNode Load()
    {
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Assets", "buildspec.yml"));
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static string Variable(string name) =>
        ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)Root.Children[new YamlScalarNode("env")]).Children[new YamlScalarNode("variables")]).Children[new YamlScalarNode(name)]).Value!;

    private static IReadOnlyList<string> Install() =>
        [.. ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)Root.Children[new YamlScalarNode("phases")]).Children[new YamlScalarNode("install")]).Children[new YamlScalarNode("commands")])
            .Select(c => ((YamlScalarNode)c).Value ?? string.Empty)];

    [Fact]
    public void InstallsTheSdkVersionOfGlobalJson()
    {
        using var global = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("global.json")));

        Assert.Equal(global.RootElement.GetProperty("sdk").GetProperty("version").GetString(), Variable("DOTNET_SDK_VERSION"));
    }

    [Fact]
    public void RunsNoDownloadedScript()
    {
        Assert.All(Install(), command =>
        {
            Assert.DoesNotMatch(PipedIntoShell(), command);
            Assert.DoesNotContain("dotnet-install", command, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void ChecksTheArchiveAgainstItsPinnedSha512_BeforeUnpackingIt()
    {
        var install = Assert.Single(Install(), c => c.Contains("curl", StringComparison.Ordinal));

        Assert.Matches("^[0-9a-f]{128}$", Variable("DOTNET_SDK_SHA512"));
        Assert.Contains("dotnet-sdk-${DOTNET_SDK_VERSION}-linux-x64.tar.gz", install, StringComparison.Ordinal);
        var check = install.IndexOf("sha512sum -c", StringComparison.Ordinal);
        Assert.True(check > 0, "The archive is never checked.");
        Assert.True(check < install.IndexOf("tar -xzf", StringComparison.Ordinal), "The archive is unpacked before it is checked.");
        // Chained with &&: a mismatch ends the command before the archive is unpacked.
        Assert.Contains("| sha512sum -c - && mkdir", install, StringComparison.Ordinal);
    }

    [Fact]
    public void StopsWhenTheInstalledSdkIsNotThePinnedOne()
    {
        Assert.Contains(Install(), c => c.StartsWith("test \"$(dotnet --version)\" = \"$DOTNET_SDK_VERSION\" ||", StringComparison.Ordinal) && c.Contains("exit 1", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\|\s*(ba|z|)sh\b")]
    private static partial Regex PipedIntoShell();
}
